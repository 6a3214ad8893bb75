/** Reading and changing the project's output rules; every change is audited, loosening needs a reason. */
import { defaultRuleSet, type RuleSet } from '../../shared/disclosure/rules';
import { HandlerError } from './context';
import type { AppContext, HandlerMap } from './types';

/** True when `next` publishes something `prev` would have withheld. */
export function loosens(prev: RuleSet, next: RuleSet): boolean {
  if (next.name === 'none' && prev.name !== 'none') return true;
  if (next.minCount < prev.minCount || next.minDf < prev.minDf) return true;
  if (!next.suppressSmallBase && prev.suppressSmallBase) return true;
  const dropped = prev.linkingKeys.some((k) => !next.linkingKeys.some((n) => n.toLowerCase() === k.toLowerCase()));
  if (dropped) return true;
  if (prev.dominance && (!next.dominance || next.dominance.k > prev.dominance.k || next.dominance.n < prev.dominance.n)) return true;
  if (prev.pPercent !== undefined && (next.pPercent === undefined || next.pPercent < prev.pPercent)) return true;
  return next.protectionMargin.absolute < prev.protectionMargin.absolute || next.protectionMargin.relative < prev.protectionMargin.relative;
}

function save(ctx: AppContext, next: RuleSet, reason: string): RuleSet {
  const prev = ctx.session.ruleSet();
  if (loosens(prev, next) && reason.length < 10) {
    throw new HandlerError('reason-required', 'Loosening the output rules needs a written reason (at least 10 characters); it is kept in the audit log.');
  }
  // The audit keeps the rule names and public thresholds; dominance parameters are confidential and stay in the settings only.
  const publicPart = (r: RuleSet) => ({ name: r.name, minCount: r.minCount, minDf: r.minDf, suppressSmallBase: r.suppressSmallBase, linkingKeys: r.linkingKeys });
  ctx.session.store().setSetting('ruleSet', next, { action: 'rules.change', from: publicPart(prev), to: publicPart(next), reason });
  ctx.emit('project.changed', { reason: 'rules' });
  return next;
}

export const rulesHandlers: HandlerMap = {
  'rules.get': async (_args, { session }) => session.ruleSet(),
  'rules.set': async ({ ruleSet, reason }, ctx) => save(ctx, ruleSet as RuleSet, reason),
  'rules.reset': async ({ name, reason }, ctx) => save(ctx, defaultRuleSet(name), reason),
};
