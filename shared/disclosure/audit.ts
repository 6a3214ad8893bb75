/**
 * The proof that a suppression pattern works. For every suppressed cell it computes the feasible
 * interval [lo, hi] an intruder can derive from all published cells, all published margins (the
 * table's linear equalities) and non-negativity: two linear programs per cell, min x and max x over
 * { A x = b, x >= 0 } where x are the suppressed cells. A protected cell passes when
 * hi − lo >= its required width (and its value is therefore not determined).
 *
 * Integer counts: a 2-D table with margins has a totally unimodular constraint matrix, so the LP
 * bounds are attained at integer points; with `integer` the bounds are rounded inward, which is what
 * an intruder who knows the cells are integers can conclude anyway.
 */
import { feasibleBasis, minimize } from './lp';
import { suppressedComponents, type LinearTable } from './linear-table';

export interface AuditEntry {
  cell: number;
  value: number;
  lo: number;
  hi: number;
  /** Width the interval must have; 0 for cells that need no protection of their own. */
  required: number;
  ok: boolean;
}

export interface AuditOptions {
  /** Values are integer counts: round bounds inward. */
  integer?: boolean;
  /** Only audit the components that contain one of these cells (speeds up the suppression loop). */
  only?: readonly number[];
}

export class AuditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuditError';
  }
}

export function auditSuppression(
  values: readonly number[],
  suppressed: readonly boolean[],
  table: LinearTable,
  margin: (cell: number, value: number) => number,
  opts: AuditOptions = {},
): AuditEntry[] {
  const hidden = suppressed.map((s, i) => s && !table.fixed?.[i]);
  let components = suppressedComponents(table, hidden);
  if (opts.only) {
    const wanted = new Set(opts.only);
    components = components.filter((comp) => comp.some((c) => wanted.has(c)));
  }
  const out: AuditEntry[] = [];
  for (const comp of components) out.push(...auditComponent(values, hidden, table, comp, margin, opts));
  return out.sort((a, b) => a.cell - b.cell);
}

function auditComponent(
  values: readonly number[],
  hidden: readonly boolean[],
  table: LinearTable,
  comp: number[],
  margin: (cell: number, value: number) => number,
  opts: AuditOptions,
): AuditEntry[] {
  const index = new Map<number, number>();
  comp.forEach((cell, j) => index.set(cell, j));
  const a: number[][] = [];
  const b: number[] = [];
  for (const c of table.constraints) {
    let touches = false;
    for (const cell of c.cells) if (index.has(cell)) touches = true;
    if (!touches) continue;
    const row = new Array<number>(comp.length).fill(0);
    let known = 0;
    c.cells.forEach((cell, t) => {
      const j = index.get(cell);
      if (j !== undefined) row[j] += c.coefs[t];
      else known += c.coefs[t] * values[cell];
    });
    a.push(row);
    b.push(-known);
  }
  const fb = feasibleBasis(a, b, comp.length);
  if (!fb) throw new AuditError('published values are inconsistent with the table constraints');
  const objective = new Float64Array(comp.length);
  return comp.map((cell, j) => {
    objective.fill(0);
    objective[j] = 1;
    let lo = minimize(fb, objective).value;
    objective[j] = -1;
    const max = minimize(fb, objective);
    let hi = max.status === 'unbounded' ? Infinity : -max.value;
    const value = values[cell];
    const tol = 1e-7 * Math.max(1, Math.abs(value));
    if (opts.integer) {
      lo = Math.ceil(lo - tol);
      if (Number.isFinite(hi)) hi = Math.floor(hi + tol);
    }
    lo = Math.max(0, Math.min(lo, value));
    hi = Math.max(hi, value);
    const required = margin(cell, value);
    const width = hi - lo;
    const ok = required <= 0 || (width > tol && width >= required - tol);
    return { cell, value, lo, hi, required, ok };
  });
}
