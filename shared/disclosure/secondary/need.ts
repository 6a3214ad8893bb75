/**
 * How much protection a withheld cell needs in the audit.
 * - A cell below the threshold: the protection margin (rules.ts), in counts.
 * - Any other cell withheld by a primary rule (e.g. an empty cell of a blocked column): only that
 *   its value is not determined — an intruder must not learn that the column holds nobody there.
 * - Secondary cells: nothing of their own (a determined secondary would be released by pruning anyway).
 * Weighted values get the same protection expressed in weight units: the count margin times the
 * cell's mean weight.
 */
import { unsafeCount } from '../primary/cell-rules';
import { requiredWidth, type RuleSet } from '../rules';

/** Any positive width: the audit then only demands that the value is not determined. */
export const NOT_DETERMINED = Number.MIN_VALUE;

export function protectionNeed(count: number, primary: boolean, rs: RuleSet): number {
  if (unsafeCount(count, rs)) return requiredWidth(count, rs.protectionMargin);
  return primary ? NOT_DETERMINED : 0;
}

export function weightedNeed(count: number, weighted: number, primary: boolean, rs: RuleSet): number {
  if (unsafeCount(count, rs)) return (requiredWidth(count, rs.protectionMargin) * weighted) / count;
  return primary ? NOT_DETERMINED : 0;
}
