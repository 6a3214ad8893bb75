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
import type { Code } from '../../model/dataset';
import type { RegressionResult } from '../../model/results';
import { legacyText } from '../../i18n/messages';
import type { DisclosureMessage, ModelCategoryKind } from '../../i18n/message-types';
import { applyRulesToRegression, withReasons } from '../primary/result-checks';
import type { RuleSet } from '../rules';

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
  /** Per other numeric predictor: cases whose value differs from its majority value (model-sample.ts). */
  sparse?: SparseCount[];
}

export interface SparseCount {
  variable: string;
  /** The value most cases hold (a majority when it matters), as text. */
  value: string;
  /** Cases with any other value. */
  count: number;
}

/** Dutch reasons why the model may not be published; empty when the counts are safe. */
export function checkModelCounts(counts: ModelCounts, rs: RuleSet): string[] {
  return modelCountMessages(counts, rs).map(legacyText);
}

/** The same as codes (see shared/i18n/messages.ts). */
export function modelCountMessages(counts: ModelCounts, rs: RuleSet): DisclosureMessage[] {
  if (rs.name === 'none') return [];
  const min = rs.minCount;
  const out: DisclosureMessage[] = [];
  for (const v of counts.categorical) {
    for (const c of v.categories) {
      if (c.count < min) out.push(category(v.variable, c.reference ? 'reference' : 'category', c, min));
    }
  }
  const small = (vc: ValueCounts, kind: ModelCategoryKind) => {
    for (const v of vc.values) if (v.count < min) out.push(category(vc.variable, kind, v, min));
  };
  for (const b of counts.binary ?? []) small(b, 'value');
  if (counts.outcome) small(counts.outcome, 'outcome');
  for (const s of counts.sparse ?? []) {
    if (s.count < min) out.push({ code: 'model-sparse', variable: s.variable, value: s.value, count: s.count, min });
  }
  return out;
}

function category(variable: string, kind: ModelCategoryKind, v: { code: Code; label: string; count: number }, min: number): DisclosureMessage {
  return { code: 'model-category', variable, kind, value: String(v.code), label: v.label, count: v.count, min };
}

/**
 * The model's own checks (residual df, n, see primary/result-checks.ts) plus the category counts. `counts` null
 * means the sample could not be recounted: the model is blocked rather than published unchecked.
 */
export function applyModelRules(result: RegressionResult, counts: ModelCounts | null, rs: RuleSet): RegressionResult {
  const base = applyRulesToRegression(result, rs);
  if (rs.name === 'none') return base;
  const reasons: DisclosureMessage[] = counts === null ? [{ code: 'model-counts-unknown' }] : modelCountMessages(counts, rs);
  if (counts !== null && counts.n !== result.n) reasons.push({ code: 'model-sample-mismatch', check: counts.n, model: result.n });
  if (reasons.length === 0) return base;
  const { r2: _r2, adjR2: _adj, neg2LL: _ll, ...rest } = base;
  // A safe summary's own reasons (none) are dropped; a blocked one keeps them ahead of the counts.
  const prior = base.rules!.status === 'blocked' ? base.rules! : { ...base.rules!, reasons: [], messages: undefined };
  return { ...rest, coefficients: [], rules: { ...withReasons(prior, reasons), status: 'blocked' } };
}
