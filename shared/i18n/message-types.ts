/**
 * Stable codes for the texts the rules, the expression language and the engine's errors produce,
 * each with its parameters. A result carries these next to its (English) text so every front end can say it in
 * the reader's language; see messages.ts for the rendering.
 */

import type { WeightParams } from './message-types-weight';

export type { WeightCodeMismatch, WeightParams, WeightTargetProblem } from './message-types-weight';

/** A code without parameters. */
type None = Record<never, never>;

export type MagnitudeRule = 'count' | 'dominance' | 'p-percent';
export type ModelCategoryKind = 'category' | 'reference' | 'value' | 'outcome';
/** What the parser expected where an expression went wrong. */
export type ExprExpected = 'paren-after-in' | 'comma-or-close' | 'close' | 'open' | 'operand' | 'operator-or-end';

export interface DisclosureParams {
  /** Cells or totals of a crosstab below the minimum count. */
  'primary-cells': { n: number; min: number };
  /** Cells or column bases of a banner table below the minimum count. */
  'primary-banner': { n: number; min: number };
  /** Categories or totals of a frequency table below the minimum count. */
  'primary-categories': { n: number; min: number };
  'column-base': { label: string; base: number; min: number };
  'row-base': { label: string; base: number; min: number };
  'all-bases-below': None;
  'linked-base': { n: number };
  'no-pattern': None;
  'secondary-cells': { n: number };
  'secondary-layers': { n: number };
  'secondary-categories': { n: number };
  'secondary-magnitude': { n: number };
  'magnitude-unsafe': { n: number; rule: MagnitudeRule };
  'means-withheld': { n: number; min: number };
  'chi2-withheld': None;
  /** A multiple-response table with a suppressed item: its responses would give the item away. */
  'responses-withheld': None;
  /** A weighting report with a suppressed sample count: the spread of the weights would give it away. */
  'weight-summary-withheld': None;
  'input-suppressed': None;
  'input-suppressed-layers': None;
  'table-small': { n: number; min: number };
  'total-withheld': None;
  'total-costlier': None;
  'total-too-large': { max: number };
  /** `tables`: the other tables' names, comma separated; '' when unknown. */
  'linked-recomputable': { tables: string };
  'identifiers-not-exported': None;
  'blocked-by-rules': None;
  /** A request names a variable that may never appear in output (see assertNoLinkingKeys). */
  'not-in-output-role': { variable: string; ruleSet: string; role: string };
  'not-in-output-key': { variable: string; ruleSet: string; key: string };
  'identifier-role': { variable: string; role: string };
  'linking-key': { variable: string; key: string };
  'model-df': { df: number; min: number };
  'model-n': { n: number; min: number };
  'model-category': { variable: string; kind: ModelCategoryKind; value: string; label: string; count: number; min: number };
  /** One observation's leverage (hat value) is above the rule set's maximum; `term`: where it is most unusual. */
  'model-leverage': { leverage: number; max: number; term: string };
  /** A numeric predictor differs from its most common value (`value`) in fewer than `min` observations. */
  'model-sparse': { variable: string; value: string; count: number; min: number };
  /** Only a variable with role 'weight' may weight a table or a model (shared/disclosure/inputs.ts). */
  'weight-role': { variable: string; role: string };
  /** A variable derived (recode, compute) from an identifier may not appear in output either. */
  'derived-identifier': { variable: string; identifier: string };
  'model-counts-unknown': None;
  'model-sample-mismatch': { check: number; model: number };
  'override-blocked': { date: string };
  'override-released': { n: number; date: string; reason: string };
  /** Without `date`: only why (the override dialog lists the override itself). */
  'override-stale-counts': { date?: string };
  'override-stale-cell': { date?: string; row: string; col: string; count: number };
  'override-no-rules': None;
  'override-table-blocked': { why: DisclosureMessage[] };
  'override-unknown-cell': { row: string; col: string };
  /** `secondary`: the cell is withheld only to protect another; else it is published already. */
  'override-not-primary': { row: string; col: string; secondary: boolean };
  /** A request for a rule set below the project's, without a written reason. */
  'rules-reason-required': { ruleSet: string; project: string; min: number };
  /** A result produced under rules below the project's (or none): not checked against the project's rules. */
  'rules-unchecked': { ruleSet: string; project: string };
  /**
   * Cells withheld because the same table without (part of) the filter, or a table already released
   * with another filter, differs from them by fewer than `min` units.
   */
  'difference-cells': { n: number; min: number; source: 'filter' | 'released' };
  /** A set question against a banner that holds a set: not tabulated (sets are not crossed with sets). */
  'set-by-set': { set: string; col: string };
  /** A text that has no code (kept as it is in every language). */
  text: { text: string };
}

