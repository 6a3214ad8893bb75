/**
 * The output rules for a group of book tables over one banner, filter and weight: withheld bases
 * made consistent across the group (applyRulesToBanners), then the joint audit (disclosure/secondary/linked-audit.ts)
 * blocks whatever the tables would still give away together.
 */
import { applyRulesToBanner } from '../../../shared/disclosure/index';
import { applyRulesToBanners } from '../../../shared/disclosure/index';
import { applyOverridesToBanners } from '../../../shared/disclosure/index';
import type { OverrideRecord } from '../../../shared/disclosure/index';
import type { GroupRulesFn, RulesFn } from './engine';
import { auditLinkedBanners } from '../../../shared/disclosure/index';

export const defaultGroupRules: GroupRulesFn = (raws, rs) => auditLinkedBanners(raws, applyRulesToBanners(raws, rs), rs);

/**
 * The group rules with the project's recorded overrides of `dataset` applied (released cells are
 * published and known; the joint audit then treats them as any published cell).
 */
export function overrideGroupRules(dataset: string, overrides: readonly OverrideRecord[]): GroupRulesFn {
  if (overrides.length === 0) return defaultGroupRules;
  return (raws, rs) => auditLinkedBanners(raws, applyOverridesToBanners(raws, rs, dataset, overrides), rs);
}

/**
 * The group function for a caller that passed a single-table function: the engine's own becomes the
 * group rules; any other (a writer test on hand-made results) is applied table by table, and the
 * joint audit still runs over what it produced.
 */
export function groupRulesFor(applyRules: RulesFn | undefined): GroupRulesFn {
  if (applyRules === undefined || applyRules === applyRulesToBanner) return defaultGroupRules;
  return (raws, rs) =>
    auditLinkedBanners(
      raws,
      raws.map((r) => applyRules(r, rs)),
      rs,
    );
}
