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
import { feasibleBasis, LpSession } from './lp';
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
  /**
   * Decide pass/fail only: skip cells that need no protection and stop each LP as soon as the
   * required width is certain. lo/hi are then bounds found so far, not the interval's ends.
   */
  decide?: boolean;
  /** In decide mode: cells already proven protected by other means (no LP for them). */
  skip?: (cell: number) => boolean;
}

/**
 * The width a protected cell's interval must reach: the required margin, and for integer counts at
 * least one whole unit (an integer interval narrower than 1 is a single value). For Σw values at least
 * twice the numerical tolerance, since the check allows one tolerance: "not determined" must mean an
 * interval wider than rounding noise, not any interval at all.
 */
export function neededWidth(required: number, value: number, integer: boolean): number {
  const tol = 1e-7 * Math.max(1, Number.isFinite(value) ? Math.abs(value) : 0);
  return integer ? Math.max(Math.ceil(required - tol), 1) : Math.max(required, 2 * tol);
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
  const todo = comp.filter((cell) => !opts.decide || (margin(cell, values[cell]) > 0 && !opts.skip?.(cell)));
  if (todo.length === 0) return [];
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
  const lp = new LpSession(fb);
  const objective = new Float64Array(comp.length);
  const out: AuditEntry[] = [];
  for (const cell of todo) {
    const j = index.get(cell)!;
    // A hidden value may be unknown (NaN) when auditing someone else's published table.
    const value = values[cell];
    const known = Number.isFinite(value);
    const required = margin(cell, value);
    const tol = 1e-7 * Math.max(1, known ? Math.abs(value) : 0);
    const round = (x: number, up: boolean) => (!opts.integer || !Number.isFinite(x) ? x : up ? Math.ceil(x - tol) : Math.floor(x + tol));
    const need = neededWidth(required, value, opts.integer === true);
    objective.fill(0);
    objective[j] = -1;
    const upTarget = known ? value + need : Infinity;
    const max = lp.minimize(objective, opts.decide ? () => lp.valueOf(j) >= upTarget - tol : undefined);
    let hi = max.status === 'unbounded' ? Infinity : max.early ? lp.valueOf(j) : -max.value;
    hi = known ? Math.max(round(hi, false), value) : round(hi, false);
    objective[j] = 1;
    const downTarget = hi - need;
    const min = lp.minimize(objective, opts.decide ? () => lp.valueOf(j) <= downTarget + tol : undefined);
    let lo = min.early ? lp.valueOf(j) : min.value;
    lo = Math.max(0, known ? Math.min(round(lo, true), value) : round(lo, true));
    const ok = required <= 0 || hi - lo >= need - tol;
    out.push({ cell, value, lo, hi, required, ok });
  }
  return out;
}
