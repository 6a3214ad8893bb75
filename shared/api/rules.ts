import { z } from 'zod';
import { call } from './contract';
import { ruleSetSchema, type RuleSet } from '../disclosure/rules';

/**
 * The project's output rules. Loosening them (a lower threshold, or `none`) needs a written reason,
 * which goes into the audit log with the old and new settings.
 */
export const rulesSection = {
  'rules.get': call<RuleSet>()(z.object({})),
  'rules.set': call<RuleSet>()(z.object({ ruleSet: ruleSetSchema, reason: z.string().trim().max(2000).default('') })),
  'rules.reset': call<RuleSet>()(
    z.object({ name: z.enum(['cbs-persons', 'cbs-business', 'none']), reason: z.string().trim().max(2000).default('') }),
  ),
};
