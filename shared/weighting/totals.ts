/**
 * Settles what each margin's targets sum to. With `total` given, a margin summing to 1 holds
 * proportions and becomes counts of that total. Every margin must then sum to the same population
 * total (the given one, else the first margin's): raking to margins with different totals cannot
 * converge. With `scale`, a margin that differs is multiplied to the total instead, and the report says
 * by how much.
 */
import { WeightingError } from './errors';
import type { TargetSet } from './targets';

/** Relative tolerance for sums that should be equal (rounding of proportions written as decimals). */
const SAME_TOTAL = 1e-9;

export interface ScaledMargin {
  variable: string;
  sum: number;
  factor: number;
}

export interface SettledTargets {
  targets: TargetSet;
  total: number;
  /** Margins given as proportions of `total`. */
  proportions: string[];
  /** Margins scaled to the total (only with `scale`). */
  scaled: ScaledMargin[];
}

const sumOf = (entries: { target: number }[]) => entries.reduce((s, e) => s + e.target, 0);

export function settleTotals(ts: TargetSet, scale: boolean): SettledTargets {
  const proportions: string[] = [];
  let margins = ts.margins.map((m) => {
    const sum = sumOf(m.entries);
    if (ts.total !== null && Math.abs(sum - 1) <= SAME_TOTAL) {
      proportions.push(m.variables.join(','));
      return { ...m, entries: m.entries.map((e) => ({ ...e, target: e.target * ts.total! })) };
    }
    return m;
  });
  const total = ts.total ?? sumOf(margins[0].entries);
  if (!(total > 0)) throw new WeightingError({ code: 'weight-totals', variable: margins[0].variables.join(','), sum: total, total });
  const scaled: ScaledMargin[] = [];
  margins = margins.map((m) => {
    const sum = sumOf(m.entries);
    if (Math.abs(sum - total) <= SAME_TOTAL * total) return m;
    const variable = m.variables.join(',');
    if (!scale || !(sum > 0)) throw new WeightingError({ code: 'weight-totals', variable, sum, total });
    scaled.push({ variable, sum, factor: total / sum });
    return { ...m, entries: m.entries.map((e) => ({ ...e, target: (e.target * total) / sum })) };
  });
  return { targets: { total, margins }, total, proportions, scaled };
}
