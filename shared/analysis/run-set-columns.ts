/**
 * A multiple-response set in the columns of a crosstab (`duiding crosstab --cols '$set'`, docs/cli.md):
 * the banner Totaal | set (shared/engine/banner-set-parts.ts) through the banner output rules, with
 * differencing against the same banner under wider filters, converted to the crosstab JSON shape —
 * `cols` are the items, the row margins and the grand total are the Totaal column, each column's base
 * is its item's cases, and a block `mrCols` says the columns overlap. No chi-square: the columns share
 * cases, so the counts are no contingency table of independent observations.
 */
import { applyRulesToBanner, type RuleSet } from '../disclosure/index';
import { assertRequestInputs } from '../disclosure/inputs';
import { banner } from '../engine/banner';
import { findMrSet, setRef } from '../engine/mr/resolve-set';
import type { Dataset } from '../model/dataset';
import type { BannerResult, CrosstabTable } from '../model/results';
import { andMasks, filterMask, referenceMasks } from './filter';
import { assertNoLinkingKeys, markResult } from './output-rules';
import type { WeightRequest } from './run-tables';

export interface SetColumnsCrosstabRequest {
  row: string;
  /** The set's name. */
  col: string;
  weight?: WeightRequest;
  filter?: string;
  selection?: Uint8Array;
}

export function runSetColumnsCrosstab(ds: Dataset, req: SetColumnsCrosstabRequest, rs: RuleSet): CrosstabTable {
  const set = findMrSet(ds, req.col);
  assertNoLinkingKeys(ds, [req.row, ...set.variables], rs);
  assertRequestInputs(ds, { variables: [req.row, ...set.variables], filter: req.filter, weight: req.weight }, rs);
  const columns = { total: true, items: [{ variable: set.name }] };
  const tabulate = (filter: Uint8Array | undefined) => banner(ds, { row: req.row, columns, weight: req.weight, filter });
  const raw = tabulate(andMasks(filterMask(ds, req.filter), req.selection));
  // Differencing: the same banner without the filter or without one of its conditions (columns by key).
  const references = rs.name === 'none' ? [] : referenceMasks(ds, req.filter, req.selection).map((m) => ({ table: tabulate(m), source: 'filter' as const }));
  const ruled = applyRulesToBanner(raw, rs, { references });
  const ref = setRef(set, ds);
  return markResult(asCrosstab(raw, ruled, { set: ref.name, kind: ref.kind, counted: ref.counted }), rs);
}

const share = (part: number | null, whole: number | null) => (part === null || whole === null || !(whole > 0) ? null : (100 * part) / whole);

/**
 * The crosstab JSON of a ruled banner Totaal | set. Rows with no case in Totaal (labelled, unobserved
 * categories) are left out, as a crosstab lists what occurs — unless that zero is withheld (leaving
 * its row out would tell).
 */
function asCrosstab(raw: BannerResult, r: BannerResult, mrCols: NonNullable<CrosstabTable['mrCols']>): CrosstabTable {
  const rows = raw.rows.map((_x, i) => i).filter((i) => (raw.cells[i][0].count ?? 0) > 0 || r.cells[i][0].suppressed);
  const items = r.sets![0].columns;
  const matrix = <T>(f: (i: number, k: number) => T) => rows.map((i) => items.map((k) => f(i, k)));
  const cell = (i: number, k: number) => r.cells[i][k];
  const totalBase = r.base.weighted[0];
  return {
    rowVariable: r.rowVariable.name,
    colVariable: mrCols.set,
    rows: rows.map((i) => r.rows[i]),
    cols: items.map((k) => ({ code: r.columns[k].path[0].code, label: r.columns[k].label })),
    count: matrix((i, k) => cell(i, k).count),
    weighted: matrix((i, k) => cell(i, k).weighted),
    colPct: matrix((i, k) => cell(i, k).pct),
    // Share of the row's cases that hold the item (rows add up to more than 100).
    rowPct: matrix((i, k) => share(cell(i, k).weighted, cell(i, 0).weighted)),
    totalPct: matrix((i, k) => share(cell(i, k).weighted, totalBase)),
    rowTotals: rows.map((i) => cell(i, 0).weighted),
    colTotals: items.map((k) => r.base.weighted[k]),
    rowCounts: rows.map((i) => cell(i, 0).count),
    colCounts: items.map((k) => r.base.count[k]),
    total: totalBase,
    n: r.base.count[0] ?? undefined,
    chi2: null,
    suppressed: matrix((i, k) => cell(i, k).suppressed),
    weight: r.weight ? r.weight.variable : null,
    weightInfo: r.weight,
    mrCols,
    rules: r.rules,
  };
}