export interface ExprParams {
  'expr-needs-numbers': { fn: string };
  'expr-value-needs-var': None;
  'expr-range-args': None;
  'expr-same-type': { fn: string; type: 'num' | 'str' };
  'expr-range-order': { from: string; to: string };
  'expr-unknown-variable': { names: string[] };
  /** `op`: the operator ('-' is unary minus, 'not', or a binary operator). */
  'expr-needs-number': { op: string };
  'expr-compare-types': None;
  'expr-filter-text': None;
  'expr-result-text': None;
  'expr-ends-early': { expected: ExprExpected };
  'expr-expected': { expected: ExprExpected; found: string };
  'expr-chained-comparison': None;
  'expr-unknown-function': { name: string };
  'expr-no-n-suffix': { name: string };
  'expr-range-not-allowed': None;
  /** `exact`: the function takes exactly `min` arguments, else at least `min`. */
  'expr-arg-count': { name: string; min: number; exact: boolean; got: number };
  'expr-empty': None;
  'expr-unterminated-string': None;
  'expr-unexpected-char': { char: string };
  /**
   * A filter, recode or computed variable reads an identifier (shared/transform/identifiers.ts):
   * `variable` is the name used; `identifier` the id itself (the same, or the source `variable` is
   * derived from); `detail` its role (`why` 'role') or the linking key it matches (`why` 'key').
   */
  'expr-identifier': { variable: string; identifier: string; why: 'role' | 'key'; detail: string };
}

/** Why the engine cannot compute what was asked (EngineError, RegressionError in shared/engine). */
export interface EngineParams {
  'engine-unknown-variable': { name: string };
  'engine-string-weight': { name: string };
  'engine-string-mean': { name: string };
  'engine-string-in-model': { name: string; as: 'dependent' | 'predictor' };
  'engine-empty-table': { row: string; col: string };
  'engine-empty-layers': { row: string; col: string; layers: string[] };
  'engine-no-cases': { variable: string; filter?: string };
  'engine-no-layers': None;
  'engine-too-many-layers': { layers: string[]; n: number };
  /** `strataOnly`: the stratum variable (Rao–Scott without clusters), else stratum or cluster. */
  'engine-design-missing': { strataOnly: boolean };
  /** `known`: the dataset's sets, comma separated; '' when it has none. */
  'engine-unknown-set': { name: string; known: string };
  'engine-set-no-members': { set: string };
  'engine-set-mixed': { set: string };
  'engine-set-no-counted': { set: string };
  'engine-set-empty-table': { set: string };
  'engine-set-in-layers': { set: string };
  'engine-set-in-nest': { set: string };
  'engine-set-needs-total': { set: string };
  'engine-set-by-set': { set: string; col: string };
  'reg-too-few-cases': { n: number; k: number };
  'reg-fe-too-few': { n: number; k: number; groups: number };
  'reg-no-predictors': None;
  'reg-unknown-group': { name: string };
  'reg-design-frequency': None;
  'reg-fe-design': None;
  'reg-fe-weights': None;
  'reg-fe-intercept': None;
  'reg-fe-panel': None;
  'reg-few-clusters': { name: string };
  'reg-single-psu': None;
  'reg-collinear': { term: string };
  /** `many`: more than two valid values, else only one. */
  'reg-dependent-values': { name: string; many: boolean };
  'reg-unknown-reference': { ref: string; variable: string };
  'reg-not-converged': { iterations: number };
  'reg-separation': None;
}

/** Notes under a table's chi-square tests (Chi2Block.notes): why a test is missing or how it was made. */
export interface Chi2NoteParams {
  /** Fisher's exact test needs whole counts; frequency weights with fractions do not give them. */
  'chi2-fisher-fractional': None;
  /** Sampling weights: Rao–Scott is the test; Pearson and LR are shown on the table rescaled to n, without p. */
  'chi2-sampling': None;
  'chi2-raoscott-empty': None;
  'chi2-lonely-strata': { n: number };
  /** Per layer, Rao–Scott is the domain test (R survey: a subset of the design). */
  'chi2-domain': None;
}

export type MessageParams = DisclosureParams & ExprParams & EngineParams & Chi2NoteParams & WeightParams;
export type MessageCode = keyof MessageParams;
export type DisclosureCode = keyof DisclosureParams;
export type ExprCode = keyof ExprParams;
export type EngineCode = keyof EngineParams;
export type Chi2NoteCode = keyof Chi2NoteParams;
export type WeightCode = keyof WeightParams;

/** `scope` (a layer's label) is put in front of the text: "Man: 3 cellen …". */
type Of<P, C extends keyof P> = { code: C; scope?: string } & P[C];
export type DisclosureMessage = { [C in DisclosureCode]: Of<DisclosureParams, C> }[DisclosureCode];
export type ExprMessage = { [C in ExprCode]: Of<ExprParams, C> }[ExprCode];
export type EngineMessage = { [C in EngineCode]: Of<EngineParams, C> }[EngineCode];
export type Chi2NoteMessage = { [C in Chi2NoteCode]: Of<Chi2NoteParams, C> }[Chi2NoteCode];
export type WeightMessage = { [C in WeightCode]: Of<WeightParams, C> }[WeightCode];
export type Message = DisclosureMessage | ExprMessage | EngineMessage | Chi2NoteMessage | WeightMessage;
export type MessageLang = 'nl' | 'en';
