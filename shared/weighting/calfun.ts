/**
 * Calibration distance functions (Deville & Särndal 1992), in the form R `survey` uses (`cal.linear`,
 * `cal.raking`): the new weight is w_i = d_i·F(x_i'λ) with F clipped to the bounds [L, U] on the ratio
 * w_i/d_i, and dF is F's derivative (zero where the bound holds the weight).
 *   linear (GREG):  F(u) = 1 + u          — may give negative weights when unbounded
 *   raking:         F(u) = exp(u)         — the distance of iterative proportional fitting
 * R's `cal.raking` tests the bounds for dF on u + 1 rather than on exp(u); here the derivative is zero
 * exactly where F is clipped. That changes the path of the iteration, not the weights it converges to.
 */
export interface CalFun {
  name: 'linear' | 'raking';
  /** The ratio new/base weight for a linear predictor u. */
  F(u: number, lo: number, hi: number): number;
  dF(u: number, lo: number, hi: number): number;
}

export const linearCalfun: CalFun = {
  name: 'linear',
  F: (u, lo, hi) => Math.min(Math.max(1 + u, lo), hi),
  dF: (u, lo, hi) => (1 + u > lo && 1 + u < hi ? 1 : 0),
};

export const rakingCalfun: CalFun = {
  name: 'raking',
  F: (u, lo, hi) => Math.min(Math.max(Math.exp(u), lo), hi),
  dF: (u, lo, hi) => {
    const e = Math.exp(u);
    return e > lo && e < hi ? e : 0;
  },
};
