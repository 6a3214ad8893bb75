/**
 * Special functions behind the distribution functions: log-gamma, Stirling's error term and the
 * deviance term bd0. The incomplete gamma/beta prefactors are written with stirlerr and bd0
 * (C. Loader, "Fast and accurate computation of binomial probabilities", 2000) instead of
 * `a*log(x) - x - lgamma(a)`, because those three terms are large and nearly cancel when the
 * degrees of freedom are large; the Loader form keeps the exponent's absolute error near 1e-16.
 */

export const LN_SQRT_2PI = 0.9189385332046728; // log(sqrt(2*pi))
export const SQRT_2PI = 2.5066282746310007;

/** Stirling series for log Γ(x) - [(x-½)log x - x + log√(2π)], valid for x ≥ 15 (error < 1e-19). */
function stirlingTail(x: number): number {
  const r = 1 / x;
  const r2 = r * r;
  // Bernoulli-number coefficients B_{2k}/(2k(2k-1)): 1/12, -1/360, 1/1260, -1/1680, 1/1188, -691/360360, 1/156
  return r * (1 / 12 + r2 * (-1 / 360 + r2 * (1 / 1260 + r2 * (-1 / 1680 + r2 * (1 / 1188 + r2 * (-691 / 360360 + r2 / 156))))));
}

/** log Γ(x) for x > 0: Stirling series at x ≥ 15, upward recurrence below (absolute error ~1e-15). */
export function logGamma(x: number): number {
  if (!(x > 0)) return x === 0 ? Infinity : NaN;
  if (x === Infinity) return Infinity;
  if (x >= 15) return (x - 0.5) * Math.log(x) - x + LN_SQRT_2PI + stirlingTail(x);
  // Γ(x) = Γ(x+k) / (x (x+1) ... (x+k-1)); the product stays far below overflow for x < 15.
  let prod = 1;
  let z = x;
  while (z < 15) {
    prod *= z;
    z += 1;
  }
  return (z - 0.5) * Math.log(z) - z + LN_SQRT_2PI + stirlingTail(z) - Math.log(prod);
}

/** stirlerr(n) = log Γ(n+1) - [(n+½)log n - n + log√(2π)]. */
export function stirlerr(n: number): number {
  if (n >= 15) return stirlingTail(n);
  if (n === 0) return 0; // limit is +∞·0 by the formula; only used with n > 0
  return logGamma(n + 1) - (n + 0.5) * Math.log(n) + n - LN_SQRT_2PI;
}

/** bd0(x, m) = x log(x/m) + m - x, summed as a series when x ≈ m to avoid cancellation. */
export function bd0(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    const v = (x - m) / (x + m);
    let s = (x - m) * v;
    const v2 = v * v;
    let ej = 2 * x * v;
    for (let j = 1; j < 1000; j++) {
      ej *= v2;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
    return s;
  }
  return x * Math.log(x / m) + m - x;
}

/** log B(a, b) = log Γ(a) + log Γ(b) - log Γ(a+b). */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}
