/**
 * Turns a column into category indices for tabulation.
 *
 * Two forms are offered. `categoryLookup` is the hot-path form: for Int8/Int16 storage it returns the raw
 * column plus a lookup table (category = lut[value + offset]), so a crosstab reads the stored codes
 * directly and never materialises a 10-million-entry index array. `categorize` materialises the indices
 * (narrowest integer array, -1 = excluded) for callers that want them.
 *
 * Category order follows SPSS: numeric codes ascending, strings in code-unit order. User-missing codes are
 * categories only with `includeMissing`, placed in code order and flagged; system-missing then comes last.
 */
import { type Code, type Column, type VariableMeta, codeKey, isUserMissing, sysmisSentinel } from '../model/dataset';
import { acceleratorFor } from './accel';

export interface Category {
  code: Code;
  label: string;
  missing: boolean;
  missingKind?: 'user' | 'system';
}

export interface CategorizeOptions {
  /** Show user-missing codes and system-missing as (flagged) categories instead of excluding them. */
  includeMissing?: boolean;
  /** Also list labelled codes that do not occur in the data (as SPSS CTABLES does); default false. */
  includeLabelled?: boolean;
  /**
   * Only these rows (1 = in) decide which values are observed; default all rows. Rows outside keep their
   * index — the tabulation kernels apply the filter themselves.
   */
  filter?: Uint8Array;
}

export type IndexArray = Int8Array | Int16Array | Int32Array;

export interface Categorized {
  categories: Category[];
  /** Per row: category index, or -1 when the row is excluded (missing, or filtered out by a lookup). */
  index: IndexArray;
}

/** category(row) = lut[data[row] + offset]; lut entries are -1 for excluded values. */
export interface CategoryLookup {
  categories: Category[];
  data: IndexArray;
  lut: Int32Array;
  offset: number;
}

/** Label shown for the system-missing category. */
export const SYSMIS_LABEL = 'Systeemontbrekend';

function labelFor(meta: VariableMeta, code: Code): string {
  return meta.valueLabels[codeKey(code)] ?? String(code);
}

function compareCodes(a: Code, b: Code): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** Labelled codes of the right type (numeric keys parse as numbers for numeric variables). */
function labelledCodes(meta: VariableMeta): Code[] {
  const out: Code[] = [];
  for (const key of Object.keys(meta.valueLabels)) {
    if (meta.type === 'string') out.push(key);
    else {
      const v = Number(key);
      if (key.trim() !== '' && Number.isFinite(v)) out.push(v);
    }
  }
  return out;
}

/**
 * Orders observed (and optionally labelled) codes into categories; returns the categories and, for each
 * input code, its category index or -1.
 */
function buildCategories(
  observed: Code[],
  meta: VariableMeta,
  opts: CategorizeOptions,
  sysmisSeen: boolean,
): { categories: Category[]; indexOf: Map<string, number>; sysmisIndex: number } {
  const includeMissing = opts.includeMissing === true;
  const all = new Map<string, Code>();
  for (const c of observed) all.set(codeKey(c), c);
  if (opts.includeLabelled) for (const c of labelledCodes(meta)) if (!all.has(codeKey(c))) all.set(codeKey(c), c);
  const codes = [...all.values()].sort(compareCodes);
  const categories: Category[] = [];
  const indexOf = new Map<string, number>();
  for (const code of codes) {
    const userMissing = isUserMissing(meta.missing, code);
    if (userMissing && !includeMissing) continue;
    indexOf.set(codeKey(code), categories.length);
    categories.push(
      userMissing ? { code, label: labelFor(meta, code), missing: true, missingKind: 'user' } : { code, label: labelFor(meta, code), missing: false },
    );
  }
  let sysmisIndex = -1;
  if (includeMissing && sysmisSeen) {
    sysmisIndex = categories.length;
    categories.push({ code: NaN, label: SYSMIS_LABEL, missing: true, missingKind: 'system' });
  }
  return { categories, indexOf, sysmisIndex };
}

function narrowIndex(n: number, categories: number): IndexArray {
  if (categories <= 127) return new Int8Array(n);
  if (categories <= 32767) return new Int16Array(n);
  return new Int32Array(n);
}

/** Lookup over small integer storage: one presence scan, then a table over the whole value range. */
function smallIntLookup(data: Int8Array | Int16Array, meta: VariableMeta, opts: CategorizeOptions): CategoryLookup {
  const offset = data instanceof Int8Array ? 128 : 32768;
  const seen = new Uint8Array(offset * 2);
  const n = data.length;
  const filter = opts.filter;
  const bytes = data instanceof Int8Array ? (acceleratorFor(n)?.seen(data, filter) ?? null) : null;
  if (bytes) {
    // byte x holds the value (x << 24) >> 24, whose slot is value + 128.
    for (let x = 0; x < 256; x++) if (bytes[x]) seen[((x << 24) >> 24) + 128] = 1;
  } else if (filter) {
    for (let i = 0; i < n; i++) if (filter[i] !== 0) seen[data[i] + offset] = 1;
  } else {
    for (let i = 0; i < n; i++) seen[data[i] + offset] = 1;
  }
  return lookupFromSeen(data, seen, meta, opts);
}

