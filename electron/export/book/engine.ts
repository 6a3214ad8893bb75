/**
 * The two engine functions a book depends on, as types: the banner tabulation and the output rules.
 * Passed in (with the real ones as defaults) so the writer can be exercised on hand-made results.
 */
import type { Dataset } from '../../../shared/model/dataset';
import type { BannerResult, WeightType } from '../../../shared/model/results';
import type { RuleSet } from '../../../shared/disclosure/index';
import type { BookSpec } from '../../../shared/book/book';

export interface BannerOptions {
  row: string;
  columns: BookSpec['banner'];
  weight?: { variable: string; type: WeightType } | null;
  filter?: Uint8Array;
  tests?: { adjust: 'none' | 'bonferroni' | 'bh'; alpha: number };
  means?: boolean;
}

export type BannerFn = (ds: Dataset, opts: BannerOptions) => BannerResult;
export type RulesFn = (result: BannerResult, ruleSet: RuleSet) => BannerResult;
/**
 * The output rules on all tables that share banner, filter and weight at once, so that no table
 * prints what another withholds (see group-rules.ts).
 */
export type GroupRulesFn = (results: readonly BannerResult[], ruleSet: RuleSet) => BannerResult[];

export function bannerItemsVariables(banner: BookSpec['banner']): string[] {
  return banner.items.flatMap((it) => ('variable' in it ? [it.variable] : [...it.nest]));
}
