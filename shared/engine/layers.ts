/**
 * Layered crosstab (SPSS CROSSTABS /TABLES=row BY col BY layer): for each valid category of the layer
 * variable — or each combination of several layer variables, first variable slowest — the full
 * `crosstab()` of row × col within that layer, and the table over all layers (cases valid on every
 * layer variable). User-missing layer codes are excluded unless `includeMissingLayers`.
 *
 * Sampling weights or a design: each layer's Rao–Scott test is the domain test R survey computes on
 * `subset(design, layer == k)`: cases outside the layer stay in the design with zero contributions
 * (layer-domain.ts), and the denominator degrees of freedom are the subset's (PSUs in the layer minus
 * their strata), so ddf = ndf · degf(subset) and p follows from F(ndf, ddf).
 */
import type { Dataset } from '../model/dataset';
import type { CrosstabTable } from '../model/results';
import { type CrosstabOptions, crosstab } from './crosstab';
import { fSf } from './distributions/f';
import { EngineError } from './errors';
import { domainDegrees, layerIndex, layerViews } from './layer-domain';
import type { LayeredCrosstab, LayerTable } from './layer-result';
import { variable } from './vars';
import { weightArray } from './weights';

export interface LayeredCrosstabOptions extends Omit<CrosstabOptions, 'onePass'> {
  layers: string[];
  /** Show user-missing (and system-missing) layer codes as layers of their own (SPSS MISSING=INCLUDE). */
  includeMissingLayers?: boolean;
}

export function layeredCrosstab(ds: Dataset, opts: LayeredCrosstabOptions): LayeredCrosstab {
  if (opts.layers.length === 0) throw new EngineError('empty-table', { code: 'engine-no-layers' });
  const rowName = variable(ds, opts.row).meta.name;
  const colName = variable(ds, opts.col).meta.name;
  const names = opts.layers.map((n) => variable(ds, n).meta.name);
  const { keys, index } = layerIndex(ds, names, opts.includeMissingLayers === true, opts.filter);
  const view = layerViews(ds, rowName, index);
  const base: CrosstabOptions = { row: rowName, col: colName, weight: opts.weight, design: opts.design, filter: opts.filter };
  const sampling = opts.weight?.type === 'sampling' || !!(opts.design?.strata || opts.design?.cluster);
  const degrees = sampling ? samplingDegrees(ds, index, keys.length, opts) : null;
  const excluded = opts.weight ? excludedPerLayer(weightArray(ds, opts.weight), index, keys.length) : null;

  const layers: LayerTable[] = [];
  keys.forEach((k, l) => {
    const table = tryCrosstab(view(l), base);
    if (!table) return;
    if (degrees) domainTest(table, degrees[l]);
    if (excluded && table.weightInfo) table.weightInfo = { ...table.weightInfo, excluded: excluded[l] };
    layers.push({
      variable: k.map((x) => x.variable).join(','),
      code: k.length === 1 ? k[0].code : k.map((x) => String(x.code)).join(','),
      label: k.map((x) => x.label).join(' / '),
      keys: k,
      table,
    });
  });
  const total = tryCrosstab(view(-1), base);
  if (!total || layers.length === 0) {
    throw new EngineError('empty-table', { code: 'engine-empty-layers', row: rowName, col: colName, layers: names });
  }
  if (degrees) domainTest(total, degrees[keys.length]);
  if (excluded && total.weightInfo) total.weightInfo = { ...total.weightInfo, excluded: excluded[keys.length] };
  return { kind: 'layered', rowVariable: rowName, colVariable: colName, layerVariables: names, layers, total };
}

/** The layer's crosstab, or null when it holds no valid case (SPSS shows no table for it either). */
export function tryCrosstab(ds: Dataset, opts: CrosstabOptions): CrosstabTable | null {
  try {
    return crosstab(ds, opts);
  } catch (e) {
    if (e instanceof EngineError && e.code === 'empty-table') return null;
    throw e;
  }
}

function samplingDegrees(ds: Dataset, index: Int32Array, layers: number, opts: LayeredCrosstabOptions): number[] {
  const w = opts.weight ? weightArray(ds, opts.weight) : null;
  const filter = opts.filter;
  const inDesign = (i: number) => (!filter || filter[i] !== 0) && (!w || w[i] > 0);
  return domainDegrees(ds, index, layers, { inDesign, strata: opts.design?.strata, cluster: opts.design?.cluster });
}

/** Cases per layer (and, last, over all layers) left out for a zero, negative or missing weight. */
function excludedPerLayer(w: Float64Array, index: Int32Array, layers: number): number[] {
  const out = new Array<number>(layers + 1).fill(0);
  for (let i = 0; i < index.length; i++) {
    if (index[i] < 0 || w[i] > 0) continue;
    out[index[i]]++;
    out[layers]++;
  }
  return out;
}

/** Replaces the whole-design ddf by the domain's and recomputes p (F and ndf do not change). */
export function domainTest(t: CrosstabTable, nu: number): void {
  const rs = t.chi2?.raoScott;
  if (!rs || !t.chi2) return;
  const ddf = rs.ndf * nu;
  const p = Number.isFinite(rs.F) && ddf > 0 ? fSf(rs.F, rs.ndf, ddf) : NaN;
  t.chi2 = { ...t.chi2, raoScott: { ...rs, ddf, p }, notes: [...(t.chi2.notes ?? []), { code: 'chi2-domain' }] };
}
