/** Chi-square distribution: P(X ≤ x) = P(df/2, x/2), upper tail Q(df/2, x/2) computed directly. */
import { incGamma } from './incomplete';

export function chi2Cdf(x: number, df: number): number {
  return incGamma(df / 2, x / 2).lower;
}

export function chi2Sf(x: number, df: number): number {
  return incGamma(df / 2, x / 2).upper;
}
