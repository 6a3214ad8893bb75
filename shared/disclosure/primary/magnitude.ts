/**
 * Magnitude tables (cbs-business): sums of a non-negative quantity (turnover, employees) per cell,
 * with the per-cell contributions that the dominance and p% rules need. Primary cells are those
 * with too few contributors or a dominant one; the same secondary suppression and audit then
 * protect them, with a relative margin (the larger of the rule set's relative margin and p %),
 * because an absolute margin in counts means nothing for euros.
 */
import type { DisclosureMessage } from '../../i18n/message-types';
import type { DisclosureSummary } from '../../model/results';
import { summary } from './result-checks';
import { crosstabLayout, flattenCrosstab } from '../secondary/linear-table';
import { magnitudeReason, type Contribution } from './cell-rules';
import { requiredWidth, type RuleSet } from '../rules';
import { protectTable } from '../secondary/suppress';

export interface MagnitudeSuppression {
  /** [row][col] of the interior. */
  suppressed: boolean[][];
  rowTotals: boolean[];
  colTotals: boolean[];
  grand: boolean;
  rules: DisclosureSummary;
}

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

/**
 * `sums[i][j]` must equal `contributions[i][j].total`. Margin contributions are optional; margins
 * without them are only protected as parts of the linear structure.
 */
export function suppressMagnitudeTable(
  sums: readonly (readonly number[])[],
  contributions: readonly (readonly Contribution[])[],
  rs: RuleSet,
  margins?: { rows?: readonly Contribution[]; cols?: readonly Contribution[]; grand?: Contribution },
): MagnitudeSuppression {
  const r = sums.length;
  const c = sums[0]?.length ?? 0;
  const layout = crosstabLayout(r, c);
  const rowT = sums.map(sum);
  const colT = Array.from({ length: c }, (_, j) => sum(sums.map((row) => row[j])));
  const values = flattenCrosstab(sums, rowT, colT, sum(rowT));
  const contrib: (Contribution | undefined)[] = [
    ...contributions.flat(),
    ...(margins?.rows ?? new Array<undefined>(r).fill(undefined)),
    ...(margins?.cols ?? new Array<undefined>(c).fill(undefined)),
    margins?.grand,
  ];
  const reasons = contrib.map((k) => (k ? magnitudeReason(k, rs) : null));
  const primary = reasons.map((x) => x !== null);
  const margin = { absolute: 0, relative: Math.max(rs.protectionMargin.relative, (rs.pPercent ?? 0) / 100) };
  const need = (cell: number, v: number) => (primary[cell] ? Math.max(requiredWidth(v, margin), Number.MIN_VALUE) : 0);
  const res =
    rs.name === 'none'
      ? { suppressed: values.map(() => false), secondary: values.map(() => false), failures: [] }
      : protectTable(layout.table, [{ values, required: need, integer: false }], primary);
  const nPrimary = primary.filter(Boolean).length;
  const nSecondary = res.secondary.filter(Boolean).length;
  const text: DisclosureMessage[] = [];
  for (const kind of ['count', 'dominance', 'p-percent'] as const) {
    const n = reasons.filter((x) => x === kind).length;
    if (n > 0) text.push({ code: 'magnitude-unsafe', n, rule: kind });
  }
  if (nSecondary > 0) text.push({ code: 'secondary-magnitude', n: nSecondary });
  const blocked = res.failures.length > 0;
  const hide = blocked ? values.map(() => true) : res.suppressed;
  if (blocked) text.push({ code: 'no-pattern' });
  const status = blocked ? 'blocked' : hide.some(Boolean) ? 'suppressed' : 'safe';
  return {
    suppressed: sums.map((row, i) => row.map((_v, j) => hide[layout.interior(i, j)])),
    rowTotals: rowT.map((_v, i) => hide[layout.rowTotal(i)]),
    colTotals: colT.map((_v, j) => hide[layout.colTotal(j)]),
    grand: hide[layout.grand],
    rules: summary(rs, status, text, nPrimary, nSecondary),
  };
}
