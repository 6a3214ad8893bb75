/**
 * The calibration problem after classification: per joint cell its base weight (scaled to the
 * population total), per margin the category of each cell and the targets. Every method returns g per
 * cell, the factor by which each of the cell's base weights is multiplied.
 */
export interface CellMargin {
  /** Per cell: its category in this margin. */
  cat: Int32Array;
  /** Per category: the population target. */
  targets: Float64Array;
}

export interface CellProblem {
  ncells: number;
  /** Per cell: the sum of its cases' base weights. */
  base: Float64Array;
  margins: CellMargin[];
}

export interface CellSolution {
  g: Float64Array;
  iterations: number;
  converged: boolean;
  /** Largest |achieved − target| / target over the categories with a positive target. */
  difference: number;
}

export interface IterationOptions {
  maxIter: number;
  /** Convergence: every margin within this relative distance of its target. */
  epsilon: number;
}

/** Σ of base·g per category of margin m. */
export function marginTotals(p: CellProblem, g: Float64Array, m: number): Float64Array {
  const { cat, targets } = p.margins[m];
  const out = new Float64Array(targets.length);
  for (let c = 0; c < p.ncells; c++) out[cat[c]] += p.base[c] * g[c];
  return out;
}

/** Largest relative difference between achieved margins and their (positive) targets. */
export function marginDifference(p: CellProblem, g: Float64Array): number {
  let worst = 0;
  p.margins.forEach(({ targets }, m) => {
    const got = marginTotals(p, g, m);
    for (let k = 0; k < targets.length; k++) {
      if (targets[k] > 0) worst = Math.max(worst, Math.abs(got[k] - targets[k]) / targets[k]);
    }
  });
  return worst;
}
