/**
 * Regressions as every caller gets them: filter, engine, then the output rules (residual df, keys,
 * and enough units in every category, in both values of a two-valued predictor or dependent).
 */
import type { RuleSet } from '../disclosure/index';
import { applyModelRules } from '../disclosure/models/model-rules';
import { modelSampleCounts } from '../disclosure/models/model-sample';
import { regress, type CategoricalSpec } from '../engine/regression/index';
import type { Dataset } from '../model/dataset';
import type { RegressionResult } from '../model/results';
import { filterMask } from './filter';
import { assertRequestInputs } from '../disclosure/inputs';
import { assertNoLinkingKeys, markUnchecked } from './output-rules';
import type { WeightRequest } from './run-tables';

export interface RegressRequest {
  dependent: string;
  predictors: string[];
  categorical: CategoricalSpec[];
  model: 'ols' | 'logit' | 'fe';
  panel?: string;
  weight?: WeightRequest;
  design?: { strata?: string; cluster?: string };
  se: 'classical' | 'hc1' | { cluster: string };
  filter?: string;
}

export function runRegress(ds: Dataset, req: RegressRequest, rs: RuleSet): RegressionResult {
  const categoricalNames = new Set(req.categorical.map((c) => c.variable.toLowerCase()));
  // A variable named in both lists is categorical: it becomes dummies, not a slope.
  const predictors = req.predictors.filter((p) => !categoricalNames.has(p.toLowerCase()));
  assertNoLinkingKeys(ds, [req.dependent, ...predictors, ...req.categorical.map((c) => c.variable)], rs);
  assertRequestInputs(ds, { variables: [req.dependent, ...predictors, ...req.categorical.map((c) => c.variable)], filter: req.filter, weight: req.weight }, rs);
  const filter = filterMask(ds, req.filter);
  const result = regress(ds, {
    dependent: req.dependent,
    predictors,
    categorical: req.categorical,
    model: req.model,
    panel: req.panel,
    weight: req.weight,
    design: req.design,
    se: req.se,
    filter,
    ...(rs.name === 'none' ? {} : { diagnostics: {} }),
  });
  if (rs.name === 'none') return markModel(applyModelRules(result, null, rs), rs);
  const groups = [req.panel, req.design?.strata, req.design?.cluster, typeof req.se === 'object' ? req.se.cluster : undefined];
  const counts = modelSampleCounts(ds, {
    dependent: req.dependent,
    predictors,
    categorical: req.categorical,
    weight: req.weight,
    filter,
    groups: groups.filter((g): g is string => g !== undefined),
  });
  return markModel(applyModelRules(result, counts, rs), rs);
}

function markModel(result: RegressionResult, rs: RuleSet): RegressionResult {
  return result.rules && rs.unchecked ? { ...result, rules: markUnchecked(result.rules, rs) } : result;
}
