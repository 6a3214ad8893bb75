/**
 * Applies a rule set to a banner table (one row variable against Totaal and stacked/nested column
 * groups): primary rules on cells and bases, blocking of columns with a small base, secondary
 * suppression proven by the audit, then nulling of values, percentages, significance letters that
 * point at suppressed cells, and means of small groups.
 */
import type { BannerCell, BannerResult } from '../../model/results';
import { bannerLayout } from '../secondary/banner-layout';
import { percentagesShown, withheldCell } from './banner-cells';
import { meansGivingAway } from './banner-means';
import type { DisclosureMessage } from '../../i18n/message-types';
import { checkLinkingKeys, keyMessages, summary } from '../primary/result-checks';
import { unsafeCount } from '../primary/cell-rules';
import { alignCounts, markDifferences, unsafeDifferences, type DifferenceSource } from '../primary/differences';
import { protectionNeed, weightedNeed } from '../secondary/need';
import type { RuleSet } from '../rules';
import { protectTable, type Layer } from '../secondary/suppress';

export interface BannerRuleOptions {
  /**
   * Column keys whose base must be withheld because another table of the same book withholds the
   * same base (see applyRulesToBanners). They are hidden here too and must not be determined.
   */
  hideBases?: ReadonlySet<string>;
  /**
   * Layout cells (bannerLayout ids) released by a recorded override (overrides/apply.ts): published
   * and known to the intruder, never primary or secondary; the rest is protected around them.
   */
  release?: ReadonlySet<number>;
  /**
   * The same banner under other selections (no filter, the filter without one of its conditions, a
   * filter already released): cells whose difference from them is unsafe are primary (differences.ts).
   */
  references?: readonly { table: BannerResult; source: DifferenceSource }[];
}

/** A reference banner flattened in this banner's layout: cells by category code and column key, bases by key. */
function referenceValues(result: BannerResult, ref: BannerResult, flatten: (counts: number[][], bases: number[]) => number[]): number[] {
  const counts = alignCounts(
    result.rows,
    result.columns,
    ref.rows,
    ref.columns,
    ref.cells.map((row) => row.map((c) => c.count)),
    (r) => String(r.code),
    (c) => c.key,
  );
  const bases = result.columns.map((c) => {
    const k = ref.columns.findIndex((rc) => rc.key === c.key);
    return k < 0 ? 0 : (ref.base.count[k] ?? 0);
  });
  return flatten(counts, bases);
}

