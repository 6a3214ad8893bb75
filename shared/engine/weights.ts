/**
 * Resolves a weight variable into doubles the kernels can add directly.
 *
 * A case is left out when its weight is zero, negative, system-missing or user-missing (SPSS WEIGHT
 * semantics). The returned array keeps such cases as non-positive or NaN values, so every kernel applies
 * the rule with one `w > 0` test; no copy is made when the stored column is already Float64 without
 * user-missing codes, because a 10M-case copy costs more than the table itself.
 */
import type { Dataset } from '../model/dataset';
import type { WeightInfo, WeightType } from '../model/results';
import { EngineError } from './errors';
import { variable } from './vars';

export interface WeightSpec {
  variable: string;
  type: WeightType;
}

export interface ResolvedWeights {
  /** Per row weight; rows with `!(w[i] > 0)` are excluded. */
  w: Float64Array;
  info: WeightInfo;
}

/** Number of rows (within the filter) whose weight excludes them. */
export function countExcluded(w: Float64Array, filter?: Uint8Array): number {
  let excluded = 0;
  const n = w.length;
  if (filter) {
    for (let i = 0; i < n; i++) if (filter[i] !== 0 && !(w[i] > 0)) excluded++;
  } else {
    for (let i = 0; i < n; i++) if (!(w[i] > 0)) excluded++;
  }
  return excluded;
}

const converted = new WeakMap<ArrayLike<number>, Map<string, Float64Array>>();

/** The weight column as doubles with user-missing and system-missing as NaN (not yet counted). */
export function weightArray(ds: Dataset, spec: WeightSpec): Float64Array {
  const { meta, col } = variable(ds, spec.variable);
  if (col.kind === 'string' || meta.type === 'string') {
    throw new EngineError('string-weight', { code: 'engine-string-weight', name: meta.name });
  }
  const d = col.data;
  const { values, range } = meta.missing;
  const hasUserMissing = values.length > 0 || range !== null;
  if (d instanceof Float64Array && !hasUserMissing) return d;
  // Columns never change once loaded, so the converted weights are kept with the column: repeated
  // tables with the same weight neither convert again nor look like new data to the kernels.
  const key = JSON.stringify(meta.missing);
  const known = converted.get(d)?.get(key);
  if (known) return known;
  const sentinel = d instanceof Float64Array ? NaN : d instanceof Int8Array ? -128 : d instanceof Int16Array ? -32768 : -2147483648;
  const out = new Float64Array(d.length);
  const lo = range ? range[0] : Infinity;
  const hi = range ? range[1] : -Infinity;
  const discrete = values.filter((v): v is number => typeof v === 'number');
  for (let i = 0; i < d.length; i++) {
    const v = d[i];
    if (v === sentinel || (v >= lo && v <= hi) || (discrete.length > 0 && discrete.includes(v))) out[i] = NaN;
    else out[i] = v;
  }
  const byMissing = converted.get(d) ?? new Map<string, Float64Array>();
  byMissing.set(key, out);
  converted.set(d, byMissing);
  return out;
}

export function resolveWeights(ds: Dataset, spec: WeightSpec, filter?: Uint8Array): ResolvedWeights {
  const w = weightArray(ds, spec);
  const { meta } = variable(ds, spec.variable);
  return { w, info: { variable: meta.name, type: spec.type, excluded: countExcluded(w, filter) } };
}
