/**
 * Output rules for regression models beyond residual df: CBS checks that no estimate rests on a
 * handful of persons. A dummy's coefficient is the mean difference between its category and the
 * reference, so every category of a categorical predictor — each dummy and the reference — must hold
 * at least minCount units of the estimation sample; so must both values of a numeric predictor that
 * takes only two (a dummy the user coded, which would otherwise slip past). For a logit model the
 * intercept and every odds ratio are driven by the cases with y = 1 and those with y = 0, so each
 * outcome value must reach minCount too; the same holds for any two-valued dependent (a linear
 * probability model estimates the same proportions). A model that fails is blocked whole, with a Dutch reason naming variable and category.
 */
import type { Code } from '../model/dataset';
import type { RegressionResult } from '../model/results';
import { applyRulesToRegression } from './checks';
import type { RuleSet } from './rules';

export interface ModelCategoryCount {
  code: Code;
  label: string;
  /** Unweighted cases of the estimation sample in this category. */
  count: number;
  reference: boolean;
}

export interface ValueCounts {
  variable: string;
  values: { code: Code; label: string; count: number }[];
}

export interface ModelCounts {
  /** Cases in the estimation sample (must equal the model's n). */
  n: number;
  /** Per categorical predictor, the categories that enter the model (count > 0). */
  categorical: { variable: string; categories: ModelCategoryCount[] }[];
  /** Numeric predictors with exactly two values in the sample (dummies the user coded): cases per value. */
  binary?: ValueCounts[];
  /** A dependent with exactly two values in the sample (always for logit): cases per value. */
  outcome?: ValueCounts;
}

const named = (label: string, code: Code) => (label && label !== String(code) ? `${code} "${label}"` : String(code));

/** Dutch reasons why the model may not be published; empty when the counts are safe. */
export function checkModelCounts(counts: ModelCounts, rs: RuleSet): string[] {
  if (rs.name === 'none') return [];
  const min = rs.minCount;
  const out: string[] = [];
  for (const v of counts.categorical) {
    for (const c of v.categories) {
      if (c.count >= min) continue;
      const what = c.reference ? 'referentiecategorie' : 'categorie';
      out.push(`${v.variable}: ${what} ${named(c.label, c.code)} telt ${c.count} waarnemingen, minder dan ${min}`);
    }
  }
  const small = (vc: ValueCounts, what: string) => {
    for (const v of vc.values) {
      if (v.count < min) out.push(`${vc.variable}: ${what} ${named(v.label, v.code)} telt ${v.count} waarnemingen, minder dan ${min}`);
    }
  };
  for (const b of counts.binary ?? []) small(b, 'waarde');
  if (counts.outcome) small(counts.outcome, 'uitkomst');
  return out;
}

/**
 * The model's own checks (residual df, n, see checks.ts) plus the category counts. `counts` null
 * means the sample could not be recounted: the model is blocked rather than published unchecked.
 */
export function applyModelRules(result: RegressionResult, counts: ModelCounts | null, rs: RuleSet): RegressionResult {
  const base = applyRulesToRegression(result, rs);
  if (rs.name === 'none') return base;
  const reasons = counts === null ? ['aantallen per categorie konden niet worden nagegaan'] : checkModelCounts(counts, rs);
  if (counts !== null && counts.n !== result.n) reasons.push(`steekproef voor de controle (${counts.n}) wijkt af van het model (${result.n})`);
  if (reasons.length === 0) return base;
  const { r2: _r2, adjR2: _adj, neg2LL: _ll, ...rest } = base;
  const prior = base.rules!.status === 'blocked' ? base.rules!.reasons : [];
  return { ...rest, coefficients: [], rules: { ...base.rules!, status: 'blocked', reasons: [...prior, ...reasons] } };
}
