/**
 * Output-rule sets (docs/security.md). A rule set is stored in the project as JSON
 * (validated with `ruleSetSchema`); its dominance parameters are confidential and never exported —
 * exports carry `publicRuleSummary(rs)` instead.
 */
import { z } from 'zod';
import type { RuleSetName } from '../model/results';

export type { RuleSetName };

/**
 * How wide the feasible interval of a protected (primary) cell must be, as seen by an intruder who
 * knows every published cell, every published margin and that counts are non-negative:
 * `hi - lo >= max(absolute, relative * value)`.
 *
 * Defaults (`absolute = ceil(minCount / 2)`, `relative = 0.3`), why:
 * - absolute: a cell below the threshold must not be locatable to within a few units. Half the
 *   threshold (5 for minCount 10) means a suppressed 1 can at best be pinned to e.g. [0, 5]: the
 *   intruder cannot tell a 1 from a 5, nor whether it is empty. Requiring the full threshold
 *   roughly doubles secondary suppression in tables whose neighbouring cells are themselves small,
 *   for little gain, because those neighbours are suppressed and uncertain too.
 * - relative: for large cells (magnitude tables, dominance-unsafe cells) an absolute margin of a few
 *   units is meaningless; 30 % is τ-ARGUS's customary safety range for magnitude cells.
 * A value that is determined exactly (hi = lo) always fails, whatever the margin.
 */
export interface ProtectionMargin {
  absolute: number;
  relative: number;
}

export interface DominanceRule {
  /** Number of largest contributors. */
  n: number;
  /** Their share, in percent of the cell total, above which the cell is unsafe. */
  k: number;
}

export interface RuleSet {
  name: RuleSetName;
  /** Minimum unweighted units behind every published cell, numerator and denominator. */
  minCount: number;
  /** Minimum residual degrees of freedom of a published model (observations minus parameters). */
  minDf: number;
  /**
   * Largest leverage (hat value, 0–1) one observation may have in a published model: above it the fit
   * runs through that case and the coefficients carry its values. 0.5 is where it pulls the fitted
   * value more than all other cases together (h_ii = ∂ŷ_i/∂y_i).
   */
  maxLeverage: number;
  /** Identifier names that may never appear in an export (matched as in `primary/result-checks.ts`). */
  linkingKeys: string[];
  /** (n,k) dominance rule for magnitude tables (cbs-business). Confidential. */
  dominance?: DominanceRule;
  /** p% rule for magnitude tables (cbs-business). Confidential. */
  pPercent?: number;
  /** Symbol printed for a suppressed cell. */
  symbol: string;
  protectionMargin: ProtectionMargin;
  /** Suppress a whole column (or table) whose unweighted base is below minCount. */
  suppressSmallBase: boolean;
  /**
   * Set (at run time only, never stored) on a rule set a request chose below the project's with a
   * written reason, and on `none`: its results are marked "not checked against the output rules"
   * of `against` (the project's rule set, or cbs-persons for a plain file).
   */
  unchecked?: { against: RuleSetName };
}

export const DEFAULT_LINKING_KEYS: readonly string[] = [
  'RINPERSOON',
  'RINPERSOONS',
  'RINADRES',
  'RINOBJECTNUMMER',
  'BEID',
  'BRIN',
  'BSN',
  'HUISHOUDNR',
  'KVKNUMMER',
];

/**
 * Built-in rule sets. The cbs-business dominance parameters are placeholders: CBS agrees the real
 * (n,k) and p values with the researcher, who enters them in the project (they are never exported).
 */
export function defaultRuleSet(name: RuleSetName): RuleSet {
  const base: RuleSet = {
    name,
    minCount: 10,
    minDf: 10,
    maxLeverage: 0.5,
    linkingKeys: [...DEFAULT_LINKING_KEYS],
    symbol: 'x',
    protectionMargin: { absolute: 5, relative: 0.3 },
    suppressSmallBase: true,
  };
  if (name === 'cbs-business') return { ...base, dominance: { n: 2, k: 75 }, pPercent: 10 };
  return base;
}

export const ruleSetNameSchema = z.enum(['cbs-persons', 'cbs-business', 'none']);

export const ruleSetSchema = z.object({
  name: ruleSetNameSchema,
  minCount: z.number().int().min(1).max(1_000_000),
  minDf: z.number().int().min(0).max(1_000_000),
  // Rule sets stored before this field existed get the default.
  maxLeverage: z.number().gt(0).max(1).default(0.5),
  linkingKeys: z.array(z.string().trim().min(1)),
  dominance: z.object({ n: z.number().int().min(1).max(100), k: z.number().gt(0).max(100) }).optional(),
  pPercent: z.number().gt(0).max(100).optional(),
  symbol: z.string().min(1).max(8),
  protectionMargin: z.object({ absolute: z.number().min(0), relative: z.number().min(0).max(10) }),
  suppressSmallBase: z.boolean(),
}) satisfies z.ZodType<RuleSet>;

/** What an export may say about the rules applied: no dominance or p% parameters, no margins. */
export interface PublicRuleSummary {
  name: RuleSetName;
  minCount: number;
  minDf: number;
  symbol: string;
  dominanceRule: boolean;
  pPercentRule: boolean;
  secondarySuppression: boolean;
  /** Legend line for the symbol, in Dutch (house style). */
  legend: string;
}

export function publicRuleSummary(rs: RuleSet): PublicRuleSummary {
  const active = rs.name !== 'none';
  return {
    name: rs.name,
    minCount: rs.minCount,
    minDf: rs.minDf,
    symbol: rs.symbol,
    dominanceRule: active && rs.dominance !== undefined,
    pPercentRule: active && rs.pPercent !== undefined,
    secondarySuppression: active,
    legend: active
      ? `${rs.symbol} = geheim: onderdrukt volgens de outputregels (${rs.name}, minimaal ${rs.minCount} waarnemingen)`
      : 'geen outputregels toegepast',
  };
}

/** Required interval width for a protected cell of the given value (see ProtectionMargin). */
export function requiredWidth(value: number, margin: ProtectionMargin): number {
  return Math.max(margin.absolute, margin.relative * Math.abs(value));
}

/** True when `next` publishes something `prev` would have withheld. */
export function loosens(prev: RuleSet, next: RuleSet): boolean {
  if (next.name === 'none' && prev.name !== 'none') return true;
  if (next.minCount < prev.minCount || next.minDf < prev.minDf || next.maxLeverage > prev.maxLeverage) return true;
  if (!next.suppressSmallBase && prev.suppressSmallBase) return true;
  const dropped = prev.linkingKeys.some((k) => !next.linkingKeys.some((n) => n.toLowerCase() === k.toLowerCase()));
  if (dropped) return true;
  if (prev.dominance && (!next.dominance || next.dominance.k > prev.dominance.k || next.dominance.n < prev.dominance.n)) return true;
  if (prev.pPercent !== undefined && (next.pPercent === undefined || next.pPercent < prev.pPercent)) return true;
  return next.protectionMargin.absolute < prev.protectionMargin.absolute || next.protectionMargin.relative < prev.protectionMargin.relative;
}
