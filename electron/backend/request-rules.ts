/**
 * The rule set of one request from the app: the project's, or another it names. One below the
 * project's needs a written reason (at least 10 characters, as for changing the project's rules) and
 * is recorded in the audit log before anything is computed; its results are marked unchecked.
 */
import { resolveRules } from '../../shared/analysis/output-rules';
import type { RuleSet } from '../../shared/disclosure/index';
import type { RuleSetName } from '../../shared/model/results';
import { auditExport } from './audit-export';
import type { AppContext } from './types';

export function requestRules(ctx: AppContext, call: string, requested: RuleSetName | undefined, reason: string | undefined, detail: object = {}): RuleSet {
  const choice = resolveRules(requested, ctx.session.ruleSet(), reason);
  if (choice.loosened)
    auditExport(ctx, 'rules.loosen', { call, ruleSet: choice.ruleSet.name, project: ctx.session.ruleSet().name, reason: choice.reason, ...detail });
  return choice.ruleSet;
}
