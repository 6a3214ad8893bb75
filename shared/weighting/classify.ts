/**
 * From targets and a dataset to the cells the calibration works on. Every method here adjusts the
 * weights of all cases with the same codes on the margin variables by the same factor (raking,
 * poststratification and calibration all give g = F(x'λ) with x the case's category indicators), so the
 * n cases collapse into at most Π K_v joint cells: one pass over the data classifies each case and sums
 * its base weight into its cell, the iterations then run over cells only, and one more pass writes the
 * weights. That is why 10 million cases take a fraction of a second.
 *
 * A case gets no weight (system-missing) when it is outside the filter, missing (system- or user-) on a
 * margin variable, or has a base weight that is missing, zero or negative; each reason is counted.
 * Codes of cases to weight without a target, and codes with a positive target but no case (an empty
 * cell), are collected as mismatches; the caller refuses to weight while there are any.
 */
import { findVariable, isUserMissing, type Code, type Column, type Dataset, type VariableMeta } from '../model/dataset';
import type { WeightCodeMismatch } from '../i18n/messages';
import { codeText, compareCodes, matchCode } from './codes';
import { WeightingError } from './errors';
import type { TargetSet } from './targets';

const MISSING = -2;
const UNKNOWN = -3;
const OUT_OF_FILTER = -1;
const BAD_BASE = -4;
/** Joint cells are indexed directly up to this many combinations, through a Map beyond. */
const DIRECT_CELLS = 1 << 24;
/** At most this many unknown codes per variable are listed in a message. */
const MAX_LISTED = 50;

export interface MarginCategory {
  /** One code per variable of the margin. */
  codes: Code[];
  /** The codes as written in reports: "3", or "1,2" for a joint cell. */
  code: string;
  label: string;
  target: number;
}

export interface PreparedMargin {
  /** The variable's name as in the dataset, or the names joined by "," for joint cells. */
  variable: string;
  variables: string[];
  categories: MarginCategory[];
}

export interface Exclusions {
  filter: number;
  missing: number;
  baseWeight: number;
}

export interface Classified {
  margins: PreparedMargin[];
  /** Per case: its cell, or a negative number when it gets no weight. */
  cell: Int32Array;
  ncells: number;
  /** Per cell: number of cases and sum of the (unscaled) base weights. */
  count: Float64Array;
  baseSum: Float64Array;
  /** Per margin, per cell: the cell's category in that margin (-1: none, only with mismatches). */
  cellCategory: Int32Array[];
  excluded: Exclusions;
  mismatches: WeightCodeMismatch[];
  /** Categories with target 0 that have cases (their weights would be 0). */
  zeroTargets: { variable: string; codes: string[] }[];
}

interface VarPlan {
  index: number;
  meta: VariableMeta;
  codes: Code[];
  stride: number;
  unknown: Set<Code>;
}

function variableIndex(ds: Dataset, name: string): number {
  const i = findVariable(ds, name);
  if (i < 0) throw new WeightingError({ code: 'weight-unknown-variable', variable: name });
  return i;
}

/** Resolves every written code to a code of its variable; each variable's codes in SPSS order. */
function planVariables(ds: Dataset, targets: TargetSet): { vars: VarPlan[]; resolved: Code[][][] } {
  const byIndex = new Map<number, VarPlan>();
  const resolved = targets.margins.map((m) => {
    const plans = m.variables.map((name) => {
      const index = variableIndex(ds, name);
      let p = byIndex.get(index);
      if (!p) byIndex.set(index, (p = { index, meta: ds.variables[index], codes: [], stride: 0, unknown: new Set() }));
      return p;
    });
    const seen = new Set<string>();
    return m.entries.map((e) => {
      const codes = plans.map((p, k) => {
        const c = matchCode(p.meta, e.codes[k]);
        if (c === null) throw new WeightingError({ code: 'weight-unknown-code', variable: p.meta.name, written: e.codes[k], line: e.line, path: e.path });
        return c;
      });
      const key = codes.map(codeText).join('\u0000');
      if (seen.has(key)) throw new WeightingError({ code: 'weight-targets', problem: 'duplicate-code', line: e.line, path: e.path, value: e.codes.join(',') });
      seen.add(key);
      return codes;
    });
  });
  targets.margins.forEach((m, mi) =>
    m.variables.forEach((name, k) => {
      const p = byIndex.get(findVariable(ds, name))!;
      for (const codes of resolved[mi]) if (!p.codes.some((c) => c === codes[k])) p.codes.push(codes[k]);
    }),
  );
  const vars = [...byIndex.values()];
  for (const p of vars) p.codes.sort(compareCodes);
  return { vars, resolved };
}

