/**
 * Applies a rule set to a multiple-response table (shared/engine/mr/table.ts). Item cells, the "any"
 * net and the column bases are counts like any other: below the minimum they are suppressed, and a
 * column whose base is too small is withheld whole. Because items overlap, a set's cells do not add up:
 * secondary suppression works on the linear system of mr-layout.ts — each item its own table with the
 * base as its total, tied to the others only through "any" — and the audit proves every suppressed
 * cell keeps its protection margin against everything published. On top of the chosen pattern:
 * - a withheld base withholds its whole column (items, any, percentages, letters, SEs);
 * - when any item is withheld, the responses and % of responses are withheld everywhere, since
 *   responses are the sum of the items;
 * - letters that point at a withheld cell are dropped, as in banners.
 */
import type { DisclosureMessage } from '../../i18n/message-types';
import type { MrCell, MrResult } from '../../model/results';
import { unsafeCount } from '../primary/cell-rules';
import { markDifferences, unsafeDifferences, type DifferenceSource } from '../primary/differences';
import { checkLinkingKeys, keyMessages, summary } from '../primary/result-checks';
import type { RuleSet } from '../rules';
import { mrLayout } from '../secondary/mr-layout';
import { protectionNeed, weightedNeed } from '../secondary/need';
import { protectTable, type Layer } from '../secondary/suppress';

export interface MrRuleOptions {
  /**
   * Column keys whose base another table published together withholds (as BannerRuleOptions):
   * hidden here too, and protected as if primary.
   */
  hideBases?: ReadonlySet<string>;
  /** The same set table under other selections: cells whose difference is unsafe are primary (differences.ts). */
  references?: readonly { result: MrResult; source: DifferenceSource }[];
}

/** A reference set table flattened in this one's layout: items by code, columns by key (missing: 0). */
function referenceValues(r: MrResult, ref: MrResult, layout: ReturnType<typeof mrResultLayout>): number[] {
  const itemAt = new Map(ref.items.map((it, i) => [String(it.code), i]));
  const colAt = new Map(ref.columns.map((c, k) => [c.key, k]));
  const at = <T>(xs: readonly T[], k: number | undefined) => (k === undefined ? undefined : xs[k]);
  const col = (k: number) => colAt.get(r.columns[k].key);
  return layout.flatten(
    r.items.map((it) => {
      const row = at(ref.cells, itemAt.get(String(it.code))) ?? [];
      return r.columns.map((_c, k) => at(row, col(k))?.count ?? 0);
    }),
    r.columns.map((_c, k) => at(ref.any, col(k))?.count ?? 0),
    r.columns.map((_c, k) => at(ref.base.count, col(k)) ?? 0),
  );
}

/** Every value field of a withheld cell nulled, so a field added to MrCell later cannot slip out. */
export function withheldMrCell(c: MrCell, kind: 'primary' | 'secondary'): MrCell {
  return {
    ...c,
    count: null,
    weighted: null,
    pct: null,
    ...(c.responsePct !== undefined ? { responsePct: null } : {}),
    ...(c.se !== undefined ? { se: null } : {}),
    sig: '',
    suppressed: true,
    suppression: kind,
  };
}

/** The layout of a result: M (most items one case can hold) from the set's members and items. */
export function mrResultLayout(r: MrResult) {
  const maxPerCase = r.set.kind === 'categories' ? Math.min(r.set.variables.length, r.items.length) : r.items.length;
  return mrLayout({ nItems: r.items.length, columns: r.columns, kind: r.set.kind, maxPerCase });
}