export function applyRulesToBanner(result: BannerResult, rs: RuleSet, opts: BannerRuleOptions = {}): BannerResult {
  if (rs.name === 'none') {
    return { ...result, cells: result.cells.map((row) => row.map((c) => ({ ...c, suppressed: false }))), rules: summary(rs, 'safe') };
  }
  const r = result.rows.length;
  const vars = [result.rowVariable.name, ...result.columns.flatMap((c) => c.path.map((p) => p.variable))];
  const keys = checkLinkingKeys([...new Set(vars)], undefined, rs);
  if (!keys.ok) return blockAll(result, rs, keyMessages(keys.hits));
  if (result.cells.some((row) => row.some((c) => c.count === null)) || result.base.count.some((b) => b === null)) {
    return blockAll(result, rs, [{ code: 'input-suppressed' }]);
  }
  const counts = result.cells.map((row) => row.map((c) => c.count as number));
  const bases = result.base.count as number[];
  const layout = withReleased(bannerLayout(r, result.columns, result.nets, result.sets), opts.release);
  const total = layout.totalColumn;
  const reasons: DisclosureMessage[] = [];
  if (total >= 0 && unsafeCount(bases[total], rs)) {
    return blockAll(result, rs, [{ code: 'table-small', n: bases[total], min: rs.minCount }]);
  }
  const countValues = layout.flatten(counts, bases);
  // Remainders are known and slacks never published: neither is checked nor protected.
  const published = (cell: number) => !layout.table.fixed?.[cell] && !layout.free[cell];
  const primary = countValues.map((v, cell) => published(cell) && unsafeCount(v, rs));
  const unsafeCells = primary.filter(Boolean).length;
  if (unsafeCells > 0) reasons.push({ code: 'primary-banner', n: unsafeCells, min: rs.minCount });
  const refs = (opts.references ?? []).map((r) => ({ values: referenceValues(result, r.table, layout.flatten), source: r.source }));
  markDifferences(primary, unsafeDifferences(countValues, refs, rs), (cell) => !published(cell), rs, reasons);
  if (rs.suppressSmallBase) {
    bases.forEach((b, k) => {
      if (!unsafeCount(b, rs)) return;
      for (let i = 0; i < r; i++) if (!layout.table.fixed?.[layout.interior(i, k)]) primary[layout.interior(i, k)] = true;
      reasons.push({ code: 'column-base', label: result.columns[k].label, base: b, min: rs.minCount });
    });
  }
  if (total < 0 && bases.every((b) => unsafeCount(b, rs) || b === 0)) {
    return blockAll(result, rs, [...reasons, { code: 'all-bases-below' }]);
  }
  const linked = result.columns.map((c, k) => (opts.hideBases?.has(c.key) ? layout.base(k) : -1)).filter((c) => c >= 0 && !primary[c]);
  if (linked.length > 0) reasons.push({ code: 'linked-base', n: linked.length });
  const needs = (cell: number, v: number) => (published(cell) ? protectionNeed(v, primary[cell] || linked.includes(cell), rs) : 0);
  const layers: Layer[] = [{ values: countValues, required: needs, integer: true }];
  if (result.weight) {
    const w = layout.flatten(
      result.cells.map((row) => row.map((c) => c.weighted ?? 0)),
      result.base.weighted.map((b) => b ?? 0),
    );
    layers.push({
      values: w,
      integer: false,
      required: (cell, wv) => (published(cell) ? weightedNeed(countValues[cell], wv, primary[cell] || linked.includes(cell), rs) : 0),
    });
  }
  const prot = protectTable(
    layout.table,
    layers,
    primary.map((p, c) => p || linked.includes(c)),
    { free: layout.free },
  );
  if (prot.failures.length > 0) {
    return blockAll(result, rs, [...reasons, { code: 'no-pattern' }]);
  }
  const hide = prot.suppressed.slice();
  // A set's item column whose base is withheld is withheld whole: its cells would bound the base from below.
  for (const set of result.sets ?? []) for (const k of set.columns) if (hide[layout.base(k)]) for (let i = 0; i < r; i++) hide[layout.interior(i, k)] = true;
  const secondary = hide.filter((h, c) => h && !primary[c]).length;
  if (secondary > 0) reasons.push({ code: 'secondary-cells', n: secondary });
  const baseHidden = (k: number) => hide[layout.base(k)];
  const cellHidden = (i: number, k: number) => hide[layout.interior(i, k)];
  const shownPct = percentagesShown(result.columns, r, cellHidden, baseHidden);
  const cells = result.cells.map((row, i) => {
    const hiddenLetters = new Set(result.columns.filter((col, k) => cellHidden(i, k) || baseHidden(k)).map((col) => `${col.group}\u0000${col.letter}`));
    return row.map((c, k): BannerCell => {
      const group = result.columns[k].group;
      if (cellHidden(i, k)) {
        const kind = primary[layout.interior(i, k)] ? 'primary' : 'secondary';
        return withheldCell(c, kind);
      }
      const sig = [...c.sig].filter((letter) => !hiddenLetters.has(`${group}\u0000${letter}`)).join('');
      return {
        ...c,
        pct: baseHidden(k) ? null : c.pct,
        rowPct: shownPct.row(i, k) ? c.rowPct : null,
        totalPct: shownPct.total(k) ? c.totalPct : null,
        sig,
        suppressed: false,
      };
    });
  });
  const columnHasHidden = (k: number) => result.rows.some((_row, i) => cellHidden(i, k));
  // A mean is a linear fact about its column's cells (banner-means.ts): with a sampling weight the audit
  // decides which means keep the pattern's protection; otherwise a column with a withheld cell has none.
  const givesAway =
    result.means && result.weight?.type === 'sampling'
      ? meansGivingAway({ result, layout, hidden: hide, weighted: layers[layers.length - 1], withheld: baseHidden })
      : null;
  const means = result.means ? suppressMeans(result, rs, (k) => baseHidden(k) || (givesAway ? givesAway[k] : columnHasHidden(k)), reasons) : undefined;
  const any = hide.some(Boolean);
  return {
    ...result,
    cells,
    base: {
      count: result.base.count.map((v, k) => (baseHidden(k) ? null : v)),
      weighted: result.base.weighted.map((v, k) => (baseHidden(k) ? null : v)),
      effective: result.base.effective.map((v, k) => (baseHidden(k) ? null : v)),
    },
    means,
    rules: summary(rs, any ? 'suppressed' : 'safe', reasons, primary.filter(Boolean).length, secondary),
  };
}

