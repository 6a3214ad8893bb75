/**
 * Multiple-response tables as every caller gets them: filter applied, linking keys refused, engine run
 * (shared/engine/mr), output rules applied (shared/disclosure). `runMrTable` is the set against banner
 * columns; `runMrCrosstab` the set in the rows of a crosstab, in the crosstab JSON shape with its `mr`
 * block (docs/cli.md).
 */
import { applyRulesToMrTable, type RuleSet } from '../disclosure/index';
import type { Adjust } from '../engine/adjust';
import { type BannerSpec, bannerVariables } from '../query/table-query';
import { mrAsCrosstab, mrCrosstabResult } from '../engine/mr/crosstab';
import { findMrSet, namesSet } from '../engine/mr/resolve-set';
export { namesSet } from '../engine/mr/resolve-set';
import { mrTable } from '../engine/mr/table';
import type { Dataset } from '../model/dataset';
import type { CrosstabTable, MrResult } from '../model/results';
import { andMasks, filterMask, referenceMasks } from './filter';
import { assertNoLinkingKeys, markResult } from './output-rules';
import { assertRequestInputs } from '../disclosure/inputs';
import type { WeightRequest } from './run-tables';

/** `names` with every set replaced by its member variables (what the linking-key and input checks read). */
export function withSetMembers(ds: Dataset, names: readonly string[]): string[] {
  return names.flatMap((n) => (namesSet(ds, n) ? findMrSet(ds, n).variables : [n]));
}

export interface MrTableRequest {
  set: string;
  columns: BannerSpec;
  weight?: WeightRequest;
  design?: { strata?: string; cluster?: string };
  filter?: string;
  tests?: { adjust: Adjust; alpha: number };
  responsePct?: boolean;
}

/** The set's table before the output rules (for a group of tables that is ruled together). */
export function rawMrTable(ds: Dataset, req: MrTableRequest, rs: RuleSet): MrResult {
  const set = findMrSet(ds, req.set);
  assertNoLinkingKeys(ds, [...set.variables, ...bannerVariables(req.columns)], rs);
  assertRequestInputs(ds, { variables: [...set.variables, ...bannerVariables(req.columns)], filter: req.filter, weight: req.weight }, rs);
  return mrTable(ds, { ...req, set, filter: filterMask(ds, req.filter) });
}

export function runMrTable(ds: Dataset, req: MrTableRequest, rs: RuleSet): MrResult {
  const raw = rawMrTable(ds, req, rs);
  // Differencing (shared/disclosure/primary/differences.ts): the same set table without (part of) the filter; counts only.
  const set = findMrSet(ds, req.set);
  const references =
    rs.name === 'none'
      ? []
      : referenceMasks(ds, req.filter).map((m) => ({
          result: mrTable(ds, { set, columns: req.columns, weight: req.weight, filter: m }),
          source: 'filter' as const,
        }));
  return markResult(applyRulesToMrTable(raw, rs, { references }), rs);
}

export interface MrCrosstabRequest {
  row: string;
  col: string;
  weight?: WeightRequest;
  design?: { strata?: string; cluster?: string };
  filter?: string;
  /** Rows to keep besides the filter (e.g. one layer), as runCrosstab takes it. */
  selection?: Uint8Array;
}

export function runMrCrosstab(ds: Dataset, req: MrCrosstabRequest, rs: RuleSet): CrosstabTable {
  const set = findMrSet(ds, req.row);
  assertNoLinkingKeys(ds, [...set.variables, req.col], rs);
  assertRequestInputs(ds, { variables: [...set.variables, req.col], filter: req.filter, weight: req.weight }, rs);
  const filter = andMasks(filterMask(ds, req.filter), req.selection);
  const raw = mrCrosstabResult(ds, { set, col: req.col, weight: req.weight, design: req.design, filter });
  const references =
    rs.name === 'none'
      ? []
      : referenceMasks(ds, req.filter, req.selection).map((m) => ({
          result: mrCrosstabResult(ds, { set, col: req.col, weight: req.weight, filter: m }),
          source: 'filter' as const,
        }));
  return markResult(mrAsCrosstab(ds, applyRulesToMrTable(raw, rs, { references }), req.col), rs);
}
