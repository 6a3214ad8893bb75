/** F distribution via I_{d1x/(d2+d1x)}(d1/2, d2/2); both tails direct (as R pf, which is exact for all df). */
import { incBeta, type Tails } from './incomplete';

function fTails(x: number, d1: number, d2: number): Tails {
  if (Number.isNaN(x) || !(d1 > 0) || !(d2 > 0)) return { lower: NaN, upper: NaN };
  if (x <= 0) return { lower: 0, upper: 1 };
  if (x === Infinity) return { lower: 1, upper: 0 };
  const u = d1 * x;
  // x and 1-x of the beta argument are formed separately so neither suffers cancellation.
  return incBeta(u / (d2 + u), d2 / (d2 + u), d1 / 2, d2 / 2);
}

export function fCdf(x: number, d1: number, d2: number): number {
  return fTails(x, d1, d2).lower;
}

export function fSf(x: number, d1: number, d2: number): number {
  return fTails(x, d1, d2).upper;
}
