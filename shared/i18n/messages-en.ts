/**
 * English texts of the message codes. These are exactly the texts the rules and the expression
 * language always produced: `reasons` in the CLI JSON is built from them and must not change.
 */
import type { MessageCatalogue } from './catalogue';
import { WEIGHT_EN } from './messages-weight-en';

const EXPECTED = {
  'paren-after-in': "'(' after in",
  'comma-or-close': "',' or ')'",
  close: "')'",
  open: "'('",
  operand: 'a number, string, variable or (',
  'operator-or-end': 'an operator or the end of the expression',
} as const;

const MODEL_KIND = { category: 'category', reference: 'reference category', value: 'value', outcome: 'outcome' } as const;
const notApplied = (date: string | undefined) => (date ? `override of ${date} not applied: ` : '');
const named = (label: string, code: string) => (label && label !== code ? `${code} "${label}"` : code);

export const EN: MessageCatalogue = {
  'primary-cells': (p) => `${p.n} cell(s) or total(s) based on fewer than ${p.min} units`,
  'primary-banner': (p) => `${p.n} cell(s) or base(s) based on fewer than ${p.min} units`,
  'primary-categories': (p) => `${p.n} category(ies) or total(s) based on fewer than ${p.min} units`,
  'column-base': (p) => `column "${p.label}" has base ${p.base} < ${p.min}: column suppressed`,
  'row-base': (p) => `row "${p.label}" has base ${p.base} < ${p.min}: row suppressed`,
  'all-bases-below': () => 'every column base is below the threshold',
  'linked-base': (p) => `${p.n} base(s) withheld because another table withholds the same base`,
  'no-pattern': () => 'no suppression pattern found that protects every cell',
  'secondary-cells': (p) => `${p.n} further cell(s) suppressed so that no suppressed value can be recomputed from the totals`,
  'secondary-layers': (p) =>
    `${p.n} further cell(s) suppressed so that no suppressed value can be recomputed from the totals, the other layers or the table over all layers`,
  'secondary-categories': (p) => `${p.n} further category(ies) suppressed so that none can be recomputed from the totals`,
  'secondary-magnitude': (p) => `${p.n} further cell(s) suppressed so that no suppressed value can be recomputed`,
  'magnitude-unsafe': (p) => `${p.n} cell(s) unsafe by the ${p.rule === 'count' ? 'minimum-count' : p.rule === 'dominance' ? 'dominance' : 'p%'} rule`,
  'means-withheld': (p) => `${p.n} mean(s) withheld: group below ${p.min} units or recomputable`,
  'chi2-withheld': () => 'chi-square withheld: with the margins it could narrow down suppressed cells',
  'responses-withheld': () => 'responses and % of responses withheld: with the published items they would give away suppressed items',
  'input-suppressed': () => 'input already contains suppressed cells; rerun on the full table',
  'input-suppressed-layers': () => 'input already contains suppressed cells; rerun on the full tables',
  'table-small': (p) => `table based on ${p.n} units, below ${p.min}`,
  'total-withheld': () => 'table over all layers not published: no suppression pattern protects the layers and the total together',
  'total-costlier': () => 'table over all layers not published: protecting it together with the layers would withhold more cells than leaving it out',
  'total-too-large': (p) =>
    `table over all layers not published: more than ${p.max} small cells over the layers, too many to protect layers and total together`,
  'linked-recomputable': (p) => `suppressed values could be recomputed together with ${p.tables || 'other tables'} (same banner and population)`,
  'identifiers-not-exported': () => 'identifiers may not be exported',
  'blocked-by-rules': () => 'blocked by the output rules',
  'not-in-output-role': (p) => `${p.variable} may not appear in output under ${p.ruleSet}: marked as identifier (role ${p.role})`,
  'not-in-output-key': (p) => `${p.variable} may not appear in output under ${p.ruleSet}: looks like linking key ${p.key}`,
  'identifier-role': (p) => `${p.variable}: marked as identifier (role ${p.role})`,
  'linking-key': (p) => `${p.variable}: looks like linking key ${p.key}`,
  'model-df': (p) => `residual degrees of freedom ${p.df} below ${p.min}`,
  'model-n': (p) => `model based on ${p.n} cases, below ${p.min}`,
  'model-category': (p) => `${p.variable}: ${MODEL_KIND[p.kind]} ${named(p.label, p.value)} has ${p.count} observation(s), fewer than ${p.min}`,
  'model-leverage': (p) => `one observation has leverage ${p.leverage} (above ${p.max}), most unusual in ${p.term}: the estimates would show its values`,
  'model-sparse': (p) => `${p.variable}: only ${p.count} observation(s) have a value other than ${p.value}, fewer than ${p.min}`,
  'weight-role': (p) =>
    `${p.variable} cannot weight a table or model: only a variable with role weight can (its role is ${p.role}); set the role in the variable view`,
  'derived-identifier': (p) => `${p.variable} may not appear in output: it is derived from identifier ${p.identifier}`,
  'model-counts-unknown': () => 'counts per category could not be checked',
  'model-sample-mismatch': (p) => `sample of the check (${p.check}) differs from the model (${p.model})`,
  'override-blocked': (p) => `override of ${p.date} not applied: the table is withheld as a whole`,
  'override-released': (p) => `${p.n} cell(s) released by override of ${p.date}: ${p.reason}`,
  'override-stale-counts': (p) => `${notApplied(p.date)}the counts of the table changed since the override was recorded`,
  'override-stale-cell': (p) => `${notApplied(p.date)}cell ${p.row} / ${p.col} no longer has count ${p.count}`,
  'override-no-rules': () => 'No output rules are active, so there is nothing to release.',
  'override-table-blocked': (p, f) => `This table is withheld as a whole (${p.why.map(f.msg).join('; ')}); single cells cannot be released.`,
  'override-unknown-cell': (p) => `The table has no cell (${p.row}, ${p.col}).`,
  'override-not-primary': (p) =>
    `Cell ${p.row} / ${p.col} ${p.secondary ? 'is withheld only to protect another cell' : 'is already published'}; only cells withheld by a primary rule can be released.`,
  'rules-reason-required': (p) =>
    `Output rules ${p.ruleSet} are less strict than the project's (${p.project}): give a written reason of at least ${p.min} characters (--reason); it is kept in the audit log.`,
  'rules-unchecked': (p) => `not checked against the project's output rules (${p.project}): made on request under ${p.ruleSet}`,
  'difference-cells': (p) =>
    `${p.n} cell(s) suppressed because the difference with ${p.source === 'filter' ? 'the same table without (part of) the filter' : 'a table released earlier with another filter'} is based on fewer than ${p.min} units`,
  text: (p) => p.text,

  'expr-needs-numbers': (p) => `'${p.fn}' needs numbers; this argument is text`,
  'expr-value-needs-var': () => "'value' needs a numeric variable name",
  'expr-range-args': () => "'range' needs a value and then pairs of low, high",
  'expr-same-type': (p) => `'${p.fn}': all values must be ${p.type === 'num' ? 'numbers' : 'text'}`,
  'expr-range-order': (p) => `'${p.from} to ${p.to}': ${p.to} comes before ${p.from} in the dataset`,
  'expr-unknown-variable': (p) => (p.names.length === 1 ? `Unknown variable '${p.names[0]}'` : `Unknown variables: ${p.names.join(', ')}`),
  'expr-needs-number': (p) => `${p.op === '-' ? 'Minus' : `'${p.op}'`} needs a number, not text`,
  'expr-compare-types': () => 'Cannot compare text with a number',
  'expr-filter-text': () => 'A filter must be a condition, not text',
  'expr-result-text': () => 'This expression gives text, not a number',
  'expr-ends-early': (p) => `Expression ends too early: expected ${EXPECTED[p.expected]}`,
  'expr-expected': (p) => `Expected ${EXPECTED[p.expected]} but found '${p.found}'`,
  'expr-chained-comparison': () => 'Comparisons cannot be chained: use and, e.g. a < b and b < c',
  'expr-unknown-function': (p) => `Unknown function '${p.name}'`,
  'expr-no-n-suffix': (p) => `'${p.name}' does not take a .n suffix`,
  'expr-range-not-allowed': () => `'x to y' lists are allowed only in mean, sum, min, max, sd, nvalid, nmiss`,
  'expr-arg-count': (p) => `'${p.name}' takes ${p.exact ? `${p.min}` : `at least ${p.min}`} argument(s), got ${p.got}`,
  'expr-empty': () => 'The expression is empty',
  'expr-unterminated-string': () => 'Unterminated string: add the closing quote',
  'expr-identifier': (p) =>
    `${p.variable === p.identifier ? p.variable : `${p.variable} is derived from ${p.identifier}, which`} ${p.why === 'role' ? `is marked as identifier (role ${p.detail})` : `looks like linking key ${p.detail}`}: identifiers may not be used in filters, recodes or computed variables`,
  'expr-unexpected-char': (p) => `Unexpected character '${p.char}'`,
  ...WEIGHT_EN,
};
