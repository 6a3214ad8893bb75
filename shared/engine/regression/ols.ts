/**
 * Ordinary (and weighted) least squares with classical, HC1, cluster-robust or design-based standard
 * errors; see least-squares.ts for the numerics and variance.ts for the R conventions matched.
 * Frequency weights: as if each case were repeated w times (lm on the expanded data; SPSS df from Σw).
 * Sampling weights: point estimates of weighted LS, design-based SE as survey::svyglm.
 */
import type { RegressionResult } from '../../model/results';
import { makeColumns, unshift } from './columns';
import type { Design } from './design';
import { coefficientTable, sum, totalSS } from './infer';
import { leastSquares, type Solver } from './least-squares';
import { variance, type SeChoice } from './variance';

export interface OlsOptions {
  se: SeChoice;
  solver?: Solver;
}

export function fitOls(d: Design, opts: OlsOptions): RegressionResult {
  const cols = makeColumns(d.x, d.n);
  const k = cols.k;
  const weightType = d.weightInfo?.type ?? null;
  const fit = leastSquares(cols, d.y, d.w, d.terms, opts.solver);
  const nEff = weightType === 'frequency' ? sum(d.w, d.n) : d.n;
  const dfResidual = nEff - k;
  const scores = (): Float64Array => {
    const e = fit.residuals();
    return d.w === null ? e : e.map((ei, i) => (d.w as Float64Array)[i] * ei);
  };
  const { V: Vs, df, label } = variance(
    { cols, bread: fit.inv, scores, w: d.w, weightType, nEff, params: k, dispersion: fit.rss / dfResidual, dfResidual },
    opts.se,
  );
  const { b, V } = unshift(cols, fit.b, Vs, fit.yCentre);
  const r2 = 1 - fit.rss / totalSS(d.y, d.w, d.n);
  return {
    model: 'ols',
    n: d.n,
    df,
    coefficients: coefficientTable(d.terms, b, V, df),
    r2,
    adjR2: 1 - ((1 - r2) * (nEff - 1)) / dfResidual,
    se: label,
    excluded: d.excluded,
    weightInfo: d.weightInfo,
    weight: d.weightInfo?.variable ?? null,
  };
}
