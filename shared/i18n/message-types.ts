/**
 * Stable codes for the texts the rules and the expression language produce, each with its
 * parameters. A result carries these next to its (English) text so every front end can say it in
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

export type MessageParams = DisclosureParams & ExprParams & WeightParams;
export type MessageCode = keyof MessageParams;
export type DisclosureCode = keyof DisclosureParams;
export type ExprCode = keyof ExprParams;
export type WeightCode = keyof WeightParams;

/** `scope` (a layer's label) is put in front of the text: "Man: 3 cellen …". */
type Of<P, C extends keyof P> = { code: C; scope?: string } & P[C];
export type DisclosureMessage = { [C in DisclosureCode]: Of<DisclosureParams, C> }[DisclosureCode];
export type ExprMessage = { [C in ExprCode]: Of<ExprParams, C> }[ExprCode];
export type WeightMessage = { [C in WeightCode]: Of<WeightParams, C> }[WeightCode];
export type Message = DisclosureMessage | ExprMessage | WeightMessage;
export type MessageLang = 'nl' | 'en';