export function applyRulesToMrTable(r: MrResult, rs: RuleSet, opts: MrRuleOptions = {}): MrResult {
  if (rs.name === 'none') return { ...r, rules: summary(rs, 'safe') };
  const vars = [...r.set.variables, ...r.columns.flatMap((c) => c.path.map((p) => p.variable))];
  const keys = checkLinkingKeys([...new Set(vars)], undefined, rs);
  if (!keys.ok) return blockAll(r, rs, keyMessages(keys.hits));
  const rowsOf = (f: (c: MrCell) => number | null) => r.cells.map((row) => row.map(f));
  if ([...r.cells.flat(), ...r.any].some((c) => c.count === null) || r.base.count.some((b) => b === null)) {
    return blockAll(r, rs, [{ code: 'input-suppressed' }]);
  }
  const K = r.columns.length;
  const layout = mrResultLayout(r);
  const bases = r.base.count as number[];
  const total = layout.totalColumn;
  if (total >= 0 && unsafeCount(bases[total], rs)) return blockAll(r, rs, [{ code: 'table-small', n: bases[total], min: rs.minCount }]);
  const counts = layout.flatten(
    rowsOf((c) => c.count ?? 0) as number[][],
    r.any.map((c) => c.count ?? 0),
    bases,
  );
  const published = (cell: number) => !layout.table.fixed?.[cell] && !layout.free[cell];
  const primary = counts.map((v, cell) => published(cell) && unsafeCount(v, rs));
  const reasons: DisclosureMessage[] = [];
  const unsafeCells = primary.filter(Boolean).length;
  if (unsafeCells > 0) reasons.push({ code: 'primary-banner', n: unsafeCells, min: rs.minCount });
  const refs = (opts.references ?? []).map((x) => ({ values: referenceValues(r, x.result, layout), source: x.source }));
  markDifferences(primary, unsafeDifferences(counts, refs, rs), (cell) => !published(cell), rs, reasons);
  const columnCells = (k: number) => [...r.items.map((_it, i) => layout.item(i, k)), layout.any(k)];
  if (rs.suppressSmallBase) {
    bases.forEach((b, k) => {
      if (!unsafeCount(b, rs)) return;
      for (const cell of columnCells(k)) primary[cell] = true;
      reasons.push({ code: 'column-base', label: r.columns[k].label, base: b, min: rs.minCount });
    });
  }
  if (total < 0 && bases.every((b) => unsafeCount(b, rs) || b === 0)) return blockAll(r, rs, [...reasons, { code: 'all-bases-below' }]);
  const linked = r.columns.map((c, k) => (opts.hideBases?.has(c.key) ? layout.base(k) : -1)).filter((c) => c >= 0 && !primary[c]);
  if (linked.length > 0) reasons.push({ code: 'linked-base', n: linked.length });
  const protect = (cell: number) => primary[cell] || linked.includes(cell);
  const layers: Layer[] = [{ values: counts, integer: true, required: (cell, v) => (published(cell) ? protectionNeed(v, protect(cell), rs) : 0) }];
  if (r.weight) {
    const w = layout.flatten(
      rowsOf((c) => c.weighted ?? 0) as number[][],
      r.any.map((c) => c.weighted ?? 0),
      r.base.weighted.map((b) => b ?? 0),
    );
    layers.push({ values: w, integer: false, required: (cell, wv) => (published(cell) ? weightedNeed(counts[cell], wv, protect(cell), rs) : 0) });
  }
  const prot = protectTable(
    layout.table,
    layers,
    primary.map((p, c) => p || linked.includes(c)),
    { free: layout.free },
  );
  if (prot.failures.length > 0) return blockAll(r, rs, [...reasons, { code: 'no-pattern' }]);
  const hide = prot.suppressed.slice();
  // A withheld base withholds its column: its items and "any" would otherwise bound it from below.
  for (let k = 0; k < K; k++) if (hide[layout.base(k)]) for (const cell of columnCells(k)) hide[cell] = true;
  const secondaryCells = hide.filter((h, c) => h && !primary[c]).length;
  if (secondaryCells > 0) reasons.push({ code: 'secondary-cells', n: secondaryCells });
  const itemHidden = r.items.some((_it, i) => r.columns.some((_c, k) => hide[layout.item(i, k)]));
  if (itemHidden) reasons.push({ code: 'responses-withheld' });
  const baseHidden = (k: number) => hide[layout.base(k)];
  const rowCells = (cellOf: (k: number) => number, row: MrCell[]): MrCell[] => {
    const hiddenLetters = new Set(r.columns.filter((_c, k) => hide[cellOf(k)]).map((c) => `${c.group}\u0000${c.letter}`));
    return row.map((c, k) => {
      if (hide[cellOf(k)]) return withheldMrCell(c, primary[cellOf(k)] ? 'primary' : 'secondary');
      const group = r.columns[k].group;
      const out: MrCell = { ...c, sig: [...c.sig].filter((letter) => !hiddenLetters.has(`${group}\u0000${letter}`)).join(''), suppressed: false };
      if (c.responsePct !== undefined && itemHidden) out.responsePct = null;
      return out;
    });
  };
  const nullIf = (xs: (number | null)[], hidden: (k: number) => boolean) => xs.map((v, k) => (hidden(k) ? null : v));
  return {
    ...r,
    cells: r.cells.map((row, i) => rowCells((k) => layout.item(i, k), row)),
    any: rowCells(layout.any, r.any),
    base: { count: nullIf(r.base.count, baseHidden), weighted: nullIf(r.base.weighted, baseHidden), effective: nullIf(r.base.effective, baseHidden) },
    responses: {
      count: nullIf(r.responses.count, (k) => itemHidden || baseHidden(k)),
      weighted: nullIf(r.responses.weighted, (k) => itemHidden || baseHidden(k)),
    },
    rules: summary(rs, hide.some(Boolean) ? 'suppressed' : 'safe', reasons, primary.filter(Boolean).length, secondaryCells),
  };
}

function blockAll(r: MrResult, rs: RuleSet, reasons: DisclosureMessage[]): MrResult {
  const nulls = (xs: (number | null)[]) => xs.map(() => null);
  return {
    ...r,
    cells: r.cells.map((row) => row.map((c) => withheldMrCell(c, 'primary'))),
    any: r.any.map((c) => withheldMrCell(c, 'primary')),
    base: { count: nulls(r.base.count), weighted: nulls(r.base.weighted), effective: nulls(r.base.effective) },
    responses: { count: nulls(r.responses.count), weighted: nulls(r.responses.weighted) },
    rules: summary(rs, 'blocked', reasons, (r.items.length + 1) * r.columns.length, 0),
  };
}
