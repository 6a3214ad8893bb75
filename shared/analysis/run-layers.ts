/**
 * Layered crosstabs as every caller gets them (the same path as run-tables.ts): filter applied, engine
 * run per layer, output rules applied to the layers and the total together (shared/disclosure/apply/layers.ts).
 */
import { applyRulesToLayers } from '../disclosure/apply/layers';
import type { RuleSet } from '../disclosure/index';
import { layeredCrosstab } from '../engine/layers';
import { findMrSet } from '../engine/mr/resolve-set';
import { setLayeredCrosstab } from '../engine/mr/set-layers';
import type { LayeredCrosstab, LayeredCrosstabMulti } from '../engine/layer-result';
import type { Dataset } from '../model/dataset';
import { withChi2NoteText } from './chi2-note';
import { EngineError } from '../engine/errors';
import { filterMask, referenceMasks } from './filter';
import { assertRequestInputs } from '../disclosure/inputs';
import { namesSet } from './run-mr';
import { assertNoLinkingKeys, markResult, markUnchecked } from './output-rules';
import type { CrosstabRequest, WeightRequest } from './run-tables';

export interface LayeredCrosstabRequest extends CrosstabRequest {
  /** Layer variables; several make one layer per combination of their categories. */
  layers: string[];
  /** Show user-missing layer codes as layers of their own. */
  includeMissingLayers?: boolean;
}

export interface LayeredSpec {
  row: string;
  col: string;
  layers: string[];
  includeMissingLayers?: boolean;
  weight?: WeightRequest;
  design?: { strata?: string; cluster?: string };
  filter?: Uint8Array;
}

/**
 * The variables a layered table reads, after refusing what it cannot take: a multiple-response set may
 * be the one layer (its items are the layers, shared/engine/mr/set-layers.ts), not the rows, the
 * columns, or one of several layers.
 */
export function layeredVariables(ds: Dataset, row: string, col: string, layers: readonly string[]): string[] {
  for (const name of [row, col]) if (namesSet(ds, name)) throw new EngineError('bad-set', { code: 'engine-set-in-layers', set: name });
  return [row, col, ...layerVariables(ds, layers)];
}

/** The variables the layers read: a set layer's members, or the layer variables themselves. */
export function layerVariables(ds: Dataset, layers: readonly string[]): string[] {
  const sets = layers.filter((l) => namesSet(ds, l));
  if (sets.length > 0 && layers.length > 1) throw new EngineError('bad-set', { code: 'engine-set-in-layers', set: sets[0] });
  return sets.length > 0 ? findMrSet(ds, sets[0]).variables : [...layers];
}

/** The engine's layered table: per category of the layer variables, or per item of a set layer. */
export function layeredTable(ds: Dataset, spec: LayeredSpec): LayeredCrosstab {
  if (spec.layers.length === 1 && namesSet(ds, spec.layers[0])) {
    return setLayeredCrosstab(ds, {
      row: spec.row,
      col: spec.col,
      set: findMrSet(ds, spec.layers[0]),
      weight: spec.weight,
      design: spec.design,
      filter: spec.filter,
    });
  }
  return layeredCrosstab(ds, spec);
}

export function runLayeredCrosstab(
  ds: Dataset,
  req: Omit<LayeredCrosstabRequest, 'rows' | 'cols'> & { row: string; col: string },
  rs: RuleSet,
): LayeredCrosstab {
  const variables = layeredVariables(ds, req.row, req.col, req.layers);
  assertNoLinkingKeys(ds, variables, rs);
  assertRequestInputs(ds, { variables, filter: req.filter, weight: req.weight }, rs);
  const spec = { row: req.row, col: req.col, layers: req.layers, includeMissingLayers: req.includeMissingLayers, weight: req.weight };
  const result = layeredTable(ds, { ...spec, design: req.design, filter: filterMask(ds, req.filter) });
  // Differencing (shared/disclosure/primary/differences.ts): the same layers without (part of) the filter.
  const references =
    rs.name === 'none' ? [] : referenceMasks(ds, req.filter).map((m) => ({ result: layeredTable(ds, { ...spec, filter: m }), source: 'filter' as const }));
  const ruled = applyRulesToLayers(result, rs, { references });
  const noted = {
    ...ruled,
    layers: ruled.layers.map((l) => ({ ...l, table: withChi2NoteText(l.table) })),
    total: ruled.total && withChi2NoteText(ruled.total),
  };
  if (!rs.unchecked) return noted;
  return {
    ...noted,
    layers: noted.layers.map((l) => ({ ...l, table: markResult(l.table, rs) })),
    total: noted.total ? markResult(noted.total, rs) : null,
    ...(noted.rules ? { rules: markUnchecked(noted.rules, rs) } : {}),
  };
}

/** One layered table for one row × column pair, or `{tables}` with one per pair (as runCrosstabs). */
export function runLayeredCrosstabs(ds: Dataset, req: LayeredCrosstabRequest, rs: RuleSet): LayeredCrosstab | LayeredCrosstabMulti {
  const tables: LayeredCrosstab[] = [];
  for (const row of req.rows) for (const col of req.cols) tables.push(runLayeredCrosstab(ds, { ...req, row, col }, rs));
  return tables.length === 1 ? tables[0] : { tables };
}
