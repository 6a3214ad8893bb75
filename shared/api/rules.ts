import { z } from 'zod';
import { call } from './contract';
import type { DisclosureMessage } from '../i18n/message-types';
import { ruleSetSchema, type RuleSet } from '../disclosure/rules';
import { overrideSchema, overrideTargetSchema, type OverrideRecord } from '../disclosure/overrides/override';

/** An override as the UI lists it; `status` only when asked for one table. */
export interface OverrideView extends Omit<OverrideRecord, 'key' | 'fingerprint'> {
  /** 'stale': recorded for this table, but its counts have changed since, so it is not applied. */
  status?: 'applied' | 'stale';
  why?: string;
  /** `why` as a message code (shared/i18n/messages.ts), for the UI's language. */
  whyMessage?: DisclosureMessage;
}

/**
 * The project's output rules. Loosening them (a lower threshold, or `none`) needs a written reason,
 * which goes into the audit log with the old and new settings. Overrides release single cells of
 * one table, each with a written reason (at least 10 characters), logged with the table specification.
 */
export const rulesSection = {
  'rules.get': call<RuleSet>()(z.object({})),
  'rules.set': call<RuleSet>()(z.object({ ruleSet: ruleSetSchema, reason: z.string().trim().max(2000).default('') })),
  'rules.reset': call<RuleSet>()(z.object({ name: z.enum(['cbs-persons', 'cbs-business', 'none']), reason: z.string().trim().max(2000).default('') })),
  /** Release primary-suppressed cells of one banner table (under the project's rule set). */
  'rules.override.add': call<OverrideView>()(overrideSchema),
  /** The project's overrides; with `target`, those recorded for that table, with their status. */
  'rules.override.list': call<OverrideView[]>()(z.object({ target: overrideTargetSchema.optional() })),
  'rules.override.remove': call<{ removed: number }>()(z.object({ id: z.number().int().positive(), reason: z.string().trim().max(2000).default('') })),
};