/**
 * The lookup for small integer storage once it is known which stored values occur: `seen[value + offset]`
 * is non-zero for observed values (offset 128 for Int8, 32768 for Int16). Kernels that find the observed
 * values during their own pass use this to skip a separate presence scan.
 */
export function lookupFromSeen(data: Int8Array | Int16Array, seen: ArrayLike<number>, meta: VariableMeta, opts: CategorizeOptions = {}): CategoryLookup {
  const offset = data instanceof Int8Array ? 128 : 32768;
  const size = offset * 2;
  const sentinelSlot = sysmisSentinel(data) + offset;
  const observed: number[] = [];
  for (let s = 0; s < size; s++) if (seen[s] && s !== sentinelSlot) observed.push(s - offset);
  const { categories, indexOf, sysmisIndex } = buildCategories(observed, meta, opts, !!seen[sentinelSlot]);
  const lut = new Int32Array(size).fill(-1);
  for (const [key, idx] of indexOf) {
    const v = Number(key);
    if (Number.isInteger(v) && v + offset >= 0 && v + offset < size) lut[v + offset] = idx;
  }
  lut[sentinelSlot] = sysmisIndex;
  return { categories, data, lut, offset };
}

/** Index materialisation for Int32/Float64/string storage through a Map of distinct values. */
function mapCategorize(col: Column, meta: VariableMeta, opts: CategorizeOptions): Categorized {
  const filter = opts.filter;
  if (col.kind === 'string') {
    const dict = col.dict.map((s) => s.replace(/ +$/, ''));
    const seen = new Uint8Array(dict.length);
    let sysmisSeen = false;
    const codes = col.codes;
    for (let i = 0; i < codes.length; i++) {
      if (filter && filter[i] === 0) continue;
      const c = codes[i];
      if (c >= 0 && c < dict.length) seen[c] = 1;
      else sysmisSeen = true;
    }
    const observed = dict.filter((_, k) => seen[k] === 1);
    const { categories, indexOf, sysmisIndex } = buildCategories(observed, meta, opts, sysmisSeen);
    const dictIdx = Int32Array.from(dict, (s) => indexOf.get(s) ?? -1);
    const index = narrowIndex(codes.length, categories.length);
    for (let i = 0; i < codes.length; i++) {
      const c = codes[i];
      index[i] = c >= 0 && c < dict.length ? dictIdx[c] : sysmisIndex;
    }
    return { categories, index };
  }
  const data = col.data;
  const sentinel = sysmisSentinel(data);
  const distinct = new Map<number, number>();
  let sysmisSeen = false;
  for (let i = 0; i < data.length; i++) {
    if (filter && filter[i] === 0) continue;
    const v = data[i];
    if (v === sentinel || v !== v) sysmisSeen = true;
    else if (!distinct.has(v)) distinct.set(v, 0);
  }
  const { categories, indexOf, sysmisIndex } = buildCategories([...distinct.keys()], meta, opts, sysmisSeen);
  for (const v of distinct.keys()) distinct.set(v, indexOf.get(codeKey(v)) ?? -1);
  const index = narrowIndex(data.length, categories.length);
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    index[i] = v === sentinel || v !== v ? sysmisIndex : (distinct.get(v) ?? -1);
  }
  return { categories, index };
}

/** Identity lookup over materialised indices (-1 stays -1). */
function identityLookup(c: Categorized): CategoryLookup {
  const lut = new Int32Array(c.categories.length + 1);
  lut[0] = -1;
  for (let k = 0; k < c.categories.length; k++) lut[k + 1] = k;
  return { categories: c.categories, data: c.index, lut, offset: 1 };
}

export function categoryLookup(col: Column, meta: VariableMeta, opts: CategorizeOptions = {}): CategoryLookup {
  if (col.kind === 'numeric' && (col.data instanceof Int8Array || col.data instanceof Int16Array)) {
    return smallIntLookup(col.data, meta, opts);
  }
  return identityLookup(mapCategorize(col, meta, opts));
}

export function categorize(col: Column, meta: VariableMeta, opts: CategorizeOptions = {}): Categorized {
  if (col.kind === 'numeric' && (col.data instanceof Int8Array || col.data instanceof Int16Array)) {
    const { categories, data, lut, offset } = smallIntLookup(col.data, meta, opts);
    const index = narrowIndex(data.length, categories.length);
    for (let i = 0; i < data.length; i++) index[i] = lut[data[i] + offset];
    return { categories, index };
  }
  return mapCategorize(col, meta, opts);
}
