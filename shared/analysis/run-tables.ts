/**
 * Frequencies and crosstabs as every caller (CLI, app, exports) gets them: filter applied, engine run,
 * output rules applied. There is no other way to a table, so none leaves unchecked.
 */
import { applyOverridesToCrosstab, applyRulesToFreq, type DisclosedFreqResult, type OverrideRecord, type RuleSet } from '../disclosure/index';
import { crosstab } from '../engine/crosstab';
import { EngineError } from '../engine/errors';
import { frequencies } from '../engine/freq';
import type { Dataset } from '../model/dataset';
import type { CrosstabMulti, CrosstabTable, WeightType } from '../model/results';
import { withChi2NoteText } from './chi2-note';
import { andMasks, filterMask, referenceMasks } from './filter';
import { assertRequestInputs } from '../disclosure/inputs';
import { markResult } from './output-rules';
import { assertNoLinkingKeys } from './output-rules';
import { namesSet, runMrCrosstab } from './run-mr';
import { runSetColumnsCrosstab } from './run-set-columns';

export interface WeightRequest {
  variable: string;
  type: WeightType;
}

export interface FreqRequest {
  variable: string;
  weight?: WeightRequest;
  filter?: string;
}

export function runFreq(ds: Dataset, req: FreqRequest, rs: RuleSet): DisclosedFreqResult {
  assertNoLinkingKeys(ds, [req.variable], rs);
  assertRequestInputs(ds, { variables: [req.variable], filter: req.filter, weight: req.weight }, rs);
  const result = frequencies(ds, { variable: req.variable, weight: req.weight, filter: filterMask(ds, req.filter) });
  if (result.categories.length === 0)
    throw new EngineError('empty-table', { code: 'engine-no-cases', variable: req.variable, ...(req.filter ? { filter: req.filter } : {}) });
  // Differencing (shared/disclosure/primary/differences.ts): the same table without (part of) the filter.
  const references =
    rs.name === 'none'
      ? []
      : referenceMasks(ds, req.filter).map((m) => ({
          table: frequencies(ds, { variable: req.variable, weight: req.weight, filter: m }),
          source: 'filter' as const,
        }));
  return markResult(applyRulesToFreq(result, rs, { references }), rs);
}

export interface CrosstabRequest {
  rows: string[];
  cols: string[];
  weight?: WeightRequest;
  design?: { strata?: string; cluster?: string };
  filter?: string;
}

/**
 * `overrides`: the project's recorded overrides (the app and its exports pass them; the CLI does not,
 * so its output stays under the plain rules). Those recorded for the banner "Totaal | col" of this
 * row variable apply here too.
 */
export function runCrosstab(
  ds: Dataset,
  req: Omit<CrosstabRequest, 'rows' | 'cols'> & { row: string; col: string; selection?: Uint8Array },
  rs: RuleSet,
  overrides: readonly OverrideRecord[] = [],
): CrosstabTable {
  // A set in the rows: items × columns with the set's base, any and responses (no overrides for sets yet).
  // A set in the columns: its items as overlapping columns beside a Totaal (run-set-columns.ts).
  if (namesSet(ds, req.col)) {
    if (namesSet(ds, req.row)) throw new EngineError('bad-set', { code: 'engine-set-by-set', set: req.row, col: req.col });
    return runSetColumnsCrosstab(ds, { ...req, col: req.col }, rs);
  }
  if (namesSet(ds, req.row)) return runMrCrosstab(ds, req, rs);
  assertNoLinkingKeys(ds, [req.row, req.col], rs);
  assertRequestInputs(ds, { variables: [req.row, req.col], filter: req.filter, weight: req.weight }, rs);
  const filter = andMasks(filterMask(ds, req.filter), req.selection);
  const table = crosstab(ds, { row: req.row, col: req.col, weight: req.weight, design: req.design, filter });
  // Differencing: the same crosstab without the filter or without one of its conditions. Counts only.
  const references =
    rs.name === 'none'
      ? []
      : referenceMasks(ds, req.filter, req.selection).map((m) => ({
          table: crosstab(ds, { row: req.row, col: req.col, weight: req.weight, filter: m }),
          source: 'filter' as const,
        }));
  return markResult(withChi2NoteText(applyOverridesToCrosstab(table, rs, ds.name, overrides, { references })), rs);
}

/** One table for one pair, or `{tables}` with one block per row × column pair (docs/cli.md). */
export function runCrosstabs(ds: Dataset, req: CrosstabRequest, rs: RuleSet): CrosstabTable | CrosstabMulti {
  const tables: CrosstabTable[] = [];
  for (const row of req.rows) for (const col of req.cols) tables.push(runCrosstab(ds, { ...req, row, col }, rs));
  return tables.length === 1 ? tables[0] : { tables };
}