/** Per case: the position of its code among the variable's target codes, or MISSING, or UNKNOWN. */
function codeIndexer(col: Column, p: VarPlan): { at(i: number): number; value(i: number): Code } {
  const { meta, codes } = p;
  const missing = meta.missing;
  if (col.kind === 'string') {
    const lut = Int32Array.from(col.dict, (s): number => {
      const v = s.replace(/ +$/, '');
      const k = codes.indexOf(v);
      if (k >= 0) return k;
      if (v.trim() === '' || isUserMissing(missing, v)) return MISSING;
      return UNKNOWN;
    });
    const data = col.codes;
    return { at: (i) => lut[data[i]], value: (i) => col.dict[data[i]].replace(/ +$/, '') };
  }
  const data = col.data;
  const numericCodes = codes as number[];
  const integral = numericCodes.every((c) => Number.isInteger(c));
  const lo = integral && numericCodes.length ? Math.min(...numericCodes) : 0;
  const hi = integral && numericCodes.length ? Math.max(...numericCodes) : -1;
  const span = hi - lo + 1;
  // A table over the codes' range answers most cases with one load; anything outside it takes the slow path.
  const table = new Int32Array(integral && span > 0 && span <= 1 << 20 ? span : 0).fill(UNKNOWN);
  numericCodes.forEach((c, k) => {
    if (table.length) table[c - lo] = k;
  });
  for (let t = 0; t < table.length; t++) if (table[t] === UNKNOWN && isUserMissing(missing, lo + t)) table[t] = MISSING;
  const byValue = new Map<number, number>(numericCodes.map((c, k) => [c, k]));
  const slow = (v: number): number => {
    const k = byValue.get(v);
    if (k !== undefined) return k;
    return isUserMissing(missing, v) ? MISSING : UNKNOWN;
  };
  const sentinel = data instanceof Float64Array ? NaN : data instanceof Int8Array ? -128 : data instanceof Int16Array ? -32768 : -2147483648;
  const tl = table.length;
  return {
    at: (i) => {
      const v = data[i];
      if (v === sentinel || v !== v) return MISSING;
      const j = v - lo;
      return j >= 0 && j < tl && (j | 0) === j ? table[j] : slow(v);
    },
    value: (i) => data[i],
  };
}

/**
 * key[i] += idx·stride for cases still in play. A missing code takes the case out; an unknown code
 * marks it UNKNOWN, which a later missing code still overrides: a code without a target matters only
 * for a case that would otherwise be weighted.
 */
function addVariable(key: Int32Array, at: (i: number) => number, stride: number): void {
  const n = key.length;
  for (let i = 0; i < n; i++) {
    const k0 = key[i];
    if (k0 < 0 && k0 !== UNKNOWN) continue;
    const k = at(i);
    if (k === MISSING) key[i] = MISSING;
    else if (k0 === UNKNOWN) continue;
    else if (k === UNKNOWN) key[i] = UNKNOWN;
    else key[i] = k0 + k * stride;
  }
}

export interface ClassifyOptions {
  filter?: Uint8Array;
  /** Per case base weight (NaN, zero or negative: not weighted); absent means equal base weights. */
  base?: Float64Array;
}

