/**
 * A multiple-response set as the layer of a crosstab (SPSS CTABLES with a set in the layer dimension):
 * one row × column table per item, over the cases that have that item, and the total table over the
 * set's base (cases with a valid value on at least one member, as every set table counts its base).
 * Items overlap — a case with two insulation measures is in two layers — so the total is not the sum
 * of the layers; the result says so (`overlapping`) and the output rules treat each layer as bounded
 * by the total instead of adding up to it (shared/disclosure/apply/layers-cube.ts).
 *
 * Each layer is the domain estimate of layers.ts: the row variable is made missing outside the item,
 * every case stays in the sampling design, and the Rao–Scott test takes the domain's degrees of freedom
 * (R: svychisq on subset(design, item counted)).
 */
import type { MultipleResponseSet } from '../../model/dataset';
import type { CrosstabOptions } from '../crosstab';
import { EngineError } from '../errors';
import { domainDegrees, layerViews } from '../layer-domain';
import type { LayeredCrosstab, LayerTable } from '../layer-result';
import { domainTest, tryCrosstab } from '../layers';
import { variable } from '../vars';
import { weightArray } from '../weights';
import { readSet } from './resolve-set';

export interface SetLayersOptions extends Omit<CrosstabOptions, 'onePass'> {
  set: MultipleResponseSet;
}

/** Per case, the items it has (compressed rows) and whether it is in the set's base, within the filter. */
function itemsPerCase(ds: Parameters<typeof readSet>[0], set: MultipleResponseSet, filter: Uint8Array | undefined) {
  const reader = readSet(ds, set, { filter });
  const n = ds.rows;
  const start = new Int32Array(n + 1);
  let flat = new Int32Array(Math.max(16, n));
  let used = 0;
  const out = new Int32Array(Math.max(1, reader.maxPerCase, reader.members.length, reader.items.length));
  const inBase = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    start[i] = used;
    if (filter && filter[i] === 0) continue;
    const k = reader.itemsOf(i, out);
    if (k < 0) continue;
    inBase[i] = 1;
    if (used + k > flat.length) {
      const grown = new Int32Array(Math.max(flat.length * 2, used + k));
      grown.set(flat.subarray(0, used));
      flat = grown;
    }
    for (let t = 0; t < k; t++) flat[used++] = out[t];
  }
  start[n] = used;
  return { reader, start, items: flat, inBase };
}

export function setLayeredCrosstab(ds: Parameters<typeof readSet>[0], opts: SetLayersOptions): LayeredCrosstab {
  const rowName = variable(ds, opts.row).meta.name;
  const colName = variable(ds, opts.col).meta.name;
  const { reader, start, items, inBase } = itemsPerCase(ds, opts.set, opts.filter);
  const base: CrosstabOptions = { row: rowName, col: colName, weight: opts.weight, design: opts.design, filter: opts.filter };
  const sampling = opts.weight?.type === 'sampling' || !!(opts.design?.strata || opts.design?.cluster);
  const w = opts.weight ? weightArray(ds, opts.weight) : null;
  const filter = opts.filter;
  const design = { inDesign: (i: number) => (!filter || filter[i] !== 0) && (!w || w[i] > 0), strata: opts.design?.strata, cluster: opts.design?.cluster };
  const index = new Int32Array(ds.rows);
  /** The table of the cases where index ≥ 0, with its domain test and the cases a weight left out. */
  const tableOf = () => {
    const table = tryCrosstab(layerViews(ds, rowName, index)(0), base);
    if (!table) return null;
    if (sampling) domainTest(table, domainDegrees(ds, index, 1, design)[0]);
    if (w && table.weightInfo) {
      let excluded = 0;
      for (let i = 0; i < index.length; i++) if (index[i] >= 0 && !(w[i] > 0)) excluded++;
      table.weightInfo = { ...table.weightInfo, excluded };
    }
    return table;
  };

  const layers: LayerTable[] = [];
  reader.items.forEach((item, j) => {
    index.fill(-1);
    for (let i = 0; i < ds.rows; i++) {
      for (let t = start[i]; t < start[i + 1]; t++) if (items[t] === j) index[i] = 0;
    }
    const table = tableOf();
    if (!table) return;
    const key = { variable: reader.ref.name, code: item.code, label: item.label };
    layers.push({ variable: reader.ref.name, code: item.code, label: item.label, keys: [key], table });
  });
  for (let i = 0; i < ds.rows; i++) index[i] = inBase[i] ? 0 : -1;
  const total = tableOf();
  if (!total || layers.length === 0) {
    throw new EngineError('empty-table', { code: 'engine-empty-layers', row: rowName, col: colName, layers: [reader.ref.name] });
  }
  return {
    kind: 'layered',
    rowVariable: rowName,
    colVariable: colName,
    layerVariables: [reader.ref.name],
    layers,
    total,
    overlapping: { set: reader.ref.name, kind: reader.kind, maxPerCase: reader.maxPerCase },
  };
}
