/** Coefficient table: estimate, SE, t or z, two-sided p, 95% CI (Wald with t(df) or normal). */
import type { Coefficient } from '../../model/results';
import { normalQuantile, normalSf, tQuantile, tSf } from '../distributions/index';
import type { Values } from './columns';

/** df = Infinity gives z statistics (as lmtest::coeftest for binomial glm). */
export function coefficientTable(terms: string[], b: Float64Array, V: Float64Array, df: number, level = 0.95): Coefficient[] {
  const k = terms.length;
  const z = df === Infinity;
  const q = z ? normalQuantile(0.5 + level / 2) : tQuantile(0.5 + level / 2, df);
  return terms.map((term, j) => {
    const se = Math.sqrt(V[j * k + j]);
    const stat = b[j] / se;
    const p = 2 * (z ? normalSf(Math.abs(stat)) : tSf(Math.abs(stat), df));
    return { term, b: b[j], se, stat, p, ciLow: b[j] - q * se, ciHigh: b[j] + q * se };
  });
}

/** Σ_i v_i (y_i - ȳ_v)², the weighted total sum of squares around the weighted mean. */
export function totalSS(y: Values, v: Float64Array | null, n: number): number {
  let sw = 0;
  let swy = 0;
  for (let i = 0; i < n; i++) {
    const vi = v === null ? 1 : v[i];
    sw += vi;
    swy += vi * y[i];
  }
  const mean = swy / sw;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = y[i] - mean;
    ss += (v === null ? 1 : v[i]) * d * d;
  }
  return ss;
}

export function sum(a: Float64Array | null, n: number): number {
  if (a === null) return n;
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i];
  return s;
}
