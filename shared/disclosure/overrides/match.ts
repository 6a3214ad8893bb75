/**
 * Which recorded overrides apply to a computed table (before the rules): the identity of a banner or
 * crosstab, the fingerprint of its unweighted counts, and the check of each released cell's count.
 * See override.ts for what "the same table" means and why the counts are part of it.
 */
import { legacyText, type DisclosureMessage } from '../../i18n/messages';
import type { Code } from '../../model/dataset';
import type { BannerResult, CrosstabTable } from '../../model/results';
import type { OverrideColumns, OverrideRecord, TableIdentity } from './override';
import type { RuleSet } from '../rules';

/** The unweighted counts of a table, addressed as override cells are. */
export interface CountView {
  fingerprint: string;
  /** Unweighted count of a cell, undefined when the table has no such cell. */
  count(row: Code, col: string): number | undefined;
  /** Labels for the log and the checker's sheet. */
  labels(row: Code, col: string): { rowLabel: string; colLabel: string };
}

export interface OverrideMatch {
  applied: OverrideRecord[];
  /** `message`: why, as the reason the table's summary gets (see shared/i18n/messages.ts). */
  stale: { override: OverrideRecord; why: string; message: DisclosureMessage; whyMessage: DisclosureMessage }[];
}

/** cyrb53 (public-domain 53-bit string hash): enough to notice changed counts, not a security hash. */
function hash53(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/**
 * Fingerprint of the cross-classified counts: every non-empty (row, column) cell outside Totaal,
 * order-free, so a banner "Totaal | col" and the crosstab row × col give the same value. A table with
 * only a Totaal column is fingerprinted on its Totaal cells.
 */
export function countFingerprint(cells: readonly { row: Code; col: string; count: number }[]): string {
  const inner = cells.some((c) => c.col !== 'total') ? cells.filter((c) => c.col !== 'total') : cells;
  const parts = inner.filter((c) => c.count !== 0).map((c) => `${String(c.row)}\u0000${c.col}\u0000${c.count}`);
  return hash53(parts.sort().join('\u0001'));
}

const cellKey = (row: Code, col: string) => `${String(row)}\u0000${col}`;

function viewOf(cells: { row: Code; col: string; count: number; rowLabel: string; colLabel: string }[]): CountView {
  const byKey = new Map(cells.map((c) => [cellKey(c.row, c.col), c]));
  return {
    fingerprint: countFingerprint(cells),
    count: (row, col) => byKey.get(cellKey(row, col))?.count,
    labels: (row, col) => {
      const c = byKey.get(cellKey(row, col));
      return { rowLabel: c?.rowLabel ?? String(row), colLabel: c?.colLabel ?? col };
    },
  };
}

const columnLabel = (c: BannerResult['columns'][number]) => (c.path.length > 1 ? c.path.map((p) => p.label).join(' × ') : c.label);

/** A raw banner (before the rules: every count known). */
export function bannerCountView(raw: BannerResult): CountView {
  return viewOf(
    raw.rows.flatMap((r, i) =>
      raw.columns.map((c, k) => ({ row: r.code, col: c.key, count: raw.cells[i][k].count ?? NaN, rowLabel: r.label, colLabel: columnLabel(c) })),
    ),
  );
}

/** A raw crosstab as the banner "Totaal | col": row totals are the Totaal column. */
export function crosstabCountView(raw: CrosstabTable): CountView {
  const colVar = raw.colVariable ?? '';
  const rowN = raw.rowCounts ?? (raw.weight ? undefined : raw.rowTotals);
  return viewOf(
    raw.rows.flatMap((r, i) => [
      ...raw.cols.map((c, j) => ({ row: r.code, col: `${colVar}=${String(c.code)}`, count: raw.count[i][j] ?? NaN, rowLabel: r.label, colLabel: c.label })),
      ...(rowN ? [{ row: r.code, col: 'total', count: rowN[i] ?? NaN, rowLabel: r.label, colLabel: 'Totaal' }] : []),
    ]),
  );
}

/** The column structure of a banner, read back from its columns (the spec that made them). */
export function bannerColumns(r: BannerResult): OverrideColumns {
  const items: OverrideColumns['items'] = [];
  let last = '';
  for (const c of r.columns) {
    if (c.path.length === 0) continue;
    const sig = c.path.map((p) => p.variable).join('\u0000');
    if (sig === last) continue;
    last = sig;
    items.push(c.path.length === 1 ? { variable: c.path[0].variable } : { nest: [c.path[0].variable, c.path[1].variable] });
  }
  return { total: r.columns.some((c) => c.path.length === 0), items };
}

export function bannerIdentity(dataset: string, r: BannerResult, rs: RuleSet): TableIdentity {
  return {
    dataset,
    row: r.rowVariable.name,
    columns: bannerColumns(r),
    weight: r.weight ? { variable: r.weight.variable, type: r.weight.type } : null,
    ruleSet: { name: rs.name, minCount: rs.minCount },
  };
}

export function crosstabIdentity(dataset: string, t: CrosstabTable, rs: RuleSet): TableIdentity {
  const w = t.weightInfo ?? (t.weight ? { variable: t.weight, type: 'sampling' as const } : null);
  return {
    dataset,
    row: t.rowVariable ?? '',
    columns: { total: true, items: [{ variable: t.colVariable ?? '' }] },
    weight: w ? { variable: w.variable, type: w.type } : null,
    ruleSet: { name: rs.name, minCount: rs.minCount },
  };
}

/** Splits candidate overrides (same key) into those whose counts still hold and stale ones. */
const dateOf = (iso: string) => iso.slice(0, 10);

export function matchOverrides(view: CountView, candidates: readonly OverrideRecord[]): OverrideMatch {
  const out: OverrideMatch = { applied: [], stale: [] };
  for (const o of candidates) {
    if (o.fingerprint !== view.fingerprint) {
      const why: DisclosureMessage = { code: 'override-stale-counts' };
      out.stale.push({ override: o, why: legacyText(why), whyMessage: why, message: { ...why, date: dateOf(o.createdAt) } });
      continue;
    }
    const moved = o.cells.find((c) => view.count(c.row, c.col) !== c.count);
    if (moved) {
      const why: DisclosureMessage = { code: 'override-stale-cell', row: moved.rowLabel, col: moved.colLabel, count: moved.count };
      out.stale.push({ override: o, why: legacyText(why), whyMessage: why, message: { ...why, date: dateOf(o.createdAt) } });
    } else out.applied.push(o);
  }
  return out;
}
