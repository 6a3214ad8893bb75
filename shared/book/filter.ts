/**
 * Row selections for a book: the spec's filter expression and the wave selection of a comparison,
 * as 0/1 masks the engine takes. As in SPSS, a row whose filter is missing is left out.
 */
import { type Code, type Dataset, findVariable, isUserMissing } from '../model/dataset';
import { evaluateFilter, parseExpr } from '../transform/expr';

export function filterMask(ds: Dataset, expression: string): Uint8Array {
  return evaluateFilter(parseExpr(expression), ds);
}

/** Rows whose `variable` equals one of `codes` (user-missing values never match). */
export function valueMask(ds: Dataset, variable: string, codes: Code[]): Uint8Array {
  const vi = findVariable(ds, variable);
  if (vi < 0) throw new Error(`variable ${variable} not found`);
  const col = ds.columns[vi];
  const meta = ds.variables[vi];
  const out = new Uint8Array(ds.rows);
  if (col.kind === 'numeric') {
    const wanted = new Set(codes.filter((c): c is number => typeof c === 'number' && !isUserMissing(meta.missing, c)));
    for (let i = 0; i < ds.rows; i++) out[i] = wanted.has(col.data[i]) ? 1 : 0;
  } else {
    const wanted = new Set(codes.map(String).map((s) => s.replace(/ +$/, '')));
    const hit = col.dict.map((s) => wanted.has(s.replace(/ +$/, '')) && !isUserMissing(meta.missing, s));
    for (let i = 0; i < ds.rows; i++) out[i] = hit[col.codes[i]] ? 1 : 0;
  }
  return out;
}

/** Rows in both masks; `undefined` means "all rows". */
export function andMasks(a: Uint8Array | undefined, b: Uint8Array | undefined): Uint8Array | undefined {
  if (!a) return b;
  if (!b) return a;
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] & b[i];
  return out;
}
