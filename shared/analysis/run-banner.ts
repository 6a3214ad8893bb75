/** Banner tables (one per row variable) with the output rules applied, for the app and the exports. */
import { applyOverridesToBanners, type OverrideRecord, type RuleSet } from '../disclosure/index';
import { auditLinkedBanners } from '../disclosure/secondary/linked-audit';
import { banner, type BannerSpec } from '../engine/banner';
import type { Dataset } from '../model/dataset';
import type { BannerResult } from '../model/results';
import { filterMask } from './filter';
import { assertRequestInputs } from '../disclosure/inputs';
import { assertNoLinkingKeys } from './output-rules';
import type { WeightRequest } from './run-tables';

export interface BannerRequest {
  rows: string[];
  columns: BannerSpec;
  weight?: WeightRequest;
  filter?: string;
  tests?: { adjust: 'none' | 'bonferroni' | 'bh'; alpha: number };
  means?: boolean;
}

export function bannerVariables(spec: BannerSpec): string[] {
  return spec.items.flatMap((it) => ('variable' in it ? [it.variable] : it.nest));
}

/** The banners before the output rules: for the rules themselves and for recording an override. */
export function rawBanners(ds: Dataset, req: BannerRequest, rs: RuleSet): BannerResult[] {
  assertNoLinkingKeys(ds, [...req.rows, ...bannerVariables(req.columns)], rs);
  assertRequestInputs(ds, { variables: [...req.rows, ...bannerVariables(req.columns)], filter: req.filter, weight: req.weight }, rs);
  const filter = filterMask(ds, req.filter);
  return req.rows.map((row) => banner(ds, { row, columns: req.columns, weight: req.weight, filter, tests: req.tests, means: req.means }));
}

/** `overrides`: the project's recorded overrides; those recorded for these tables are applied. */
export function runBanner(ds: Dataset, req: BannerRequest, rs: RuleSet, overrides: readonly OverrideRecord[] = []): BannerResult[] {
  // Together, so a column base withheld in one table is withheld in every table that shows it, and
  // audited as one system, as the tabellenboek does: the tables share the banner and the population.
  const raws = rawBanners(ds, req, rs);
  return auditLinkedBanners(raws, applyOverridesToBanners(raws, rs, ds.name, overrides), rs);
}
