/**
 * Which rule set applies to a result, and the checks every path out of the app shares: the project's
 * set unless the request names one explicitly, and no linking key in any output.
 */
import { checkLinkingKeys, defaultRuleSet, type RuleSet } from '../disclosure/index';
import type { Dataset } from '../model/dataset';
import type { RuleSetName } from '../model/results';

export class OutputRuleError extends Error {
  constructor(message: string) {
    super(message);
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
    throw new OutputRuleError(`${hit.name} may not appear in output under ${rs.name}: ${hit.reason}`);
  }
}
