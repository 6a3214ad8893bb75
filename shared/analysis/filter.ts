/** Turns a filter expression into a row mask, with errors that point at the offending character. */
import type { Dataset } from '../model/dataset';
import { evaluateFilter, parseExpr } from '../transform/expr/index';

export function filterMask(ds: Dataset, expr: string | undefined): Uint8Array | undefined {
  if (expr === undefined || expr.trim() === '') return undefined;
  return evaluateFilter(parseExpr(expr), ds);
}
