/**
 * One banner before the output rules, for recording an override (the record keeps the raw counts of
 * the released cells and a fingerprint of the table). Every published banner comes from
 * runTableGroup (table-group.ts); this only exists so an override is recorded against the same
 * tabulation.
 */
import type { RuleSet } from '../disclosure/index';
import { banner } from '../engine/banner';
import type { Dataset } from '../model/dataset';
import type { BannerResult } from '../model/results';
import { bannerVariables, type BannerSpec, type WeightSpec } from '../query/table-query';
import { filterMask } from './filter';
import { assertRequestInputs } from '../disclosure/inputs';
import { assertNoLinkingKeys } from './output-rules';
import { withSetMembers } from './run-mr';

export interface RawBannerRequest {
  row: string;
  banner: BannerSpec;
  weight?: WeightSpec;
  filter?: string;
}

export function rawBanner(ds: Dataset, req: RawBannerRequest, rs: RuleSet): BannerResult {
  const variables = [req.row, ...withSetMembers(ds, bannerVariables(req.banner))];
  assertNoLinkingKeys(ds, variables, rs);
  assertRequestInputs(ds, { variables, filter: req.filter, weight: req.weight }, rs);
  return banner(ds, { row: req.row, columns: req.banner, weight: req.weight, filter: filterMask(ds, req.filter) });
}
