/**
 * Calibration (Deville & Särndal 1992) by Newton's method, as R `survey::calibrate` through
 * `survey:::grake`: find λ such that Σ_i d_i F(x_i'λ) x_i = t, where x_i holds an intercept and the
 * indicators of each margin's categories but the first (R's `model.matrix(~a + b + …)`), t the
 * population totals of those columns and F the distance function (calfun.ts). A step solves
 *   (Σ d_i F'(x_i'λ) x_i x_i') δ = t − Σ d_i F(x_i'λ) x_i.
 * Linear calibration without bounds (GREG) is exact after one step (R's `regcalibrate`); bounds on the
 * ratio w/d make it iterate (bounded linear, or bounded raking with `calfun = "raking"`).
 *
 * With bounds F is flat where a bound holds, and a plain Newton step (R's) cannot bring such weights
 * back: it can stall or cycle where a solution exists. So each step is safeguarded: the calibration
 * equations are the minimum of the convex Φ(λ) = Σ d_i Ψ(x_i'λ) − λ't (calfun.ts), and of two
 * candidate directions — Newton's, and the one that treats weights at a bound as if they could move
 * (F' of the unclipped function) — the one that lowers Φ most after halving the step until it lowers
 * Φ is taken. Both converge to R's weights where R converges; a problem whose bounds cannot be met has
 * no minimum, and ends in a failure after `maxIter` steps.
 *
 * All x_i of a cell are equal, so the sums run over cells. Convergence: every margin within `epsilon`
 * relative distance of its target (R: |misfit|/(1 + |t|) < 1e-7).
 */
import type { CalFun } from './calfun';
import { marginDifference, type CellProblem, type CellSolution, type IterationOptions } from './cell-problem';
import { solveSymmetric } from './sym-solve';

export interface CalibrateOptions extends IterationOptions {
  bounds: [number, number] | null;
}

/** Column of each category in x (−1: the margin's reference category), per margin, and the totals t. */
function design(p: CellProblem): { columns: Int32Array[]; width: number; t: Float64Array } {
  let width = 1;
  const columns = p.margins.map(({ targets }) => {
    const col = new Int32Array(targets.length).fill(-1);
    let reference = true;
    for (let k = 0; k < targets.length; k++) {
      if (!(targets[k] > 0)) continue; // a category without cases and target: no column
      if (reference) reference = false;
      else col[k] = width++;
    }
    return col;
  });
  const t = new Float64Array(width);
  p.margins[0].targets.forEach((v) => (t[0] += v));
  p.margins.forEach(({ targets }, m) => targets.forEach((v, k) => columns[m][k] >= 0 && (t[columns[m][k]] = v)));
  return { columns, width, t };
}

const HALVINGS = 50;

export function calibrate(p: CellProblem, calfun: CalFun, opts: CalibrateOptions): CellSolution {
  const { columns, width, t } = design(p);
  const [lo, hi] = opts.bounds ?? [-Infinity, Infinity];
  const M = p.margins.length;
  const stride = M + 1;
  // x_c as its non-zero columns (all ones): the intercept plus one per margin unless the reference.
  const nz = new Int32Array(p.ncells * stride).fill(-1);
  for (let c = 0; c < p.ncells; c++) {
    nz[c * stride] = 0;
    for (let m = 0; m < M; m++) nz[c * stride + 1 + m] = columns[m][p.margins[m].cat[c]];
  }
  const predictor = (lambda: Float64Array, c: number) => {
    let s = 0;
    for (let j = 0; j < stride; j++) {
      const col = nz[c * stride + j];
      if (col >= 0) s += lambda[col];
    }
    return s;
  };
  /** Φ(λ); NaN or Infinity when a weight is not finite. */
  const phi = (lambda: Float64Array) => {
    let s = 0;
    for (let c = 0; c < p.ncells; c++) s += p.base[c] * calfun.Psi(predictor(lambda, c), lo, hi);
    for (let j = 0; j < width; j++) s -= lambda[j] * t[j];
    return s;
  };
  const g = new Float64Array(p.ncells);
  const weightsAt = (lambda: Float64Array) => {
    for (let c = 0; c < p.ncells; c++) g[c] = calfun.F(predictor(lambda, c), lo, hi);
  };
  /** t − Σ d F x, and the two candidate matrices Σ d F' x x'. */
  const linearize = (lambda: Float64Array) => {
    const r = t.slice();
    const H = new Float64Array(width * width);
    const K = new Float64Array(width * width);
    for (let c = 0; c < p.ncells; c++) {
      const u = predictor(lambda, c);
      const b = p.base[c] * calfun.F(u, lo, hi);
      const h = p.base[c] * calfun.dF(u, lo, hi);
      const k = p.base[c] * calfun.inner(u, lo, hi);
      for (let j = 0; j < stride; j++) {
        const cj = nz[c * stride + j];
        if (cj < 0) continue;
        r[cj] -= b;
        for (let l = 0; l < stride; l++) {
          const cl = nz[c * stride + l];
          if (cl < 0) continue;
          H[cj * width + cl] += h;
          K[cj * width + cl] += k;
        }
      }
    }
    return { r, H, K };
  };
  /** λ + s·δ with s halved until Φ drops (Armijo); null when no step lowers Φ. */
  const search = (lambda: Float64Array, delta: Float64Array, r: Float64Array, current: number) => {
    let slope = 0;
    for (let j = 0; j < width; j++) slope += r[j] * delta[j];
    if (!(slope > 0)) return null;
    let s = 1;
    for (let h = 0; h < HALVINGS; h++, s /= 2) {
      const next = lambda.map((v, j) => v + s * delta[j]);
      const value = phi(next);
      if (Number.isFinite(value) && value <= current - 1e-4 * s * slope) return { next, value };
    }
    return null;
  };

  let lambda = new Float64Array(width);
  let value = phi(lambda);
  weightsAt(lambda);
  let difference = marginDifference(p, g);
  for (let iter = 1; iter <= opts.maxIter; iter++) {
    const { r, H, K } = linearize(lambda);
    const newton = search(lambda, solveSymmetric(H, r, width), r, value);
    const inner = opts.bounds ? search(lambda, solveSymmetric(K, r, width), r, value) : null;
    const best = newton && (!inner || newton.value <= inner.value) ? newton : inner;
    if (best) {
      lambda = best.next;
      value = best.value;
    } else {
      // Near the solution Φ no longer drops measurably: take the full Newton step, as R does.
      const delta = solveSymmetric(H, r, width);
      lambda = lambda.map((v, j) => v + delta[j]);
      value = phi(lambda);
    }
    weightsAt(lambda);
    if (!g.every(Number.isFinite)) return { g, iterations: iter, converged: false, difference: Infinity };
    difference = marginDifference(p, g);
    if (difference <= opts.epsilon) return { g, iterations: iter, converged: true, difference };
  }
  return { g, iterations: opts.maxIter, converged: false, difference };
}
