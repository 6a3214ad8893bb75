/**
 * Student t distribution. For t > 0, P(T > t) = ½ I_{n/(n+t²)}(n/2, ½).
 * Exact for every df (R ≥ 4 no longer switches to a normal approximation at large df, and neither do we).
 */
import { incBeta } from './incomplete';
import { logBeta, logGamma } from './special';
import { normalQuantile } from './normal';

/** P(T > t) for t ≥ 0. */
function upperTail(t: number, n: number): number {
  const r = t / Math.sqrt(n);
  if (r > 1e100) {
    // I_y(n/2, ½) ≈ y^{n/2} / ((n/2) B(n/2, ½)) with y = n/t², far beyond any double's resolution of 1-y.
    const l = -0.5 * n * (2 * Math.log(t) - Math.log(n)) - logBeta(0.5 * n, 0.5) - Math.log(0.5 * n);
    return 0.5 * Math.exp(l);
  }
  const r2 = r * r;
  return 0.5 * incBeta(1 / (1 + r2), r2 / (1 + r2), n / 2, 0.5).lower;
}

/** P(T > t). */
export function tSf(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  if (t === Infinity) return 0;
  if (t === -Infinity) return 1;
  return t >= 0 ? upperTail(t, df) : 1 - upperTail(-t, df);
}

/** P(T ≤ t). */
export function tCdf(t: number, df: number): number {
  return tSf(-t, df);
}

/** Density, used only for Newton steps (its accuracy affects speed of convergence, not the answer). */
export function tPdf(t: number, n: number): number {
  const logC = logGamma((n + 1) / 2) - logGamma(n / 2) - 0.5 * Math.log(n * Math.PI);
  return Math.exp(logC - ((n + 1) / 2) * Math.log1p((t * t) / n));
}

/** Solve P(T > x) = p for 0 < p < ½ by Newton on log P, kept inside a bisection bracket. */
function upperQuantile(p: number, n: number): number {
  const z = -normalQuantile(p);
  // Cornish–Fisher start (A&S 26.7.5, two terms); the bracket below rescues poor starts at small df.
  let x = Math.max(z + (z * z * z + z) / (4 * n) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * n * n), 1e-3);
  let lo = 0;
  let hi = x;
  while (upperTail(hi, n) > p) {
    lo = hi;
    hi *= 16;
    if (hi === Infinity) return Infinity;
  }
  const logP = Math.log(p);
  for (let i = 0; i < 500; i++) {
    const sf = upperTail(x, n);
    if (sf > p) lo = Math.max(lo, x);
    else hi = Math.min(hi, x);
    const dens = tPdf(x, n);
    let next = dens > 0 && sf > 0 ? x + ((Math.log(sf) - logP) * sf) / dens : NaN;
    if (!(next > lo && next < hi)) next = lo > 0 && hi / lo > 4 ? Math.sqrt(lo * hi) : 0.5 * (lo + hi);
    if (Math.abs(next - x) <= 1e-15 * x || hi - lo <= 1e-15 * hi) return next;
    x = next;
  }
  return x;
}

/** Quantile: the t with P(T ≤ t) = p. */
export function tQuantile(p: number, df: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1 || !(df > 0)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  return p < 0.5 ? -upperQuantile(p, df) : upperQuantile(1 - p, df);
}
