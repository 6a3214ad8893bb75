/**
 * Entry points: evaluate a parsed expression over every row of a dataset in one pass of blocks.
 */
import type { Dataset } from '../../model/dataset';
import { type Ast, ExprError } from './ast';
import { compileExpr } from './compile';
import { BLOCK } from './readers';

/** 1 = keep. A missing or false condition drops the row (SPSS SELECT IF / FILTER semantics). */
export function evaluateFilter(ast: Ast, ds: Dataset): Uint8Array {
  const c = compileExpr(ast, ds);
  if (c.type !== 'num') throw new ExprError({ code: 'expr-filter-text' }, ast.pos);
  const out = new Uint8Array(ds.rows);
  for (let s = 0; s < ds.rows; s += BLOCK) {
    const n = Math.min(BLOCK, ds.rows - s);
    const b = c.f(s, n);
    for (let j = 0; j < n; j++) {
      const v = b[j];
      out[s + j] = v === v && v !== 0 ? 1 : 0;
    }
  }
  return out;
}

/** NaN = system-missing. Infinite results (overflow) become system-missing: SPSS has no infinity. */
export function evaluateNumeric(ast: Ast, ds: Dataset): Float64Array {
  const c = compileExpr(ast, ds);
  if (c.type !== 'num') throw new ExprError({ code: 'expr-result-text' }, ast.pos);
  const out = new Float64Array(ds.rows);
  for (let s = 0; s < ds.rows; s += BLOCK) {
    const n = Math.min(BLOCK, ds.rows - s);
    const b = c.f(s, n);
    for (let j = 0; j < n; j++) {
      const v = b[j];
      out[s + j] = v - v === 0 ? v : NaN;
    }
  }
  return out;
}