/** The layout with released cells marked fixed: known, so neither hidden nor chosen as partners. */
function withReleased(layout: ReturnType<typeof bannerLayout>, release: ReadonlySet<number> | undefined) {
  if (!release || release.size === 0) return layout;
  const fixed = Array.from({ length: layout.table.size }, (_, c) => layout.table.fixed?.[c] === true || release.has(c));
  return { ...layout, table: { ...layout.table, fixed } };
}

/**
 * Means need a group of at least minCount units. A column's mean and its standard error are functions
 * of its cells (Σ code·count and Σ code²·count over its base): beside a withheld cell they are one and
 * two more equations over the column's withheld cells — with two withheld, base and mean solve them
 * exactly — so `withheld` says which columns show none (banner-means.ts decides it by the audit for
 * sampling weights; otherwise any withheld cell withholds the column's mean). Within a group that partitions Totaal, a single withheld mean
 * could be recovered from Totaal's mean and the others (Σ n·mean), so a second one — the smallest
 * group — is withheld with it.
 */
function suppressMeans(result: BannerResult, rs: RuleSet, withheld: (k: number) => boolean, reasons: DisclosureMessage[]): BannerResult['means'] {
  const m = result.means!;
  const hide = result.columns.map((_c, k) => withheld(k) || !((m.n[k] ?? 0) >= rs.minCount));
  const groups = new Map<string, number[]>();
  result.columns.forEach((c, k) => {
    if (c.path.length === 0) return;
    groups.set(c.group, [...(groups.get(c.group) ?? []), k]);
  });
  for (const members of groups.values()) {
    const hidden = members.filter((k) => hide[k]);
    const shown = members.filter((k) => !hide[k]).sort((a, b) => (m.n[a] ?? 0) - (m.n[b] ?? 0));
    if (hidden.length === 1 && shown.length > 0) hide[shown[0]] = true;
  }
  const count = hide.filter(Boolean).length;
  if (count > 0) reasons.push({ code: 'means-withheld', n: count, min: rs.minCount });
  const mask = (xs: (number | null)[]) => xs.map((v, k) => (hide[k] ? null : v));
  return { mean: mask(m.mean), se: mask(m.se), n: mask(m.n) };
}

function blockAll(result: BannerResult, rs: RuleSet, reasons: DisclosureMessage[]): BannerResult {
  const nulls = (xs: (number | null)[]) => xs.map(() => null);
  return {
    ...result,
    cells: result.cells.map((row) => row.map((c) => withheldCell(c, 'primary'))),
    base: { count: nulls(result.base.count), weighted: nulls(result.base.weighted), effective: nulls(result.base.effective) },
    means: result.means ? { mean: nulls(result.means.mean), se: nulls(result.means.se), n: nulls(result.means.n) } : undefined,
    rules: summary(rs, 'blocked', reasons, result.rows.length * result.columns.length, 0),
  };
}