export function classify(ds: Dataset, targets: TargetSet, opts: ClassifyOptions = {}): Classified {
  const { vars, resolved } = planVariables(ds, targets);
  let combos = 1;
  for (let v = vars.length - 1; v >= 0; v--) {
    vars[v].stride = combos;
    combos *= Math.max(1, vars[v].codes.length);
  }
  if (combos > 2 ** 31 - 1) throw new WeightingError({ code: 'weight-too-many-cells', cells: combos });

  const n = ds.rows;
  const key = new Int32Array(n);
  const { filter, base } = opts;
  if (filter) for (let i = 0; i < n; i++) if (filter[i] === 0) key[i] = OUT_OF_FILTER;
  const indexers = vars.map((p) => codeIndexer(ds.columns[p.index], p));
  vars.forEach((p, v) => addVariable(key, indexers[v].at, p.stride));
  let unknownCases = 0;
  for (let i = 0; i < n; i++) {
    const k = key[i];
    if (base && (k >= 0 || k === UNKNOWN) && !(base[i] > 0)) key[i] = BAD_BASE;
    else if (k === UNKNOWN) unknownCases++;
  }
  // Only when there are any: which codes, of which variable, have no target.
  if (unknownCases > 0) {
    vars.forEach((p, v) => {
      for (let i = 0; i < n && p.unknown.size < MAX_LISTED; i++) if (key[i] === UNKNOWN && indexers[v].at(i) === UNKNOWN) p.unknown.add(indexers[v].value(i));
    });
  }

  // Compact the combinations that occur into cells, summing counts and base weights.
  const direct = combos <= DIRECT_CELLS ? new Int32Array(combos).fill(-1) : null;
  const viaMap = direct ? null : new Map<number, number>();
  let cap = 1024;
  let count = new Float64Array(cap);
  let baseSum = new Float64Array(cap);
  let cellKey = new Float64Array(cap);
  let ncells = 0;
  const excluded: Exclusions = { filter: 0, missing: 0, baseWeight: 0 };
  for (let i = 0; i < n; i++) {
    const k = key[i];
    if (k < 0) {
      if (k === OUT_OF_FILTER) excluded.filter++;
      else if (k === BAD_BASE) excluded.baseWeight++;
      else if (k === MISSING) excluded.missing++;
      continue;
    }
    let c = direct ? direct[k] : (viaMap!.get(k) ?? -1);
    if (c < 0) {
      c = ncells++;
      if (direct) direct[k] = c;
      else viaMap!.set(k, c);
      if (c >= cap) {
        cap *= 2;
        const grow = (a: Float64Array) => {
          const b = new Float64Array(cap);
          b.set(a);
          return b;
        };
        count = grow(count);
        baseSum = grow(baseSum);
        cellKey = grow(cellKey);
      }
      cellKey[c] = k;
    }
    key[i] = c;
    count[c]++;
    baseSum[c] += base ? base[i] : 1;
  }
  count = count.slice(0, ncells);
  baseSum = baseSum.slice(0, ncells);

  const margins: PreparedMargin[] = [];
  const cellCategory: Int32Array[] = [];
  const mismatches: WeightCodeMismatch[] = [];
  const zeroTargets: { variable: string; codes: string[] }[] = [];
  targets.margins.forEach((m, mi) => {
    const plans = m.variables.map((name) => vars.find((p) => p.index === findVariable(ds, name))!);
    const variable = plans.map((p) => p.meta.name).join(',');
    const categories: MarginCategory[] = m.entries.map((e, k) => {
      const codes = resolved[mi][k];
      return {
        codes,
        code: codes.map(codeText).join(','),
        label: codes.map((c, j) => plans[j].meta.valueLabels[codeText(c)] ?? codeText(c)).join(' / '),
        target: e.target,
      };
    });
    // Category of each combination of the margin's variables, by their local mixed-radix index.
    const localIndex = (idx: number[]) => idx.reduce((s, x, j) => s * plans[j].codes.length + x, 0);
    const byLocal = new Map<number, number>();
    categories.forEach((c, k) => byLocal.set(localIndex(c.codes.map((code, j) => plans[j].codes.indexOf(code))), k));
    const cat = new Int32Array(ncells);
    const catCount = new Float64Array(categories.length);
    const strayCombos: string[] = [];
    for (let c = 0; c < ncells; c++) {
      const idx = plans.map((p) => Math.floor(cellKey[c] / p.stride) % p.codes.length);
      const k = byLocal.get(localIndex(idx)) ?? -1;
      cat[c] = k;
      if (k >= 0) catCount[k] += count[c];
      else if (strayCombos.length < MAX_LISTED) strayCombos.push(idx.map((x, j) => codeText(plans[j].codes[x])).join(','));
    }
    const unknownHere = plans.length === 1 ? [...plans[0].unknown].sort(compareCodes).map(codeText) : [];
    const notInTargets = [...new Set([...unknownHere, ...strayCombos])];
    // In joint cells, a code unknown to one variable is reported by the margin as the variable itself.
    if (plans.length > 1) for (const p of plans) for (const u of p.unknown) notInTargets.push(`${p.meta.name}=${codeText(u)}`);
    const notInData = categories.filter((c, k) => c.target > 0 && catCount[k] === 0).map((c) => c.code);
    if (notInData.length || notInTargets.length) mismatches.push({ variable, notInData, notInTargets });
    const zero = categories.filter((c, k) => c.target === 0 && catCount[k] > 0).map((c) => c.code);
    if (zero.length) zeroTargets.push({ variable, codes: zero });
    margins.push({ variable, variables: plans.map((p) => p.meta.name), categories });
    cellCategory.push(cat);
  });
  return { margins, cell: key, ncells, count, baseSum, cellCategory, excluded, mismatches, zeroTargets };
}
