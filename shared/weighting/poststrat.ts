/**
 * Poststratification, as R `survey::postStratify`: each case's weight is multiplied by
 * N_h / N̂_h, the population total of its stratum over the weighted sample total of that stratum
 * (Holt & Smith 1979; Lumley 2010, §7.2). The strata are the categories of one margin, or the joint
 * cells of several variables (`cells` in the targets). One step; exact by construction.
 */
import { marginDifference, marginTotals, type CellProblem, type CellSolution } from './cell-problem';

export function poststrat(p: CellProblem): CellSolution {
  const { cat, targets } = p.margins[0];
  const got = marginTotals(p, new Float64Array(p.ncells).fill(1), 0);
  const g = new Float64Array(p.ncells);
  for (let c = 0; c < p.ncells; c++) g[c] = targets[cat[c]] / got[cat[c]];
  return { g, iterations: 1, converged: true, difference: marginDifference(p, g) };
}
