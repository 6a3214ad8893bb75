/**
 * Standard normal distribution. The upper tail is computed directly (Mills-ratio continued fraction
 * for z ≥ 3, positive-term series below), so normalSf(37) ≈ 5.7e-300 keeps full relative accuracy.
 */
import { SQRT_2PI } from './special';

const SPLIT = 3;

/** φ(z), with z² split into an exactly-squared part so exp() sees no rounding from z·z in the tails. */
export function normalPdf(z: number): number {
  const a = Math.abs(z);
  const hi = Math.trunc(a * 16) / 16;
  return (Math.exp(-0.5 * hi * hi) * Math.exp(-0.5 * (a - hi) * (a + hi))) / SQRT_2PI;
}

/** Φ(z) - ½ = φ(z) Σ z^{2n+1}/(1·3·…·(2n+1)) for moderate z (all terms positive). */
function centralPart(z: number): number {
  const z2 = z * z;
  let term = z;
  let sum = z;
  for (let k = 3; k < 10_000; k += 2) {
    term *= z2 / k;
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * 1e-17) break;
  }
  return normalPdf(z) * sum;
}

/** Upper tail for z ≥ SPLIT: φ(z) / (z + 1/(z + 2/(z + 3/(z + …)))), modified Lentz. */
function millsTail(z: number): number {
  const tiny = 1e-300;
  let f = z;
  let c = z;
  let d = 0;
  for (let n = 1; n < 100_000; n++) {
    d = z + n * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = z + n / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = c * d;
    f *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return normalPdf(z) / f;
}

/** P(Z > z). */
export function normalSf(z: number): number {
  if (Number.isNaN(z)) return NaN;
  if (z === Infinity) return 0;
  if (z === -Infinity) return 1;
  if (z >= SPLIT) return millsTail(z);
  if (z <= -SPLIT) return 1 - millsTail(-z);
  return 0.5 - centralPart(z);
}

/** P(Z ≤ z). */
export function normalCdf(z: number): number {
  return normalSf(-z);
}

/** Φ⁻¹(p): Abramowitz–Stegun 26.2.23 start, then Halley steps on the directly computed tail. */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  // Solve for the lower tail q = min(p, 1-p); 1-p is exact for p ≥ ½.
  const lowerTail = p < 0.5;
  const q = lowerTail ? p : 1 - p;
  const t = Math.sqrt(-2 * Math.log(q));
  let x = -(t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t));
  for (let i = 0; i < 50; i++) {
    const f = normalCdf(x);
    const dens = normalPdf(x);
    if (dens === 0) break;
    const u = (f - q) / dens;
    const step = u / (1 + 0.5 * x * u);
    x -= step;
    if (Math.abs(step) <= 1e-15 * Math.abs(x)) break;
  }
  return lowerTail ? x : -x;
}
