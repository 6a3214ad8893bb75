/**
 * Weighted median by SPSS/PSPP's default percentile definition HAVERAGE, the weighted average at
 * X_{(W+1)p} (IBM SPSS Statistics Algorithms, EXAMINE "Percentiles"; PSPP src/math/percentiles.c):
 *
 *   distinct sorted values x_1 < … < x_m with weights c_i and cumulative weights cc_i, W = cc_m;
 *   tc = (W + 1)·p; k = the largest index with cc_k ≤ tc (k = 0 when tc < cc_1, x_0 := x_1);
 *   g′ = tc − cc_k, g = g′/c_{k+1};
 *   result = x_{k+1} if g′ ≥ 1, else (1−g′)·x_k + g′·x_{k+1} if c_{k+1} ≥ 1, else (1−g)·x_k + g·x_{k+1};
 *   beyond the last value the result is x_m.
 * Without weights (all c_i = 1) this is the usual (n+1)p definition.
 */
export function weightedPercentile(values: Float64Array, weights: Float64Array | null, p: number): number | null {
  const n = values.length;
  if (n === 0) return null;
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => values[i] - values[j]);
  const xs: number[] = [];
  const cs: number[] = [];
  for (const i of order) {
    const wi = weights ? weights[i] : 1;
    if (xs.length > 0 && xs[xs.length - 1] === values[i]) cs[cs.length - 1] += wi;
    else {
      xs.push(values[i]);
      cs.push(wi);
    }
  }
  let W = 0;
  for (const c of cs) W += c;
  const tc = (W + 1) * p;
  let cc = 0;
  let k = 0; // number of distinct values whose cumulative weight is ≤ tc
  while (k < xs.length && cc + cs[k] <= tc) cc += cs[k++];
  if (k >= xs.length) return xs[xs.length - 1];
  const lower = k === 0 ? xs[0] : xs[k - 1];
  const upper = xs[k];
  const gStar = tc - cc;
  if (gStar >= 1) return upper;
  if (cs[k] >= 1) return (1 - gStar) * lower + gStar * upper;
  const g = gStar / cs[k];
  return (1 - g) * lower + g * upper;
}
