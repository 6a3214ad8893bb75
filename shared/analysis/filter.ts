/**
 * Row selections as 0/1 masks the engine takes: a filter expression (errors point at the offending
 * character), the cases with one of some codes (a book's wave), and their intersection. As in SPSS,
 * a row whose filter is missing is left out.
 */
import { type Code, type Dataset, findVariable, isUserMissing } from '../model/dataset';
import { EngineError } from '../engine/errors';
import { evaluateFilter, parseExpr } from '../transform/expr/index';

/** `undefined` (all rows) for an empty filter. */
export function filterMask(ds: Dataset, expr: string | undefined): Uint8Array | undefined {
  if (expr === undefined || expr.trim() === '') return undefined;
  return evaluateFilter(parseExpr(expr), ds);
}

/** Rows whose `variable` equals one of `codes` (user-missing values never match). */
export function valueMask(ds: Dataset, variable: string, codes: Code[]): Uint8Array {
  const vi = findVariable(ds, variable);
  if (vi < 0) throw new EngineError('unknown-variable', { code: 'engine-unknown-variable', name: variable });
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

/** Rows selected by a mask (all rows without one). */
export function maskCount(ds: Dataset, mask: Uint8Array | undefined): number {
  if (!mask) return ds.rows;
  let n = 0;
  for (let i = 0; i < mask.length; i++) n += mask[i];
  return n;
}
