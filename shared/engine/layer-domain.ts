/**
 * The pieces a layered crosstab needs around `crosstab()`:
 * - which layer each case belongs to (one pass over the layer variables);
 * - a view of the dataset in which the row variable is missing outside one layer, so that the layer's
 *   table is the ordinary crosstab while every case stays in the sampling design — the domain estimate
 *   R survey makes for `subset(design, layer == k)` (cases outside the domain contribute zeros);
 * - the domain's degrees of freedom as R's `degf()` of that subset: PSUs with cases in the layer minus
 *   the strata they lie in.
 */
import { type Code, type Column, type Dataset, sysmisSentinel } from '../model/dataset';
import { categorize } from './categorize';
import { EngineError } from './errors';
import type { LayerKey } from './layer-result';
import { variable } from './vars';

export interface LayerIndex {
  /** Per layer, one key per layer variable; layers in SPSS order (first variable slowest). */
  keys: LayerKey[][];
  /** Per row: its layer, or −1 when a layer variable is missing (or the row is filtered out). */
  index: Int32Array;
}

/** More layer combinations than this is no table anyone can read (and would need a large lookup). */
const MAX_COMBINATIONS = 1 << 20;

export function layerIndex(ds: Dataset, names: readonly string[], includeMissing: boolean, filter?: Uint8Array): LayerIndex {
  const vars = names.map((n) => variable(ds, n));
  const cats = vars.map((v) => categorize(v.col, v.meta, { includeMissing, filter }));
  const n = ds.rows;
  const combo = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (filter && filter[i] === 0) {
      combo[i] = -1;
      continue;
    }
    let k = 0;
    for (const c of cats) {
      const x = c.index[i];
      if (x < 0) {
        k = -1;
        break;
      }
      k = k * c.categories.length + x;
    }
    combo[i] = k;
  }
  // Renumber the occurring combinations densely (in code order) through a table over all combinations.
  const range = cats.reduce((p, c) => p * c.categories.length, 1);
  if (range > MAX_COMBINATIONS) throw new EngineError('empty-table', { code: 'engine-too-many-layers', layers: [...names], n: range });
  const slot = new Int32Array(range).fill(-1);
  for (let i = 0; i < n; i++) if (combo[i] >= 0) slot[combo[i]] = 0;
  const sorted: number[] = [];
  for (let k = 0; k < range; k++) if (slot[k] === 0) slot[k] = sorted.push(k) - 1;
  const index = combo;
  for (let i = 0; i < n; i++) if (index[i] >= 0) index[i] = slot[index[i]];
  const keys = sorted.map((k) => {
    const out: LayerKey[] = [];
    for (let v = cats.length - 1; v >= 0; v--) {
      const size = cats[v].categories.length;
      const cat = cats[v].categories[k % size];
      out.unshift({ variable: vars[v].meta.name, code: cat.code as Code, label: cat.label });
      k = Math.floor(k / size);
    }
    return out;
  });
  return { keys, index };
}

/** The row column with every row outside `keep` made system-missing, written into a reused buffer. */
function maskColumn(col: Column, keep: (i: number) => boolean, buffer: { col?: Column }): Column {
  if (col.kind === 'string') {
    const codes = buffer.col?.kind === 'string' ? buffer.col.codes : new Int32Array(col.codes.length);
    for (let i = 0; i < codes.length; i++) codes[i] = keep(i) ? col.codes[i] : -1;
    return (buffer.col = { kind: 'string', codes, dict: col.dict });
  }
  const src = col.data;
  const data = buffer.col?.kind === 'numeric' ? buffer.col.data : new (src.constructor as new (n: number) => typeof src)(src.length);
  const sysmis = sysmisSentinel(src);
  for (let i = 0; i < src.length; i++) data[i] = keep(i) ? src[i] : sysmis;
  return (buffer.col = { kind: 'numeric', data });
}

/**
 * A function giving the dataset seen by one layer (layer ≥ 0) or by the total over layers (−1): the
 * row variable is system-missing outside it. One buffer is reused, so each view is valid until the next.
 */
export function layerViews(ds: Dataset, rowName: string, index: Int32Array): (layer: number) => Dataset {
  const at = ds.columns.indexOf(variable(ds, rowName).col);
  const buffer: { col?: Column } = {};
  return (layer) => {
    const keep = layer < 0 ? (i: number) => index[i] >= 0 : (i: number) => index[i] === layer;
    const columns = ds.columns.slice();
    columns[at] = maskColumn(ds.columns[at], keep, buffer);
    return { ...ds, columns };
  };
}

export interface DomainDesign {
  /** Rows in the design: filter passed and weight > 0. */
  inDesign: (i: number) => boolean;
  strata?: string;
  cluster?: string;
}

/**
 * R's degrees of freedom for the design restricted to each layer (and, last, to all layers): the number
 * of PSUs (stratum × cluster, or cases without clusters) with a case in it minus the number of strata.
 */
export function domainDegrees(ds: Dataset, index: Int32Array, layers: number, d: DomainDesign): number[] {
  const ids = (name?: string) => {
    if (!name) return null;
    const v = variable(ds, name);
    return categorize(v.col, v.meta);
  };
  const strataCats = ids(d.strata);
  const strata = strataCats?.index;
  const nStrata = strataCats?.categories.length ?? 1;
  const clusterCats = ids(d.cluster);
  const cluster = clusterCats?.index;
  const clusterRange = (clusterCats?.categories.length ?? 0) + 1;
  const rows = new Float64Array(layers + 1);
  const strataSeen = Array.from({ length: layers + 1 }, () => new Uint8Array(nStrata));
  // PSUs = (stratum, cluster) pairs; without clusters every case is a PSU, so counting rows suffices.
  const psuSeen = cluster ? Array.from({ length: layers + 1 }, () => new Set<number>()) : null;
  for (let i = 0; i < index.length; i++) {
    const l = index[i];
    if (l < 0 || !d.inDesign(i)) continue;
    const h = strata ? strata[i] : 0;
    rows[l]++;
    rows[layers]++;
    strataSeen[l][h] = 1;
    strataSeen[layers][h] = 1;
    if (psuSeen && cluster) {
      // Clusters are nested in strata (PSU = stratum × cluster), as the engine's Rao–Scott treats them.
      const psu = h * clusterRange + cluster[i];
      psuSeen[l].add(psu);
      psuSeen[layers].add(psu);
    }
  }
  const psus = psuSeen ? psuSeen.map((p) => p.size) : Array.from(rows);
  return psus.map((p, t) => p - strataSeen[t].reduce((a, x) => a + x, 0));
}
