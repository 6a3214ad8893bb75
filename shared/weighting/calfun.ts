/**
 * Calibration distance functions (Deville & Särndal 1992), in the form R `survey` uses (`cal.linear`,
 * `cal.raking`): the new weight is w_i = d_i·F(x_i'λ) with F clipped to the bounds [L, U] on the ratio
 * w_i/d_i.
 *   linear (GREG):  F(u) = 1 + u          — may give negative weights when unbounded
 *   raking:         F(u) = exp(u)         — the distance of iterative proportional fitting
 * `dF` is F's derivative, zero where a bound holds the weight; `inner` is the derivative of the
 * unclipped function at the clipped point, which a Newton step needs to see that a weight held at a
 * bound can come back; `Psi` is the antiderivative of F (Ψ(0) = 0), so that Φ(λ) = Σ d_i Ψ(x_i'λ) − λ't
 * is the convex function whose minimum solves the calibration equations (its gradient is
 * Σ d_i F(x_i'λ) x_i − t).
 */
export interface CalFun {
  name: 'linear' | 'raking';
  /** The ratio new/base weight for a linear predictor u. */
  F(u: number, lo: number, hi: number): number;
  dF(u: number, lo: number, hi: number): number;
  inner(u: number, lo: number, hi: number): number;
  Psi(u: number, lo: number, hi: number): number;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(Math.max(x, lo), hi);

export const linearCalfun: CalFun = {
  name: 'linear',
  F: (u, lo, hi) => clamp(1 + u, lo, hi),
  dF: (u, lo, hi) => (1 + u > lo && 1 + u < hi ? 1 : 0),
  inner: () => 1,
  Psi: (u, lo, hi) => {
    const up = hi - 1;
    const dn = lo - 1;
    if (u > up) return up + (up * up) / 2 + hi * (u - up);
    if (u < dn) return dn + (dn * dn) / 2 + lo * (u - dn);
    return u + (u * u) / 2;
  },
};

export const rakingCalfun: CalFun = {
  name: 'raking',
  F: (u, lo, hi) => clamp(Math.exp(u), lo, hi),
  dF: (u, lo, hi) => {
    const e = Math.exp(u);
    return e > lo && e < hi ? e : 0;
  },
  inner: (u, lo, hi) => clamp(Math.exp(u), lo, hi),
  Psi: (u, lo, hi) => {
    const b = Math.log(hi);
    const a = lo > 0 ? Math.log(lo) : -Infinity;
    if (u > b) return hi - 1 + hi * (u - b);
    if (u < a) return lo - 1 + lo * (u - a);
    return Math.expm1(u);
  },
};
