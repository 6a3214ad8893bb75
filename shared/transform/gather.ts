/**
 * Builds a column by picking rows from one or more source columns: output row i comes from the first
 * source whose index for i is not -1, and is missing when none has it. Appending, merging and
 * reordering datasets are all this one operation with different index arrays.
 */
import type { Column, MissingSpec, NumericColumn } from '../model/dataset';
import { compactNumeric, numericAt } from '../model/dataset';

export interface Source {
  col: Column;
  idx: Int32Array;
}

function numberAsText(col: NumericColumn, row: number): string {
  const v = numericAt(col, row);
  return v !== v ? '' : String(v);
}

export function gather(sources: Source[], rows: number, kind: 'numeric' | 'string'): Column {
  if (kind === 'numeric') {
    const out = new Float64Array(rows).fill(NaN);
    for (let i = 0; i < rows; i++) {
      for (const s of sources) {
        const r = s.idx[i];
        if (r < 0) continue;
        if (s.col.kind === 'numeric') out[i] = numericAt(s.col, r);
        break;
      }
    }
    return { kind: 'numeric', data: compactNumeric(out) };
  }
  // Strings: one dictionary for the result; rows no source covers are the empty string.
  const dict: string[] = [''];
  const index = new Map<string, number>([['', 0]]);
  const codeOf = (s: string): number => {
    let c = index.get(s);
    if (c === undefined) {
      c = dict.length;
      dict.push(s);
      index.set(s, c);
    }
    return c;
  };
  const codes = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    for (const s of sources) {
      const r = s.idx[i];
      if (r < 0) continue;
      codes[i] = codeOf(s.col.kind === 'string' ? s.col.dict[s.col.codes[r]] : numberAsText(s.col, r));
      break;
    }
  }
  return { kind: 'string', codes, dict };
}

/** idx for "rows [from, from+count) of the output are rows 0.. of this source". */
export function span(rows: number, from: number, count: number): Int32Array {
  const idx = new Int32Array(rows).fill(-1);
  for (let k = 0; k < count; k++) idx[from + k] = k;
  return idx;
}

/** SPSS allows three discrete values, or a range plus one value. Returns null when the union does not fit. */
export function unionMissing(a: MissingSpec, b: MissingSpec): MissingSpec | null {
  const values = [...a.values];
  for (const v of b.values) if (!values.includes(v)) values.push(v);
  let range = a.range;
  if (b.range) {
    if (range && (range[0] !== b.range[0] || range[1] !== b.range[1])) return null;
    range = b.range;
  }
  const outside = range ? values.filter((v) => typeof v !== 'number' || v < range[0] || v > range[1]) : values;
  if (range ? outside.length > 1 : outside.length > 3) return null;
  return { values: outside, range };
}
