/**
 * Block readers for dataset columns. Evaluation runs over blocks of BLOCK rows: every node of the
 * compiled tree fills its own reusable Float64Array for rows [start, start+n), so each operator is a
 * tight monomorphic loop over typed arrays and nothing is allocated per row. Numeric readers turn
 * user-missing values into NaN (SPSS: user-missing counts as missing in expressions); raw readers keep
 * them (for VALUE, SYSMIS).
 */
import type { NumericColumn, StringColumn, VariableMeta } from '../../model/dataset';
import { sysmisSentinel } from '../../model/dataset';

export const BLOCK = 4096;

/** Fills and returns a buffer whose first n entries are rows start .. start+n-1. */
export type NumBlock = (start: number, n: number) => Float64Array;
export type StrBlock = (start: number, n: number) => string[];

/** Wraps a fill function with its own output buffer. */
export function numBlock(fill: (out: Float64Array, start: number, n: number) => void): NumBlock {
  const out = new Float64Array(BLOCK);
  return (start, n) => {
    fill(out, start, n);
    return out;
  };
}

export function constBlock(v: number): NumBlock {
  const out = new Float64Array(BLOCK).fill(v);
  return () => out;
}

/** Value as a number, with system- and user-missing values as NaN. */
export function numericReader(col: NumericColumn, meta: VariableMeta): NumBlock {
  const d = col.data;
  const s = sysmisSentinel(d);
  const nums = meta.missing.values.filter((v): v is number => typeof v === 'number');
  if (nums.length === 0 && meta.missing.range === null) return rawNumericReader(col);
  // NaN never equals anything, so unused discrete slots cost one comparison and never match.
  const m0 = nums[0] ?? NaN;
  const m1 = nums[1] ?? NaN;
  const m2 = nums[2] ?? NaN;
  const lo = meta.missing.range ? meta.missing.range[0] : Infinity;
  const hi = meta.missing.range ? meta.missing.range[1] : -Infinity;
  return numBlock((out, start, n) => {
    for (let j = 0; j < n; j++) {
      const v = d[start + j];
      out[j] = v === s || (v >= lo && v <= hi) || v === m0 || v === m1 || v === m2 ? NaN : v;
    }
  });
}

/** Value with user-missing values kept (SPSS VALUE()); only system-missing is NaN. */
export function rawNumericReader(col: NumericColumn): NumBlock {
  const d = col.data;
  if (d instanceof Float64Array) return (start, n) => d.subarray(start, start + n);
  const s = sysmisSentinel(d);
  return numBlock((out, start, n) => {
    for (let j = 0; j < n; j++) {
      const v = d[start + j];
      out[j] = v === s ? NaN : v;
    }
  });
}

/** Strings are never missing in expressions (PSPP: string user-missing values are not special). */
export function stringReader(col: StringColumn): StrBlock {
  const { codes, dict } = col;
  const trimmed = dict.map(rtrim);
  const out: string[] = new Array(BLOCK);
  return (start, n) => {
    for (let j = 0; j < n; j++) out[j] = trimmed[codes[start + j]];
    return out;
  };
}

/** Evaluates a predicate once per distinct string instead of once per row. */
export function stringTable(col: StringColumn, pred: (s: string) => number): NumBlock {
  const { codes, dict } = col;
  const table = new Float64Array(dict.length);
  for (let k = 0; k < dict.length; k++) table[k] = pred(rtrim(dict[k]));
  return numBlock((out, start, n) => {
    for (let j = 0; j < n; j++) out[j] = table[codes[start + j]];
  });
}

/** SPSS pads strings with blanks, so trailing blanks never make two strings differ. */
export function rtrim(s: string): string {
  return s.replace(/ +$/, '');
}
