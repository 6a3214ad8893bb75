/**
 * A small dense two-phase simplex for   minimize c·x  subject to  A x = b,  x >= 0.
 *
 * Written for the suppression audit: A has entries in {-1, 0, 1} and a few dozen rows and columns,
 * and the same feasible region is optimised for many objectives (min and max of every suppressed
 * cell). So phase 1 runs once (`feasibleBasis`) and each objective runs phase 2 on a copy
 * (`minimize`). Bland's rule (lowest index enters, lowest basic index leaves on ties) prevents
 * cycling, which matters here: count tables are full of zeros, so most pivots are degenerate.
 * Reference: Chvátal, Linear Programming (1983), ch. 2–3 and 8.
 */

export type LpStatus = 'optimal' | 'unbounded';

export interface LpResult {
  status: LpStatus;
  /** Optimal objective value (±Infinity when unbounded). */
  value: number;
}

/** A feasible basic solution of A x = b, x >= 0 in tableau form (redundant rows dropped). */
export interface FeasibleBasis {
  /** Number of structural variables. */
  n: number;
  /** rows[i] has n + 1 entries: B⁻¹A then B⁻¹b. */
  rows: Float64Array[];
  basis: Int32Array;
  /** The problem was divided by this so that max |b| = 1; objective values are scaled back. */
  scale: number;
}

const EPS = 1e-9;

function pivot(rows: Float64Array[], obj: Float64Array, r: number, col: number): void {
  const pr = rows[r];
  const width = pr.length;
  const inv = 1 / pr[col];
  for (let j = 0; j < width; j++) pr[j] *= inv;
  pr[col] = 1;
  for (let i = 0; i < rows.length; i++) {
    if (i === r) continue;
    const row = rows[i];
    const f = row[col];
    if (f === 0) continue;
    for (let j = 0; j < width; j++) row[j] -= f * pr[j];
    row[col] = 0;
  }
  const f = obj[col];
  if (f !== 0) {
    for (let j = 0; j < width; j++) obj[j] -= f * pr[j];
    obj[col] = 0;
  }
}

/**
 * Runs the simplex on a tableau whose `obj` row holds reduced costs (last entry: minus the
 * objective value). Only columns below `enterLimit` may enter; `stop` is asked before each pivot.
 */
function simplex(rows: Float64Array[], basis: Int32Array, obj: Float64Array, enterLimit: number, stop?: () => boolean): 'optimal' | 'unbounded' | 'stopped' {
  const last = obj.length - 1;
  const maxIter = 50 * (rows.length + enterLimit) + 1000;
  for (let iter = 0; iter < maxIter; iter++) {
    if (stop?.()) return 'stopped';
    let col = -1;
    for (let j = 0; j < enterLimit; j++) {
      if (obj[j] < -EPS) {
        col = j;
        break;
      }
    }
    if (col < 0) return 'optimal';
    let r = -1;
    let best = Infinity;
    for (let i = 0; i < rows.length; i++) {
      const a = rows[i][col];
      if (a <= EPS) continue;
      const ratio = rows[i][last] / a;
      if (ratio < best - EPS || (Math.abs(ratio - best) <= EPS && basis[i] < basis[r])) {
        best = ratio;
        r = i;
      }
    }
    if (r < 0) return 'unbounded';
    pivot(rows, obj, r, col);
    basis[r] = col;
  }
  throw new Error('simplex: iteration limit reached');
}

/**
 * Phase 1: finds a feasible basis of A x = b, x >= 0, or returns null when there is none.
 * `a` is m rows of n coefficients.
 */
export function feasibleBasis(a: number[][], b: number[], n: number): FeasibleBasis | null {
  const m = a.length;
  let scale = 0;
  for (const v of b) scale = Math.max(scale, Math.abs(v));
  // Right-hand sides that are all rounding noise (Σw knowns that cancel to 1e-15) must not be scaled up
  // to 1: that turns "= −1.8e-15" into "= −1" and a feasible system into an infeasible one.
  if (scale < 1e-9) scale = 1;
  const width = n + m + 1;
  const rows: Float64Array[] = [];
  const obj = new Float64Array(width);
  for (let i = 0; i < m; i++) {
    const row = new Float64Array(width);
    const sign = b[i] < 0 ? -1 : 1;
    for (let j = 0; j < n; j++) row[j] = sign * a[i][j];
    row[n + i] = 1;
    row[width - 1] = (sign * b[i]) / scale;
    rows.push(row);
    // Phase-1 objective: minimise the sum of artificials; reduced costs = -(column sums).
    for (let j = 0; j < n; j++) obj[j] -= row[j];
    obj[width - 1] -= row[width - 1];
  }
  const basis = new Int32Array(m);
  for (let i = 0; i < m; i++) basis[i] = n + i;
  simplex(rows, basis, obj, n);
  if (-obj[width - 1] > 1e-7 * Math.max(1, m)) return null;

  // Drive artificials still in the basis (at zero) out, or drop their row as redundant.
  const keep: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    if (basis[i] < n) {
      keep.push(i);
      continue;
    }
    let col = -1;
    for (let j = 0; j < n; j++) {
      if (Math.abs(rows[i][j]) > EPS) {
        col = j;
        break;
      }
    }
    if (col < 0) continue;
    pivot(rows, obj, i, col);
    basis[i] = col;
    keep.push(i);
  }
  const outRows = keep.map((i) => {
    const row = new Float64Array(n + 1);
    row.set(rows[i].subarray(0, n));
    row[n] = Math.max(0, rows[i][width - 1]);
    return row;
  });
  return { n, rows: outRows, basis: Int32Array.from(keep.map((i) => basis[i])), scale };
}

/** Phase 2 from a feasible basis: minimise c·x. The basis is not modified. */
export function minimize(fb: FeasibleBasis, c: ArrayLike<number>): LpResult {
  return new LpSession(fb).minimize(c);
}

/**
 * Several objectives over one region. Each `minimize` starts from the basis the previous one ended
 * in (still feasible, usually a few pivots from the next optimum) — the audit's min/max of every
 * suppressed cell then costs far fewer pivots than solving each LP from the phase-1 basis.
 */
export class LpSession {
  private readonly rows: Float64Array[];
  private readonly basis: Int32Array;
  private readonly n: number;
  private readonly scale: number;

  constructor(fb: FeasibleBasis) {
    this.n = fb.n;
    this.scale = fb.scale;
    this.rows = fb.rows.map((r) => Float64Array.from(r));
    this.basis = Int32Array.from(fb.basis);
  }

  /** Value of variable j at the current vertex (unscaled). */
  valueOf(j: number): number {
    for (let i = 0; i < this.basis.length; i++) if (this.basis[i] === j) return this.rows[i][this.n] * this.scale;
    return 0;
  }

  /**
   * Minimises c·x. With `stop`, returns as soon as the current vertex satisfies it (`early`); the
   * value is then that vertex's objective, an upper bound of the minimum.
   */
  minimize(c: ArrayLike<number>, stop?: () => boolean): LpResult & { early: boolean } {
    const { n, rows, basis } = this;
    const obj = new Float64Array(n + 1);
    for (let j = 0; j < n; j++) obj[j] = c[j];
    for (let i = 0; i < rows.length; i++) {
      const cb = c[basis[i]];
      if (cb === 0) continue;
      for (let j = 0; j <= n; j++) obj[j] -= cb * rows[i][j];
    }
    const status = simplex(rows, basis, obj, n, stop);
    if (status === 'unbounded') return { status, value: -Infinity, early: false };
    return { status: 'optimal', value: -obj[n] * this.scale, early: status === 'stopped' };
  }
}
