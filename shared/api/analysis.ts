import { z } from 'zod';
import { call } from './contract';
import type { CrosstabTable, RegressionResult } from '../model/results';
import type { TableGroupResult } from '../analysis/table-group';
import { bannerSpec, datasetName, designSpec, filterExpr, ruleSetName, tableQuery, weightSpec } from '../query/table-query';
import type { DisclosedFreqResult } from '../disclosure/apply/freq';
import type { ExprMessage } from '../i18n/message-types';

const dataset = datasetName;
const varName = z.string().min(1).max(256);

export { weightSpec, designSpec, ruleSetName, filterExpr, bannerSpec };

export const freqRequest = z.object({
  dataset,
  variable: varName,
  weight: weightSpec.optional(),
  filter: filterExpr.optional(),
  rules: ruleSetName.optional(),
  /** Why rules below the project's are asked for (at least 10 characters); kept in the audit log. */
  rulesReason: z.string().trim().max(2000).optional(),
});
export const crosstabRequest = z.object({
  dataset,
  row: varName,
  col: varName,
  weight: weightSpec.optional(),
  design: designSpec.optional(),
  filter: filterExpr.optional(),
  rules: ruleSetName.optional(),
  /** Why rules below the project's are asked for (at least 10 characters); kept in the audit log. */
  rulesReason: z.string().trim().max(2000).optional(),
});
export const regressRequest = z.object({
  dataset,
  dependent: varName,
  predictors: z.array(varName).max(200),
  categorical: z.array(z.object({ variable: varName, ref: z.union([z.number(), z.string()]).optional() })).default([]),
  model: z.enum(['ols', 'logit', 'fe']).default('ols'),
  panel: varName.optional(),
  weight: weightSpec.optional(),
  design: designSpec.optional(),
  se: z.union([z.enum(['classical', 'hc1']), z.object({ cluster: varName })]).default('classical'),
  filter: filterExpr.optional(),
  rules: ruleSetName.optional(),
  /** Why rules below the project's are asked for (at least 10 characters); kept in the audit log. */
  rulesReason: z.string().trim().max(2000).optional(),
});

export const analysisSection = {
  'analysis.freq': call<DisclosedFreqResult>()(freqRequest),
  'analysis.crosstab': call<CrosstabTable>()(crosstabRequest),
  /** A group of tables published together (table builder): one route, rules applied jointly. */
  'analysis.tables': call<TableGroupResult>()(tableQuery),
  'analysis.regress': call<RegressionResult>()(regressRequest),
  'analysis.checkFilter': call<{ ok: true } | { ok: false; message: string; position: number; detail?: ExprMessage }>()(
    z.object({ dataset, filter: filterExpr }),
  ),
};
