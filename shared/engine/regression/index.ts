/**
 * `regress`: the entry point for OLS, binary logit and fixed-effects panel regression.
 *
 * Conventions (each matched against R by tests/oracle/regression/make.R):
 * - Terms: `(Intercept)`, numeric predictors by name, dummies `VAR=CODE` against REF (default the lowest
 *   valid code in use; string codes allowed). Listwise deletion with SPSS missing semantics.
 * - `se` picks classical, HC1 (sandwich::vcovHC "HC1") or cluster-robust by a variable
 *   (sandwich::vcovCL, type "HC1": G/(G-1)·(n-1)/(n-k)); t tests with the residual df n-k, as
 *   lmtest::coeftest(vcov = vcovCL) reports them (z for logit, as coeftest does for binomial glm).
 * - Frequency weights: as if each case were repeated w times (n and df from Σw, SPSS).
 * - SAMPLING weights, or a design (strata and/or clusters): design-based linearisation errors as
 *   survey::svyglm, whatever `se` says (clusters from `design.cluster`, else `se.cluster`; clusters are
 *   nested in strata). df = #PSU - #strata - k + 1 (svyglm's df.residual, used for its t tests and
 *   confint). Cases removed by the filter or for missing values stay in the design as out-of-domain
 *   cases, as survey's subset() keeps them.
 * - FE: within estimator = lm with id dummies; df = n - k - G; robust errors from sandwich on that model.
 * - `df` in the result is the residual df the tests use; the result's `se` field names the estimator
 *   ('classical' | 'hc1' | 'cluster:VAR' | 'design').
 */
import type { Dataset } from '../../model/dataset';
import type { RegressionResult, WeightType } from '../../model/results';
import { buildDesign, type CategoricalSpec, type Design } from './design';
import { RegressionError } from './errors';
import { fitFe } from './fe';
import type { Solver } from './least-squares';
import { fitLogit } from './logit';
import { fitOls } from './ols';
import type { Grouping } from './sandwich';
import type { SeChoice } from './variance';
import type { DiagnosticsRequest } from './diagnostics';

export type { CategoricalSpec } from './design';
export { RegressionError } from './errors';
export { INTERCEPT } from './design';

export interface RegressOptions {
  dependent: string;
  predictors: string[];
  categorical?: CategoricalSpec[];
  model: 'ols' | 'logit' | 'fe';
  /** Panel unit identifier (required for 'fe'). */
  panel?: string;
  weight?: { variable: string; type: WeightType };
  design?: { strata?: string; cluster?: string };
  se: 'classical' | 'hc1' | { cluster: string };
  /** 1 = case in. */
  filter?: Uint8Array;
  /** Force a least-squares solver (tests); default picks QR for n ≤ 100,000. */
  solver?: Solver;
  /** Add `diagnostics` (parameters, leverage) for the output rules; they cost one k² pass. */
  diagnostics?: DiagnosticsRequest;
}

function grouping(d: Design, name: string | undefined): Grouping | null {
  if (name === undefined) return null;
  const g = d.groups.find((x) => x.variable.toLowerCase() === name.toLowerCase());
  if (!g) throw new RegressionError('unsupported', { code: 'reg-unknown-group', name });
  return { codes: g.codes, count: g.count };
}

function chooseSe(d: Design, opts: RegressOptions): SeChoice {
  const sampling = opts.weight?.type === 'sampling';
  const hasDesign = opts.design !== undefined && (opts.design.strata !== undefined || opts.design.cluster !== undefined);
  const seCluster = typeof opts.se === 'object' ? opts.se.cluster : undefined;
  if (sampling || hasDesign) {
    if (opts.weight?.type === 'frequency') {
      throw new RegressionError('unsupported', { code: 'reg-design-frequency' });
    }
    if (opts.model === 'fe') throw new RegressionError('unsupported', { code: 'reg-fe-design' });
    return {
      kind: 'design',
      strata: grouping(d, opts.design?.strata),
      cluster: grouping(d, opts.design?.cluster ?? seCluster),
      psuPerStratum: d.psuPerStratum,
    };
  }
  if (seCluster !== undefined) {
    const g = grouping(d, seCluster) as Grouping;
    if (g.count < 2) throw new RegressionError('unsupported', { code: 'reg-few-clusters', name: seCluster });
    return { kind: 'cluster', variable: d.groups.find((x) => x.variable.toLowerCase() === seCluster.toLowerCase())!.variable, groups: g };
  }
  return opts.se === 'hc1' ? { kind: 'hc1' } : { kind: 'classical' };
}

/** The design variables when the errors will be design-based (see chooseSe). */
function surveyDesign(opts: RegressOptions): { strata?: string; cluster?: string } | undefined {
  const hasDesign = opts.design !== undefined && (opts.design.strata !== undefined || opts.design.cluster !== undefined);
  if (opts.weight?.type !== 'sampling' && !hasDesign) return undefined;
  return { strata: opts.design?.strata, cluster: opts.design?.cluster ?? (typeof opts.se === 'object' ? opts.se.cluster : undefined) };
}

export function regress(ds: Dataset, opts: RegressOptions): RegressionResult {
  if (opts.model === 'fe' && !opts.panel) throw new RegressionError('unsupported', { code: 'reg-fe-panel' });
  const groupNames = [opts.panel, opts.design?.strata, opts.design?.cluster, typeof opts.se === 'object' ? opts.se.cluster : undefined].filter(
    (g): g is string => g !== undefined,
  );
  const d = buildDesign(ds, {
    dependent: opts.dependent,
    predictors: opts.predictors,
    categorical: opts.categorical,
    weight: opts.weight,
    filter: opts.filter,
    groups: [...new Set(groupNames)],
    intercept: opts.model !== 'fe',
    surveyDesign: surveyDesign(opts),
  });
  const se = chooseSe(d, opts);
  let result: RegressionResult;
  const diagnostics = opts.diagnostics ?? null;
  if (opts.model === 'ols') result = fitOls(d, { se, solver: opts.solver, diagnostics });
  else if (opts.model === 'logit') result = fitLogit(d, { se, diagnostics }, opts.dependent);
  else result = fitFe(d, { se, panel: grouping(d, opts.panel) as Grouping, solver: opts.solver, diagnostics });
  return { ...result, dependent: ds.variables.find((v) => v.name.toLowerCase() === opts.dependent.toLowerCase())?.name ?? opts.dependent };
}
