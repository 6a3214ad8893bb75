/**
 * Fixed-effects (within) regression for panel data: y and every predictor are demeaned within each
 * panel unit, then regressed without intercept. This equals lm(y ~ x + factor(id)) for the slopes, their
 * residuals and their classical covariance (Frisch–Waugh–Lovell); df = n - k - G, as lm with G id
 * dummies (and plm "within") count it.
 *
 * Robust errors follow lm + sandwich, the choice documented for Duiding: 'hc1' is vcovHC(type = "HC1")
 * on the dummy model and cluster by id is vcovCL(cluster = ~id, type = "HC1"), i.e. adjustment
 * G/(G-1) · (n-1)/(n-K) with K = k + G parameters. (plm::vcovHC counts df differently.)
 * r2 is the within R² (1 - RSS / Σ demeaned y²), as plm reports it.
 */
import type { RegressionResult } from '../../model/results';
import { makeColumns, type Values } from './columns';
import type { Design } from './design';
import { RegressionError } from './errors';
import { coefficientTable } from './infer';
import { leastSquares, type Solver } from './least-squares';
import type { Grouping } from './sandwich';
import { variance, type SeChoice } from './variance';
import { diagnosticsOf, type DiagnosticsRequest } from './diagnostics';

export interface FeOptions {
  se: SeChoice;
  panel: Grouping;
  solver?: Solver;
  diagnostics?: DiagnosticsRequest | null;
}

/** x - mean of x within its group. */
function demean(x: Values, g: Grouping, n: number): Float64Array {
  const s = new Float64Array(g.count);
  const c = new Float64Array(g.count);
  for (let i = 0; i < n; i++) {
    s[g.codes[i]] += x[i];
    c[g.codes[i]]++;
  }
  for (let h = 0; h < g.count; h++) s[h] /= c[h];
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = x[i] - s[g.codes[i]];
  return out;
}

export function fitFe(d: Design, opts: FeOptions): RegressionResult {
  if (d.w !== null) throw new RegressionError('unsupported', { code: 'reg-fe-weights' });
  const G = opts.panel.count;
  const n = d.n;
  const x = d.x.map((c) => {
    if (c === null) throw new RegressionError('unsupported', { code: 'reg-fe-intercept' });
    return demean(c, opts.panel, n);
  });
  const k = x.length;
  if (k === 0) throw new RegressionError('too-few-cases', { code: 'reg-no-predictors' });
  const y = demean(d.y, opts.panel, n);
  const dfResidual = n - k - G;
  if (dfResidual <= 0) throw new RegressionError('too-few-cases', { code: 'reg-fe-too-few', n, k, groups: G });
  const cols = makeColumns(x, n);
  const fit = leastSquares(cols, y, null, d.terms, opts.solver, opts.diagnostics ?? null);
  const { V, df, label } = variance(
    { cols, bread: fit.inv, scores: fit.residuals, w: null, weightType: null, nEff: n, params: k + G, dispersion: fit.rss / dfResidual, dfResidual },
    opts.se,
  );
  let tss = 0;
  for (let i = 0; i < n; i++) tss += y[i] * y[i];
  const r2 = 1 - fit.rss / tss;
  return {
    model: 'fe',
    n,
    df,
    coefficients: coefficientTable(d.terms, fit.b, V, df),
    r2,
    adjR2: 1 - ((1 - r2) * (n - 1)) / dfResidual,
    se: label,
    excluded: d.excluded,
    weightInfo: null,
    weight: null,
    // The unit effects are parameters too: the rules' residual df is n - k - G, as the model's.
    ...diagnosticsOf(opts.diagnostics, k + G, fit.leverage),
  };
}
