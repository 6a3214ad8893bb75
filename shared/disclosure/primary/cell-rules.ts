/**
 * Primary rules: which cells may not be published as they are.
 *
 * Zero cells. CBS practice for frequency tables (remote-access output guidelines) is that an empty
 * cell is not disclosive on its own: it says nobody has the combination, not who has it. So a count
 * of 0 is safe; only 0 < n < minCount is unsafe. Group disclosure ("all 7 people in this column are
 * unemployed") is caught by the base rule: a column whose base is below minCount is blocked whole.
 */
import type { RuleSet } from '../rules';

/** Unweighted count below the threshold but not empty. */
export function unsafeCount(n: number, rs: RuleSet): boolean {
  return rs.name !== 'none' && n > 0 && n < rs.minCount;
}

/** Cells whose unweighted count is in (0, minCount). */
export function primaryCounts(counts: readonly (readonly number[])[], rs: RuleSet): boolean[][] {
  return counts.map((row) => row.map((n) => unsafeCount(n, rs)));
}

/**
 * A percentage is publishable when its numerator and its denominator both rest on at least
 * minCount units (a zero numerator is fine, as for counts).
 */
export function primaryPercentages(
  numerators: readonly (readonly number[])[],
  denominators: readonly number[],
  rs: RuleSet,
  along: 'col' | 'row' = 'col',
): boolean[][] {
  return numerators.map((row, i) =>
    row.map((n, j) => {
      const d = along === 'col' ? denominators[j] : denominators[i];
      return unsafeCount(n, rs) || (rs.name !== 'none' && d < rs.minCount);
    }),
  );
}

/** Means, medians and other group statistics: the group must hold at least minCount units. */
export function primaryGroupStats(groupN: readonly number[], rs: RuleSet): boolean[] {
  return groupN.map((n) => rs.name !== 'none' && n < rs.minCount);
}

/** Per-cell contributions to a magnitude table (e.g. turnover summed over businesses). */
export interface Contribution {
  total: number;
  /** Largest contributions, largest first; at least two when n >= 2. */
  top: number[];
  /** Number of contributors. */
  n: number;
}

/** (n,k) dominance: the n largest contributors make up more than k % of the cell. */
export function dominanceUnsafe(c: Contribution, rs: RuleSet): boolean {
  if (!rs.dominance || c.total <= 0) return false;
  const { n, k } = rs.dominance;
  const topN = c.top.slice(0, n).reduce((s, x) => s + Math.abs(x), 0);
  return topN > (k / 100) * Math.abs(c.total);
}

/**
 * p% rule: the second largest contributor, subtracting its own value from the published total,
 * must not be able to estimate the largest to within p %:   total − x1 − x2 < (p/100) · x1  is unsafe.
 * (Hundepool et al., Statistical Disclosure Control, Wiley 2012, §4.2.2.)
 */
export function pPercentUnsafe(c: Contribution, rs: RuleSet): boolean {
  if (rs.pPercent === undefined || c.total <= 0 || c.n < 1) return false;
  const x1 = Math.abs(c.top[0] ?? 0);
  const x2 = c.n >= 2 ? Math.abs(c.top[1] ?? 0) : 0;
  return Math.abs(c.total) - x1 - x2 < (rs.pPercent / 100) * x1;
}

export type MagnitudeReason = 'count' | 'dominance' | 'p-percent';

/** Why a magnitude cell is unsafe, or null. Empty cells (n = 0) are safe. */
export function magnitudeReason(c: Contribution, rs: RuleSet): MagnitudeReason | null {
  if (rs.name === 'none' || c.n === 0) return null;
  if (unsafeCount(c.n, rs)) return 'count';
  if (rs.name !== 'cbs-business') return null;
  if (dominanceUnsafe(c, rs)) return 'dominance';
  if (pPercentUnsafe(c, rs)) return 'p-percent';
  return null;
}

export function primaryMagnitude(cells: readonly (readonly Contribution[])[], rs: RuleSet): boolean[][] {
  return cells.map((row) => row.map((c) => magnitudeReason(c, rs) !== null));
}

export type StatisticKind = 'mean' | 'median' | 'sd' | 'percentile' | 'min' | 'max';

/**
 * Whether a descriptive statistic may be published for a group of `n` units. Minima and maxima are
 * single units' values and never allowed. Means, medians and standard deviations need minCount
 * units. Other percentiles need minCount units on each side (n · min(p, 1 − p) ≥ minCount), so that
 * a tail percentile is never pinned to one of a handful of observations. `p` is in (0, 1).
 */
export function statisticAllowed(kind: StatisticKind, n: number, rs: RuleSet, p = 0.5): { ok: boolean; reason?: string } {
  if (rs.name === 'none') return { ok: true };
  if (kind === 'min' || kind === 'max') return { ok: false, reason: `${kind === 'min' ? 'minimum' : 'maximum'} is a single unit's value` };
  if (n < rs.minCount) return { ok: false, reason: `group of ${n} units, below ${rs.minCount}` };
  if (kind === 'percentile' && n * Math.min(p, 1 - p) < rs.minCount - 1e-9) {
    return { ok: false, reason: `percentile ${p * 100} rests on fewer than ${rs.minCount} units in its tail` };
  }
  return { ok: true };
}
