/** The output rule sets by their names in the UI language. */
import type { StringKey } from '../i18n/strings';

export const RULE_SETS = ['cbs-persons', 'cbs-business', 'none'] as const;

export function ruleSetLabel(t: (key: StringKey) => string, name: string): string {
  return (RULE_SETS as readonly string[]).includes(name) ? t(`bk.rules.${name as (typeof RULE_SETS)[number]}`) : name;
}
