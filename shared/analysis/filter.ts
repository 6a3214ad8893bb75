/**
 * Row selections as 0/1 masks the engine takes: a filter expression (errors point at the offending
 * character), the cases with one of some codes (a book's wave), and their intersection. As in SPSS,
 * a row whose filter is missing is left out.
 */
import { type Code, type Dataset, findVariable, isUserMissing } from '../model/dataset';
import { EngineError } from '../engine/errors';
import { evaluateFilter, parseExpr, type Ast } from '../transform/expr/index';

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

/** The top-level conditions of `a and b and c` (one element for anything else). */
export function conjuncts(ast: Ast): Ast[] {
  return ast.kind === 'binary' && ast.op === 'and' ? [...conjuncts(ast.left), ...conjuncts(ast.right)] : [ast];
}

/**
 * The selections a filtered table is compared with for differencing (shared/disclosure/primary/
 * differences.ts): no filter at all, and the filter without each of its top-level conditions (the
 * extra selection, e.g. a book's wave, counts as one more condition). `undefined` is "all rows".
 * Empty when nothing is filtered.
 */
export function referenceMasks(ds: Dataset, expr: string | undefined, selection?: Uint8Array): (Uint8Array | undefined)[] {
  const parts: Uint8Array[] = [];
  if (expr !== undefined && expr.trim() !== '') for (const c of conjuncts(parseExpr(expr))) parts.push(evaluateFilter(c, ds));
  if (selection) parts.push(selection);
  if (parts.length === 0) return [];
  const all = (except: number) => parts.reduce<Uint8Array | undefined>((m, p, i) => (i === except ? m : andMasks(m, p)), undefined);
  const out: (Uint8Array | undefined)[] = [undefined];
  if (parts.length > 1) for (let i = 0; i < parts.length; i++) out.push(all(i));
  return out;
}
