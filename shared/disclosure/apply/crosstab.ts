/**
 * Applies a rule set to one crosstab: primary rules on every cell and margin, blocking of small
 * bases, secondary suppression proven by the LP audit on the unweighted counts and (for weighted
 * tables) on the weighted counts, then nulls everything that could reveal a suppressed value.
 */
import type { CrosstabTable } from '../../model/results';
import { publishWithPattern } from './crosstab-mask';
import type { DisclosureMessage } from '../../i18n/message-types';
import { checkLinkingKeys, keyMessages, summary } from '../primary/result-checks';
import { crosstabLayout, flattenCrosstab } from '../secondary/linear-table';
import { unsafeCount } from '../primary/cell-rules';
import { alignCounts, markDifferences, unsafeDifferences, type DifferenceSource } from '../primary/differences';
import { protectionNeed, weightedNeed } from '../secondary/need';
import type { RuleSet } from '../rules';
import { protectTable, type Layer } from '../secondary/suppress';

type Grid = (number | null)[][];

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

export interface CrosstabRuleOptions {
  /**
   * Layout cells (crosstabLayout ids) released by a recorded override (overrides/apply.ts): published
   * and known to the intruder, never primary or secondary; the rest is protected around them.
   */
  release?: ReadonlySet<number>;
  /** The same crosstab under other selections: cells whose difference is unsafe are primary (differences.ts). */
  references?: readonly { table: CrosstabTable; source: DifferenceSource }[];
}

/** A reference crosstab flattened in this one's layout: cells by category codes, its own margins. */
export function crosstabReferenceValues(table: CrosstabTable, ref: CrosstabTable): number[] {
  const code = (x: { code: unknown }) => String(x.code);
  const cells = alignCounts(table.rows, table.cols, ref.rows, ref.cols, ref.count, code, code);
  const refRowN = ref.count.map((row) => sum(row.map((v) => v ?? 0)));
  const refColN = ref.cols.map((_, j) => sum(ref.count.map((row) => row[j] ?? 0)));
  const rowN = table.rows.map((r) => refRowN[ref.rows.findIndex((x) => code(x) === code(r))] ?? 0);
  const colN = table.cols.map((c) => refColN[ref.cols.findIndex((x) => code(x) === code(c))] ?? 0);
  return flattenCrosstab(cells, rowN, colN, sum(refRowN));
}

export function applyRulesToCrosstab(table: CrosstabTable, rs: RuleSet, opts: CrosstabRuleOptions = {}): CrosstabTable {
  const r = table.rows.length;
  const c = table.cols.length;
  const noneMask = table.count.map((row) => row.map(() => false));
  if (rs.name === 'none') return { ...table, suppressed: noneMask, rules: summary(rs, 'safe') };

  const keys = checkLinkingKeys([table.rowVariable ?? '', table.colVariable ?? ''].filter(Boolean), undefined, rs);
  if (!keys.ok) return blockAll(table, rs, keyMessages(keys.hits));
  if (table.count.some((row) => row.some((v) => v === null))) {
    return blockAll(table, rs, [{ code: 'input-suppressed' }]);
  }
  const counts = table.count as number[][];
  const rowN = counts.map(sum);
  const colN = Array.from({ length: c }, (_, j) => sum(counts.map((row) => row[j])));
  const n = sum(rowN);
  if (unsafeCount(n, rs)) return blockAll(table, rs, [{ code: 'table-small', n, min: rs.minCount }]);

  const layout = crosstabLayout(r, c);
  const released = (cell: number) => opts.release?.has(cell) === true;
  if (opts.release && opts.release.size > 0) layout.table.fixed = Array.from({ length: layout.table.size }, (_, k) => released(k));
  const countValues = flattenCrosstab(counts, rowN, colN, n);
  const reasons: DisclosureMessage[] = [];
  const primary = countValues.map((v, cell) => !released(cell) && unsafeCount(v, rs));
  const unsafeCells = primary.filter(Boolean).length;
  if (unsafeCells > 0) reasons.push({ code: 'primary-cells', n: unsafeCells, min: rs.minCount });
  const refs = (opts.references ?? []).map((r) => ({ values: crosstabReferenceValues(table, r.table), source: r.source }));
  markDifferences(primary, unsafeDifferences(countValues, refs, rs), released, rs, reasons);
  if (rs.suppressSmallBase) {
    colN.forEach((base, j) => {
      if (!unsafeCount(base, rs)) return;
      for (let i = 0; i < r; i++) primary[layout.interior(i, j)] = !released(layout.interior(i, j));
      reasons.push({ code: 'column-base', label: table.cols[j].label, base, min: rs.minCount });
    });
    rowN.forEach((base, i) => {
      if (!unsafeCount(base, rs)) return;
      for (let j = 0; j < c; j++) primary[layout.interior(i, j)] = !released(layout.interior(i, j));
      reasons.push({ code: 'row-base', label: table.rows[i].label, base, min: rs.minCount });
    });
  }

  const needs = (cell: number, v: number) => protectionNeed(v, primary[cell], rs);
  const layers: Layer[] = [{ values: countValues, required: needs, integer: true }];
  const weighted = weightedValues(table, counts);
  if (weighted) {
    const w = flattenCrosstab(weighted, weighted.map(sum), colSums(weighted, c), sum(weighted.map(sum)));
    layers.push({
      values: w,
      integer: false,
      required: (cell, wv) => weightedNeed(countValues[cell], wv, primary[cell], rs),
    });
  }
  const result = protectTable(layout.table, layers, primary);
  if (result.failures.length > 0) {
    return blockAll(table, rs, [...reasons, { code: 'no-pattern' }]);
  }
  const hide = result.suppressed;
  const primaryCount = primary.filter(Boolean).length;
  const secondaryCount = result.secondary.filter(Boolean).length;
  if (secondaryCount > 0) reasons.push({ code: 'secondary-cells', n: secondaryCount });
  const any = hide.some(Boolean);
  if (any && table.chi2) reasons.push({ code: 'chi2-withheld' });

  return publishWithPattern(table, hide, summary(rs, any ? 'suppressed' : 'safe', reasons, primaryCount, secondaryCount));
}

function colSums(g: number[][], c: number): number[] {
  return Array.from({ length: c }, (_, j) => sum(g.map((row) => row[j])));
}

/** The weighted matrix when it differs from the counts (a weighted table), else null. */
function weightedValues(table: CrosstabTable, counts: number[][]): number[][] | null {
  if (!table.weight) return null;
  const w = table.weighted.map((row) => row.map((v) => v ?? 0));
  const same = w.every((row, i) => row.every((v, j) => v === counts[i][j]));
  return same ? null : w;
}

function blockAll(table: CrosstabTable, rs: RuleSet, reasons: DisclosureMessage[]): CrosstabTable {
  const nullGrid = (g: Grid) => g.map((row) => row.map(() => null));
  return {
    ...table,
    count: nullGrid(table.count),
    weighted: nullGrid(table.weighted),
    colPct: nullGrid(table.colPct),
    rowPct: nullGrid(table.rowPct),
    totalPct: table.totalPct ? nullGrid(table.totalPct) : undefined,
    rowTotals: table.rowTotals.map(() => null),
    colTotals: table.colTotals.map(() => null),
    rowCounts: table.rowCounts?.map(() => null),
    colCounts: table.colCounts?.map(() => null),
    total: null,
    n: undefined,
    chi2: null,
    suppressed: table.count.map((row) => row.map(() => true)),
    rules: summary(rs, 'blocked', reasons, table.rows.length * table.cols.length, 0),
  };
}
