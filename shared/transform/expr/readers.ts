/**
 * Per-row readers for dataset columns. Each returns a closure over the column's typed array so the
 * evaluator's inner loop does no lookups and no allocation. Numeric readers turn user-missing values
 * into NaN (SPSS: user-missing is treated as missing in expressions); the raw readers do not.
 */
import type { NumericColumn, StringColumn, VariableMeta } from '../../model/dataset';
import { sysmisSentinel } from '../../model/dataset';

export type NumFn = (i: number) => number;
export type StrFn = (i: number) => string;

/** Value as a number, with system- and user-missing values as NaN. */
export function numericReader(col: NumericColumn, meta: VariableMeta): NumFn {
  const d = col.data;
  const s = sysmisSentinel(d);
  const nums = meta.missing.values.filter((v): v is number => typeof v === 'number');
  const hasRange = meta.missing.range !== null;
  if (nums.length === 0 && !hasRange) {
    if (d instanceof Float64Array) return (i) => d[i];
    return (i) => {
      const v = d[i];
      return v === s ? NaN : v;
    };
  }
  // NaN never equals anything, so unused discrete slots cost one comparison and never match.
  const m0 = nums[0] ?? NaN;
  const m1 = nums[1] ?? NaN;
  const m2 = nums[2] ?? NaN;
  const lo = meta.missing.range ? meta.missing.range[0] : Infinity;
  const hi = meta.missing.range ? meta.missing.range[1] : -Infinity;
  return (i) => {
    const v = d[i];
    return v === s || (v >= lo && v <= hi) || v === m0 || v === m1 || v === m2 ? NaN : v;
  };
}

/** Value with user-missing values kept (SPSS VALUE()); only system-missing is NaN. */
export function rawNumericReader(col: NumericColumn): NumFn {
  const d = col.data;
  const s = sysmisSentinel(d);
  if (d instanceof Float64Array) return (i) => d[i];
  return (i) => {
    const v = d[i];
    return v === s ? NaN : v;
  };
}

/** Strings are never missing in expressions (PSPP: string user-missing values are not special). */
export function stringReader(col: StringColumn): StrFn {
  const { codes, dict } = col;
  const trimmed = dict.map(rtrim);
  return (i) => trimmed[codes[i]];
}

/** Evaluates a predicate once per distinct string instead of once per row. */
export function stringTable(col: StringColumn, pred: (s: string) => number): NumFn {
  const { codes, dict } = col;
  const table = new Float64Array(dict.length);
  for (let k = 0; k < dict.length; k++) table[k] = pred(rtrim(dict[k]));
  return (i) => table[codes[i]];
}

/** SPSS pads strings with blanks, so trailing blanks never make two strings differ. */
export function rtrim(s: string): string {
  return s.replace(/ +$/, '');
}
