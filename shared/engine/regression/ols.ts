/**
 * Ordinary (and weighted) least squares with classical, HC1, cluster-robust or design-based standard
 * errors; see least-squares.ts for the numerics and variance.ts for the R conventions matched.
 * Frequency weights: as if each case were repeated w times (lm on the expanded data; SPSS df from Σw).
 * Sampling weights: point estimates of weighted LS, design-based SE as survey::svyglm.
 */
import type { RegressionResult } from '../../model/results';
import { makeColumns, unshiftCovariance } from './columns';
import type { Design } from './design';
import { coefficientTable, sum, totalSS } from './infer';
import { type LsFit, leastSquares, type Solver } from './least-squares';
import { variance, type SeChoice } from './variance';
import { diagnosticsOf, type DiagnosticsRequest } from './diagnostics';

export interface OlsOptions {
  se: SeChoice;
  solver?: Solver;
  /** Compute the diagnostics the output rules need (hat values in the residual pass). */
  diagnostics?: DiagnosticsRequest | null;
}

export function fitOls(d: Design, opts: OlsOptions): RegressionResult {
  const cols = makeColumns(d.x, d.n);
  const k = cols.k;
  const weightType = d.weightInfo?.type ?? null;
  const fit = leastSquares(cols, d.y, d.w, d.terms, opts.solver, opts.diagnostics ?? null);
  const nEff = weightType === 'frequency' ? sum(d.w, d.n) : d.n;
  const dfResidual = nEff - k;
  const scores = (): Float64Array => {
    const e = fit.residuals();
    return d.w === null ? e : e.map((ei, i) => (d.w as Float64Array)[i] * ei);
  };
  const {
    V: Vs,
    df,
    label,
  } = variance({ cols, bread: fit.inv, scores, w: d.w, weightType, nEff, params: k, dispersion: fit.rss / dfResidual, dfResidual }, opts.se);
  const b = fit.b;
  // Classical: the original columns' own inverse where the solver has it (more digits in the intercept).
  const direct = opts.se.kind === 'classical' ? fit.originalInverse() : null;
  const V = direct === null ? unshiftCovariance(cols, Vs) : direct.map((x) => x * (fit.rss / dfResidual));
  const r2 = rSquared(fit, totalSS(d.y, d.w, d.n));
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
    ...diagnosticsOf(opts.diagnostics, k, fit.leverage),
  };
}

/**
 * 1 - rss/tss loses digits as ε/R² when R² is small (Wampler 5, R² = 0.002: three digits). There the
 * explained SS computed from the fitted values (QR solver) is used instead, as mss/(mss+rss) like R's
 * summary.lm. Not always: fitted values from the rounded coefficients carry ε·Σ|x b| each, which on
 * Filip (terms ~1e6 summing to ~1) costs more than the subtraction does.
 */
function rSquared(fit: LsFit, tss: number): number {
  const r2 = 1 - fit.rss / tss;
  if (r2 >= 0.5) return r2;
  const mss = fit.explainedSS();
  return mss === null ? r2 : mss / (mss + fit.rss);
}
