/**
 * Calibration (Deville & Särndal 1992) by Newton's method, as R `survey::calibrate` through
 * `survey:::grake`: find λ such that Σ_i d_i F(x_i'λ) x_i = t, where x_i holds an intercept and the
 * indicators of each margin's categories but the first (R's `model.matrix(~a + b + …)`), t the
 * population totals of those columns and F the distance function (calfun.ts). Each step solves
 *   (Σ d_i F'(x_i'λ) x_i x_i') δ = t − Σ d_i F(x_i'λ) x_i,
 * halving δ while any weight is not finite. Linear calibration without bounds (GREG) is exact after one
 * step (R's `regcalibrate`); bounds on the ratio w/d make it iterate (bounded linear, or bounded raking
 * with `calfun = "raking"`, `bounds = c(L, U)`).
 *
 * All x_i of a cell are equal, so the sums run over cells. Convergence: every margin within `epsilon`
 * relative distance of its target (R: |misfit|/(1 + |t|) < 1e-7); bounds that cannot be met leave the
 * margins apart and end in a failure after `maxIter` steps.
 */
import type { CalFun } from './calfun';
import { marginDifference, type CellProblem, type CellSolution, type IterationOptions } from './cell-problem';
import { solveSymmetric } from './sym-solve';

export interface CalibrateOptions extends IterationOptions {
  bounds: [number, number] | null;
}

/** Column of each category in x (−1: the margin's reference category), per margin. */
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

export function calibrate(p: CellProblem, calfun: CalFun, opts: CalibrateOptions): CellSolution {
  const { columns, width, t } = design(p);
  const [lo, hi] = opts.bounds ?? [-Infinity, Infinity];
  const M = p.margins.length;
  // x_c as its non-zero columns (all ones): the intercept plus one per margin unless the reference.
  const nz = new Int32Array(p.ncells * (M + 1)).fill(-1);
  for (let c = 0; c < p.ncells; c++) {
    nz[c * (M + 1)] = 0;
    for (let m = 0; m < M; m++) nz[c * (M + 1) + 1 + m] = columns[m][p.margins[m].cat[c]];
  }
  const lambda = new Float64Array(width);
  const u = new Float64Array(p.ncells);
  const g = new Float64Array(p.ncells);
  const d = new Float64Array(p.ncells);
  const evaluate = () => {
    let finite = true;
    for (let c = 0; c < p.ncells; c++) {
      let s = 0;
      for (let j = 0; j <= M; j++) {
        const col = nz[c * (M + 1) + j];
        if (col >= 0) s += lambda[col];
      }
      u[c] = s;
      g[c] = calfun.F(s, lo, hi);
      d[c] = calfun.dF(s, lo, hi);
      if (!Number.isFinite(g[c]) || !Number.isFinite(d[c])) finite = false;
    }
    return finite;
  };
  evaluate();
  let iter = 1;
  let difference = marginDifference(p, g);
  for (;;) {
    const T = new Float64Array(width * width);
    const misfit = t.slice();
    for (let c = 0; c < p.ncells; c++) {
      const a = p.base[c] * d[c];
      const b = p.base[c] * g[c];
      for (let j = 0; j <= M; j++) {
        const cj = nz[c * (M + 1) + j];
        if (cj < 0) continue;
        misfit[cj] -= b;
        if (a === 0) continue;
        for (let k = 0; k <= M; k++) {
          const ck = nz[c * (M + 1) + k];
          if (ck >= 0) T[cj * width + ck] += a;
        }
      }
    }
    const delta = solveSymmetric(T, misfit, width);
    for (let j = 0; j < width; j++) lambda[j] += delta[j];
    while (!evaluate() && iter < opts.maxIter) {
      iter++;
      for (let j = 0; j < width; j++) {
        delta[j] /= 2;
        lambda[j] -= delta[j];
      }
    }
    difference = marginDifference(p, g);
    if (difference <= opts.epsilon) return { g, iterations: iter, converged: true, difference };
    iter++;
    if (iter > opts.maxIter) return { g, iterations: opts.maxIter, converged: false, difference };
  }
}
