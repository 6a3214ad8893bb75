/**
 * Which rule set applies to a result, and the checks every path out of the app shares: the project's
 * set unless the request names one explicitly, and no linking key in any output.
 */
import { checkLinkingKeys, defaultRuleSet, loosens, withReasons, type RuleSet } from '../disclosure/index';
import type { Dataset } from '../model/dataset';
import type { DisclosureSummary, RuleSetName } from '../model/results';
import type { DisclosureMessage } from '../i18n/messages';
import { DuidingError } from '../errors';

export class OutputRuleError extends DuidingError {
  /** The refusal as a code, for Dutch or English text (shared/i18n/messages.ts). */
  declare readonly detail?: DisclosureMessage;

  /** `message` as a code gives `.message` its English text. */
  constructor(message: string | DisclosureMessage) {
    super('output-rules', message);
    this.name = 'OutputRuleError';
  }
}

/** A reason for loosening the rules is at least this long (as for changing the project's rules). */
export const MIN_RULES_REASON = 10;

export interface RulesChoice {
  ruleSet: RuleSet;
  /** True when the request chose rules below the project's: it needs its reason in the audit log. */
  loosened: boolean;
  reason?: string;
}

/**
 * The rule set a request runs under: the project's unless it names another. One below the project's
 * (or below cbs-persons for a plain file) needs a written reason, and its results are marked
 * unchecked; so are results under `none`, whoever chose it.
 */
export function resolveRules(requested: RuleSetName | undefined, project: RuleSet, reason?: string): RulesChoice {
  const chosen = requested === undefined || requested === project.name ? project : defaultRuleSet(requested);
  const loosened = loosens(project, chosen);
  if (!loosened) return { ruleSet: chosen.name === 'none' ? { ...chosen, unchecked: { against: project.name } } : chosen, loosened: false };
  const why = reason?.trim() ?? '';
  if (why.length < MIN_RULES_REASON) {
    throw new OutputRuleError({ code: 'rules-reason-required', ruleSet: chosen.name, project: project.name, min: MIN_RULES_REASON });
  }
  return { ruleSet: { ...chosen, unchecked: { against: project.name } }, loosened: true, reason: why };
}

/** The rule set without a reason check (the project's own, or one at least as strict). */
export function chooseRuleSet(requested: RuleSetName | undefined, projectRuleSet: RuleSet): RuleSet {
  return resolveRules(requested, projectRuleSet).ruleSet;
}

/** A result's verdict under an unchecked rule set: published, but marked as not checked (blocked stays blocked). */
export function markUnchecked(rules: DisclosureSummary, rs: RuleSet): DisclosureSummary {
  if (!rs.unchecked || rules.status === 'blocked' || rules.status === 'unchecked') return rules;
  return { ...withReasons(rules, [{ code: 'rules-unchecked', ruleSet: rs.name, project: rs.unchecked.against }]), status: 'unchecked' };
}

/** The same result with its verdict marked when made under unchecked rules. */
export function markResult<R extends { rules: DisclosureSummary }>(result: R, rs: RuleSet): R {
  return rs.unchecked ? { ...result, rules: markUnchecked(result.rules, rs) } : result;
}

/** Refuses output that would show identifiers (linking keys or variables marked id/key). */
export function assertNoLinkingKeys(ds: Dataset, names: string[], rs: RuleSet): void {
  const check = checkLinkingKeys(names, ds.variables, rs);
  if (!check.ok) {
    const hit = check.hits[0];
    const m = hit.message;
    if (m?.code === 'identifier-role') throw new OutputRuleError({ code: 'not-in-output-role', variable: hit.name, ruleSet: rs.name, role: m.role });
    if (m?.code === 'linking-key') throw new OutputRuleError({ code: 'not-in-output-key', variable: hit.name, ruleSet: rs.name, key: m.key });
    throw new OutputRuleError(`${hit.name} may not appear in output under ${rs.name}: ${hit.reason}`);
  }
}
