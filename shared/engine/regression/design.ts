/**
 * Builds the design matrix of a regression from a Dataset.
 *
 * Cases are deleted listwise with SPSS semantics: a case is out when the dependent, any predictor or any
 * grouping variable (cluster, strata, panel id) is system- or user-missing, when the filter excludes it,
 * or when its weight is zero, negative or missing (counted apart, as WEIGHT does). Columns are stored
 * compacted to the used cases; a Float64 column is used in place when no case is dropped, so a 10M-row
 * regression does not copy its predictors.
 */
import { type Code, type Column, type Dataset, type NumericStorage, type VariableMeta, codeKey, sysmisSentinel } from '../../model/dataset';
import type { WeightInfo, WeightType } from '../../model/results';
import { categorize } from '../categorize';
import { EngineError } from '../errors';
import { variable } from '../vars';
import { weightArray } from '../weights';
import { RegressionError } from './errors';

export const INTERCEPT = '(Intercept)';

export interface CategoricalSpec {
  variable: string;
  /** Reference category; default the lowest valid code in use. */
  ref?: Code;
}

export interface DesignSpec {
  dependent: string;
  predictors: string[];
  categorical?: CategoricalSpec[];
  weight?: { variable: string; type: WeightType };
  /** 1 = case in. */
  filter?: Uint8Array;
  /** Grouping variables (cluster, strata, panel id): their missing values delete the case too. */
  groups?: string[];
  /** Default true. */
  intercept?: boolean;
  /**
   * Survey design variables (also listed in `groups`). Cases dropped for missing model values or by the
   * filter stay in the design as out-of-domain cases (survey's subset semantics): they count as PSUs.
   */
  surveyDesign?: { strata?: string; cluster?: string };
}

export interface Design {
  terms: string[];
  /** One column per term, length n; null is the constant 1 of the intercept. */
  x: (NumericStorage | null)[];
  /** Stored values (no copy) when every case is used; otherwise compacted doubles. */
  y: NumericStorage;
  /** Case weights (all > 0), or null when unweighted. */
  w: Float64Array | null;
  n: number;
  /** Cases within the filter dropped for missing values (not counting weight exclusions). */
  excluded: number;
  weightInfo: WeightInfo | null;
  /** Per grouping variable: dense codes 0..count-1 per used case. */
  groups: { variable: string; codes: Int32Array; count: number }[];
  /** With surveyDesign: PSUs per stratum (dense stratum codes of `groups`; one entry without strata). */
  psuPerStratum: Float64Array | null;
}

/** Clears mask[i] where a numeric column is system- or user-missing. */
function dropMissingNumeric(data: NumericStorage, meta: VariableMeta, mask: Uint8Array): void {
  const s = sysmisSentinel(data);
  const discrete = meta.missing.values.filter((v): v is number => typeof v === 'number');
  if (meta.missing.range === null && discrete.length === 0) {
    // The common case, kept to one comparison per value (10M-row designs).
    if (data instanceof Float64Array) {
      for (let i = 0; i < data.length; i++) if (data[i] !== data[i]) mask[i] = 0;
    } else {
      for (let i = 0; i < data.length; i++) if (data[i] === s) mask[i] = 0;
    }
    return;
  }
  const lo = meta.missing.range ? meta.missing.range[0] : Infinity;
  const hi = meta.missing.range ? meta.missing.range[1] : -Infinity;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (v !== v || v === s || (v >= lo && v <= hi) || discrete.includes(v)) mask[i] = 0;
  }
}

function numericColumn(as: 'dependent' | 'predictor', col: Column, meta: VariableMeta): NumericStorage {
  if (col.kind === 'string' || meta.type === 'string') {
    throw new EngineError('string-variable', { code: 'engine-string-in-model', name: meta.name, as });
  }
  return col.data;
}

/**
 * The used cases' values: the stored column itself when every row is used (then it holds no missing
 * sentinel; a fresh 80 MB array per 10M-row column costs more than the regression), else compacted doubles.
 */
function compact(data: NumericStorage, rows: Int32Array | null): NumericStorage {
  if (rows === null) return data;
  const out = new Float64Array(rows.length);
  for (let r = 0; r < rows.length; r++) out[r] = data[rows[r]];
  return out;
}

