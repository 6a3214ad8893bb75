/**
 * Confidence intervals for the dot plot.
 *
 * Percentages: p is the (weighted) column proportion and n the column's effective base. With weights,
 * the effective base is Kish's n_eff = (Σw)² / Σw², which folds the design effect of unequal weights
 * into the interval; unweighted it is the plain count. Clustering/stratification are not reflected.
 *  - Wilson score interval (Wilson 1927), the default: centre (p + z²/2n) / (1 + z²/n), half-width
 *    z / (1 + z²/n) · √(p(1−p)/n + z²/4n²). Stays inside [0, 1] and behaves for small n and p near 0/1.
 *    R: prop.test(x, n, correct = FALSE)$conf.int.
 *  - Normal (Wald): p ± z √(p(1−p)/n), clipped to [0, 1].
 * Means: mean ± z · se with the standard error the engine reports (normal approximation).
 */

/** Standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9). */
export function qnorm(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError('qnorm: p must be in (0, 1)');
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - lo) return -qnorm(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

export interface Interval {
  lo: number;
  hi: number;
}

/** Interval for a proportion p (0–1) with (effective) base n. */
export function proportionCI(p: number, n: number, level: number, method: 'wilson' | 'normal'): Interval | null {
  if (!(n > 0) || !(p >= 0 && p <= 1)) return null;
  const z = qnorm(1 - (1 - level) / 2);
  if (method === 'normal') {
    const h = z * Math.sqrt((p * (1 - p)) / n);
    return { lo: Math.max(0, p - h), hi: Math.min(1, p + h) };
  }
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { lo: Math.max(0, centre - half), hi: Math.min(1, centre + half) };
}

export function meanCI(mean: number, se: number, level: number): Interval | null {
  if (!Number.isFinite(mean) || !(se >= 0)) return null;
  const h = qnorm(1 - (1 - level) / 2) * se;
  return { lo: mean - h, hi: mean + h };
}
