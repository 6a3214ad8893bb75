/**
 * Raking (iterative proportional fitting), as R `survey::rake`: in turn for each margin, multiply the
 * weights of every category by target / current weighted total (a poststratification on that margin),
 * and repeat the sweep until all margins hold. The fixed point is the unique weight vector of the form
 * w_i = d_i·Π_m f_m(k_m(i)) that meets the margins (Deming & Stephan 1940; Lumley, Complex Surveys,
 * 2010, §7.3), equal to calibration with the raking distance without bounds.
 *
 * R stops when the table of weighted counts changes by less than `epsilon` between sweeps (default 1,
 * absolute, at most 10 sweeps); here a sweep ends the iteration when every margin is within `epsilon`
 * relative distance of its target, and not reaching that within `maxIter` sweeps is a failure.
 */
import { marginDifference, marginTotals, type CellProblem, type CellSolution, type IterationOptions } from './cell-problem';

export function rake(p: CellProblem, opts: IterationOptions): CellSolution {
  const g = new Float64Array(p.ncells).fill(1);
  let difference = Infinity;
  for (let iter = 1; iter <= opts.maxIter; iter++) {
    p.margins.forEach(({ cat, targets }, m) => {
      const got = marginTotals(p, g, m);
      const factor = targets.map((t, k) => (got[k] > 0 ? t / got[k] : 1));
      for (let c = 0; c < p.ncells; c++) g[c] *= factor[cat[c]];
    });
    difference = marginDifference(p, g);
    if (difference <= opts.epsilon) return { g, iterations: iter, converged: true, difference };
  }
  return { g, iterations: opts.maxIter, converged: false, difference };
}