export function buildDesign(ds: Dataset, spec: DesignSpec): Design {
  const N = ds.rows;
  const mask = new Uint8Array(N);
  if (spec.filter) mask.set(spec.filter.subarray(0, N));
  else mask.fill(1);
  let inFilter = 0;
  for (let i = 0; i < N; i++) inFilter += mask[i];

  let w: Float64Array | null = null;
  let weightInfo: WeightInfo | null = null;
  if (spec.weight) {
    w = weightArray(ds, spec.weight);
    let bad = 0;
    for (let i = 0; i < N; i++) {
      if (mask[i] !== 0 && !(w[i] > 0)) {
        mask[i] = 0;
        bad++;
      }
    }
    weightInfo = { variable: variable(ds, spec.weight.variable).meta.name, type: spec.weight.type, excluded: bad };
  }
  const afterWeight = inFilter - (weightInfo?.excluded ?? 0);
  // The survey universe: every case with a usable weight, whether or not the filter selects it.
  const universe = new Uint8Array(N).fill(1);
  if (w !== null) for (let i = 0; i < N; i++) if (!(w[i] > 0)) universe[i] = 0;

  const dep = variable(ds, spec.dependent);
  const yData = numericColumn('dependent', dep.col, dep.meta);
  dropMissingNumeric(yData, dep.meta, mask);
  const preds = spec.predictors.map((p) => {
    const v = variable(ds, p);
    const data = numericColumn('predictor', v.col, v.meta);
    dropMissingNumeric(data, v.meta, mask);
    return { name: v.meta.name, data };
  });
  const cats = (spec.categorical ?? []).map((c) => {
    const v = variable(ds, c.variable);
    const cz = categorize(v.col, v.meta);
    for (let i = 0; i < N; i++) if (cz.index[i] < 0) mask[i] = 0;
    return { spec: c, name: v.meta.name, cz };
  });
  const groupCz = (spec.groups ?? []).map((g) => {
    const v = variable(ds, g);
    const cz = categorize(v.col, v.meta);
    for (let i = 0; i < N; i++) if (cz.index[i] < 0) mask[i] = 0;
    return { name: v.meta.name, cz };
  });

  let n = 0;
  for (let i = 0; i < N; i++) n += mask[i];
  let rows: Int32Array | null = null;
  if (n < N) {
    rows = new Int32Array(n);
    for (let i = 0, r = 0; i < N; i++) if (mask[i] !== 0) rows[r++] = i;
  }
  const at = (r: number): number => (rows === null ? r : rows[r]);

  const terms: string[] = [];
  const x: (NumericStorage | null)[] = [];
  if (spec.intercept !== false) {
    terms.push(INTERCEPT);
    x.push(null);
  }
  for (const p of preds) {
    terms.push(p.name);
    x.push(compact(p.data, rows));
  }
  for (const c of cats) {
    // Categories with no used case get no dummy (R's model.frame on the complete cases does the same after droplevels).
    const used = new Uint8Array(c.cz.categories.length);
    for (let r = 0; r < n; r++) used[c.cz.index[at(r)]] = 1;
    const present = c.cz.categories.map((cat, k) => ({ cat, k })).filter((e) => used[e.k] === 1);
    if (present.length === 0) continue;
    let ref = present[0];
    if (c.spec.ref !== undefined) {
      const found = present.find((e) => codeKey(e.cat.code) === codeKey(c.spec.ref as Code));
      if (!found) throw new RegressionError('bad-dependent', { code: 'reg-unknown-reference', ref: String(c.spec.ref), variable: c.name });
      ref = found;
    }
    for (const e of present) {
      if (e === ref) continue;
      const col = new Float64Array(n);
      for (let r = 0; r < n; r++) col[r] = c.cz.index[at(r)] === e.k ? 1 : 0;
      terms.push(`${c.name}=${codeKey(e.cat.code)}`);
      x.push(col);
    }
  }
  const denseMaps: Int32Array[] = [];
  const groups = groupCz.map((g) => {
    const dense = new Int32Array(g.cz.categories.length).fill(-1);
    denseMaps.push(dense);
    const codes = new Int32Array(n);
    let count = 0;
    for (let r = 0; r < n; r++) {
      const k = g.cz.index[at(r)];
      if (dense[k] < 0) dense[k] = count++;
      codes[r] = dense[k];
    }
    return { variable: g.name, codes, count };
  });
  let psuPerStratum: Float64Array | null = null;
  if (spec.surveyDesign) {
    const find = (name: string | undefined) => {
      if (name === undefined) return null;
      const gi = groupCz.findIndex((g) => g.name.toLowerCase() === name.toLowerCase());
      return gi < 0 ? null : { index: groupCz[gi].cz.index, dense: denseMaps[gi], count: groups[gi].count };
    };
    psuPerStratum = psuCounts(N, universe, find(spec.surveyDesign.strata), find(spec.surveyDesign.cluster));
  }
  return {
    psuPerStratum,
    terms,
    x,
    y: compact(yData, rows),
    w: w === null ? null : (compact(w, rows) as Float64Array),
    n,
    excluded: afterWeight - n,
    weightInfo,
    groups,
  };
}

/**
 * PSUs per used stratum over the survey universe. Strata without used cases do not matter (their scores
 * are all zero) and are not counted; a PSU is a (stratum, cluster) pair, or a single case without clusters.
 */
function psuCounts(
  N: number,
  universe: Uint8Array,
  strata: { index: ArrayLike<number>; dense: Int32Array; count: number } | null,
  cluster: { index: ArrayLike<number> } | null,
): Float64Array {
  const counts = new Float64Array(strata ? strata.count : 1);
  const seen = new Set<number>();
  for (let i = 0; i < N; i++) {
    if (universe[i] === 0) continue;
    const raw = strata ? strata.index[i] : 0;
    const c = cluster ? cluster.index[i] : 0;
    if (raw < 0 || c < 0) continue;
    const h = strata ? strata.dense[raw] : 0;
    if (h < 0) continue;
    if (cluster) {
      const key = h * 4294967296 + c;
      if (seen.has(key)) continue;
      seen.add(key);
    }
    counts[h]++;
  }
  return counts;
}
