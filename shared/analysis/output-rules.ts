/**
 * Which rule set applies to a result, and the checks every path out of the app shares: the project's
 * set unless the request names one explicitly, and no linking key in any output.
 */
import { checkLinkingKeys, defaultRuleSet, type RuleSet } from '../disclosure/index';
import type { Dataset } from '../model/dataset';
import type { RuleSetName } from '../model/results';
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

export function chooseRuleSet(requested: RuleSetName | undefined, projectRuleSet: RuleSet): RuleSet {
  if (requested === undefined || requested === projectRuleSet.name) return projectRuleSet;
  return defaultRuleSet(requested);
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
