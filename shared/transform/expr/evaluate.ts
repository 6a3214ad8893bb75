/**
 * Entry points: evaluate a parsed expression over every row of a dataset in one pass.
 */
import type { Dataset } from '../../model/dataset';
import { type Ast, ExprError } from './ast';
import { compileExpr } from './compile';

/** 1 = keep. A missing or false condition drops the row (SPSS SELECT IF / FILTER semantics). */
export function evaluateFilter(ast: Ast, ds: Dataset): Uint8Array {
  const c = compileExpr(ast, ds);
  if (c.type !== 'num') throw new ExprError('A filter must be a condition, not text', ast.pos);
  const f = c.f;
  const out = new Uint8Array(ds.rows);
  for (let i = 0; i < ds.rows; i++) {
    const v = f(i);
    out[i] = v === v && v !== 0 ? 1 : 0;
  }
  return out;
}

/** NaN = system-missing. Infinite results (overflow) become system-missing: SPSS has no infinity. */
export function evaluateNumeric(ast: Ast, ds: Dataset): Float64Array {
  const c = compileExpr(ast, ds);
  if (c.type !== 'num') throw new ExprError('This expression gives text, not a number', ast.pos);
  const f = c.f;
  const out = new Float64Array(ds.rows);
  for (let i = 0; i < ds.rows; i++) {
    const v = f(i);
    out[i] = v - v === 0 ? v : NaN;
  }
  return out;
}
