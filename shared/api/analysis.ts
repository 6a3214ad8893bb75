import { z } from 'zod';
import { call } from './contract';
import type { BannerResult, CrosstabTable, RegressionResult } from '../model/results';
import type { DisclosedFreqResult } from '../disclosure/apply/freq';
import type { ExprMessage } from '../i18n/message-types';

const dataset = z.string().min(1).max(256);
const varName = z.string().min(1).max(256);

export const weightSpec = z.object({
  variable: varName,
  type: z.enum(['frequency', 'sampling']).default('sampling'),
});
export const designSpec = z.object({ strata: varName.optional(), cluster: varName.optional() });
export const ruleSetName = z.enum(['cbs-persons', 'cbs-business', 'none']);
/** A filter expression in Duiding's expression language, e.g. `leeftijd >= 18 and gemeente in (1, 3)`. */
export const filterExpr = z.string().max(4000);

export const bannerSpec = z.object({
  total: z.boolean().default(true),
  items: z.array(z.union([z.object({ variable: varName }), z.object({ nest: z.tuple([varName, varName]) })])).max(20),
});
export type BannerSpecInput = z.input<typeof bannerSpec>;

export const freqRequest = z.object({
  dataset,
  variable: varName,
  weight: weightSpec.optional(),
  filter: filterExpr.optional(),
  rules: ruleSetName.optional(),
});
export const crosstabRequest = z.object({
  dataset,
  row: varName,
  col: varName,
  weight: weightSpec.optional(),
  design: designSpec.optional(),
  filter: filterExpr.optional(),
  rules: ruleSetName.optional(),
});
export const bannerRequest = z.object({
  dataset,
  rows: z.array(varName).min(1).max(500),
  columns: bannerSpec,
  weight: weightSpec.optional(),
  filter: filterExpr.optional(),
  tests: z.object({ adjust: z.enum(['none', 'bonferroni', 'bh']).default('bonferroni'), alpha: z.number().min(0.0001).max(0.5).default(0.05) }).optional(),
  means: z.boolean().default(false),
  rules: ruleSetName.optional(),
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
});

export const analysisSection = {
  'analysis.freq': call<DisclosedFreqResult>()(freqRequest),
  'analysis.crosstab': call<CrosstabTable>()(crosstabRequest),
  'analysis.banner': call<BannerResult[]>()(bannerRequest),
  'analysis.regress': call<RegressionResult>()(regressRequest),
  'analysis.checkFilter': call<{ ok: true } | { ok: false; message: string; position: number; detail?: ExprMessage }>()(
    z.object({ dataset, filter: filterExpr }),
  ),
};
