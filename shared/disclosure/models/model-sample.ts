/**
 * Recounts a regression's estimation sample for the output rules (model-rules.ts): which cases the
 * engine keeps (filter, usable weight, dependent, predictors, categorical and grouping variables all
 * valid, SPSS missing semantics, as buildDesign does) and how many of them fall in each category of
 * each categorical predictor, in each value of a two-valued numeric predictor (a dummy the user made)
 * and in each value of a two-valued dependent (always so for logit). Counts only — no estimates — so
 * it reads the columns once more rather than changing the engine's result shape. The caller compares
 * `n` with the model's n, so a drift between the two listwise rules blocks the model instead of
 * checking the wrong sample.
 */
import { categorize } from '../../engine/categorize';
import { variable } from '../../engine/vars';
import { weightArray } from '../../engine/weights';
import { type Code, codeKey, type Dataset, isUserMissing, numericAt } from '../../model/dataset';
import type { WeightType } from '../../model/results';
import type { ModelCounts, SparseCount } from './model-rules';

export interface ModelSampleSpec {
  dependent: string;
  predictors: string[];
  categorical: { variable: string; ref?: Code }[];
  weight?: { variable: string; type: WeightType };
  /** 1 = case in. */
  filter?: Uint8Array;
  /** Panel id, strata, cluster: their missing values drop the case too. */
  groups: string[];
}

function dropMissingNumeric(ds: Dataset, name: string, mask: Uint8Array): void {
  const { meta, col } = variable(ds, name);
  if (col.kind !== 'numeric') return;
  for (let i = 0; i < ds.rows; i++) {
    const v = numericAt(col, i);
    if (v !== v || isUserMissing(meta.missing, v)) mask[i] = 0;
  }
}

type TwoValues = { variable: string; values: { code: Code; label: string; count: number }[] };

/**
 * Cases per value of a numeric variable within the sample when it takes exactly two values there
 * (a 0/1 predictor is a dummy, a two-valued dependent a proportion), else null. Stops at a third value.
 */
function twoValues(ds: Dataset, name: string, mask: Uint8Array): TwoValues | null {
  const { meta, col } = variable(ds, name);
  if (col.kind !== 'numeric') return null;
  const counts = new Map<number, number>();
  for (let i = 0; i < ds.rows; i++) {
    if (!mask[i]) continue;
    const v = numericAt(col, i);
    const c = counts.get(v);
    if (c !== undefined) counts.set(v, c + 1);
    else if (counts.size === 2) return null;
    else counts.set(v, 1);
  }
  if (counts.size !== 2) return null;
  const values = [...counts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([code, count]) => ({ code, label: meta.valueLabels[codeKey(code)] ?? String(code), count }));
  return { variable: meta.name, values };
}

export function modelSampleCounts(ds: Dataset, spec: ModelSampleSpec): ModelCounts {
  const N = ds.rows;
  const mask = new Uint8Array(N);
  if (spec.filter) mask.set(spec.filter.subarray(0, N));
  else mask.fill(1);
  if (spec.weight) {
    const w = weightArray(ds, spec.weight);
    for (let i = 0; i < N; i++) if (!(w[i] > 0)) mask[i] = 0;
  }
  dropMissingNumeric(ds, spec.dependent, mask);
  for (const p of spec.predictors) dropMissingNumeric(ds, p, mask);
  const cats = spec.categorical.map((c) => {
    const { meta, col } = variable(ds, c.variable);
    return { spec: c, name: meta.name, cz: categorize(col, meta) };
  });
  for (const g of spec.groups) {
    const { meta, col } = variable(ds, g);
    const cz = categorize(col, meta);
    for (let i = 0; i < N; i++) if (cz.index[i] < 0) mask[i] = 0;
  }
  for (const c of cats) for (let i = 0; i < N; i++) if (c.cz.index[i] < 0) mask[i] = 0;
  let n = 0;
  for (let i = 0; i < N; i++) n += mask[i];

  const categorical = cats.map((c) => {
    const counts = new Array<number>(c.cz.categories.length).fill(0);
    for (let i = 0; i < N; i++) if (mask[i]) counts[c.cz.index[i]]++;
    const present = c.cz.categories.map((cat, k) => ({ cat, count: counts[k] })).filter((e) => e.count > 0);
    // The reference as the engine picks it: the given code, else the lowest code in use.
    const ref = c.spec.ref === undefined ? present[0] : present.find((e) => codeKey(e.cat.code) === codeKey(c.spec.ref as Code));
    return {
      variable: c.name,
      categories: present.map((e) => ({ code: e.cat.code, label: e.cat.label, count: e.count, reference: e === ref })),
    };
  });
  const binaryAll = spec.predictors.map((p) => twoValues(ds, p, mask));
  const binary = binaryAll.filter((b): b is TwoValues => b !== null);
  // Two-valued predictors are counted per value above; the others by how many cases leave their mode.
  const sparse = spec.predictors.filter((_p, j) => binaryAll[j] === null).map((p) => offMode(ds, p, mask, n));
  return { n, categorical, binary, sparse, outcome: twoValues(ds, spec.dependent, mask) ?? undefined };
}

/** Samples up to this size find their mode exactly with a map; larger ones by majority vote. */
const EXACT_MODE_ROWS = 200_000;

/**
 * How many cases of the sample differ from the predictor's most common value, and that value: a
 * predictor that is 0 (or any one value) for all but a few cases estimates their mean difference,
 * like a dummy. Only a value held by more than n - minCount cases matters. Small samples count every
 * value; in a large one (n ≥ 200,000, so n ≥ 2·minCount for any sane minCount) such a value is a
 * majority, which one Boyer–Moore pass finds in constant memory (10M rows), and a second pass counts.
 * Reported for every predictor; model-rules.ts decides.
 */
function offMode(ds: Dataset, name: string, mask: Uint8Array, n: number): SparseCount {
  const { meta, col } = variable(ds, name);
  if (col.kind !== 'numeric') return { variable: meta.name, value: '', count: n };
  if (n <= EXACT_MODE_ROWS) {
    const counts = new Map<number, number>();
    for (let i = 0; i < ds.rows; i++) {
      if (!mask[i]) continue;
      const v = numericAt(col, i);
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    let mode = NaN;
    let most = 0;
    for (const [v, c] of counts) if (c > most || (c === most && v < mode)) [mode, most] = [v, c];
    return { variable: meta.name, value: String(mode), count: n - most };
  }
  let candidate = NaN;
  let votes = 0;
  for (let i = 0; i < ds.rows; i++) {
    if (!mask[i]) continue;
    const v = numericAt(col, i);
    if (votes === 0) {
      candidate = v;
      votes = 1;
    } else votes += v === candidate ? 1 : -1;
  }
  let held = 0;
  for (let i = 0; i < ds.rows; i++) if (mask[i] && numericAt(col, i) === candidate) held++;
  return { variable: meta.name, value: String(candidate), count: n - held };
}
