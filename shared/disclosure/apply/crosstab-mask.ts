/**
 * Publishes one crosstab under a suppression pattern decided elsewhere (by crosstab.ts for a
 * single table, by layers.ts jointly over all layers and the total). A hidden cell takes its counts, Σw and percentages with it; a hidden
 * margin takes the percentages computed on it; any hidden cell withholds the chi-square, which with
 * the margins could narrow down a hidden value.
 */
import type { CrosstabTable, DisclosureSummary } from '../../model/results';
import { crosstabLayout } from '../secondary/linear-table';

type Grid = (number | null)[][];

/** `hide` is in the table's own crosstabLayout order (interior, row totals, column totals, grand). */
export function publishWithPattern(table: CrosstabTable, hide: readonly boolean[], rules: DisclosureSummary): CrosstabTable {
  const layout = crosstabLayout(table.rows.length, table.cols.length);
  const cell = (i: number, j: number) => hide[layout.interior(i, j)];
  const rowHidden = (i: number) => hide[layout.rowTotal(i)];
  const colHidden = (j: number) => hide[layout.colTotal(j)];
  const grandHidden = hide[layout.grand];
  const any = hide.some(Boolean);
  const mask = (g: Grid, extra: (i: number, j: number) => boolean): Grid => g.map((row, i) => row.map((v, j) => (cell(i, j) || extra(i, j) ? null : v)));
  const none = () => false;
  return {
    ...table,
    count: mask(table.count, none),
    weighted: mask(table.weighted, none),
    colPct: mask(table.colPct, (_i, j) => colHidden(j)),
    rowPct: mask(table.rowPct, (i) => rowHidden(i)),
    totalPct: table.totalPct && mask(table.totalPct, () => grandHidden),
    rowTotals: table.rowTotals.map((v, i) => (rowHidden(i) ? null : v)),
    colTotals: table.colTotals.map((v, j) => (colHidden(j) ? null : v)),
    rowCounts: table.rowCounts?.map((v, i) => (rowHidden(i) ? null : v)),
    colCounts: table.colCounts?.map((v, j) => (colHidden(j) ? null : v)),
    total: grandHidden ? null : table.total,
    n: grandHidden ? undefined : table.n,
    chi2: any ? null : table.chi2,
    suppressed: table.count.map((row, i) => row.map((_v, j) => cell(i, j))),
    rules,
  };
}
