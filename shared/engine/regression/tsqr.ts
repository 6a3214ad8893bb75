/**
 * Streaming Householder QR of the weighted, shifted design augmented with the dependent, [√v X̃ | √v ỹ],
 * one chunk at a time: only the (k+1)×(k+1) triangle R is kept, so memory does not grow with n.
 *
 * Why QR and not the cross-product: R from Householder is the exact factor of a matrix within a few
 * ulps of each column of X̃ (columnwise backward stable), so R⁻¹R⁻ᵀ approximates (X̃'VX̃)⁻¹ to about
 * cond(X̃)·1e-16, where a Cholesky of the rounded cross-product only reaches cond(X̃)²·1e-16. That
 * difference is what lets refine.ts converge on Filip (cond ~1e10 after shifting).
 *
 * Each chunk update reflects the chunk's rows into R column by column: the reflector for column j
 * touches only row j of R and the chunk's rows (R is already upper triangular above them).
 */
import { CHUNK, type Columns, type Values, chunkBuffers, loadChunk } from './columns';
import { RegressionError } from './errors';

/**
 * A term counts as collinear when the part of its (shifted, weighted) column orthogonal to the earlier
 * terms is below this fraction of the column's norm. R's lm drops terms at 1e-7; that would refuse
 * NIST's Filip (its x¹⁰ keeps 6e-8), which is ill-conditioned, not singular, and which the refinement
 * solves to 7-8 correct digits. 1e-10 still rejects exact collinearity, where rounding leaves ~1e-15.
 */
export const COLLINEAR_RATIO = 1e-10;

export interface TriangularFactor {
  /** R, k×k row-major upper triangular, with R'R = X̃'VX̃ (up to rounding). */
  R: Float64Array;
  /** Least-squares solution in the shifted parameterisation (before refinement). */
  b: Float64Array;
  /** Smallest |R_jj| / ‖column j‖: the share of a column not explained by the earlier ones (1/√VIF-like). */
  minRatio: number;
  /** (R'R)⁻¹ g. */
  solve(g: Float64Array): Float64Array;
  /** (R'R)⁻¹, k×k row-major. */
  inverse(): Float64Array;
  /**
   * (X'VX)⁻¹ of the ORIGINAL columns, from their own triangular factor R T (X = X̃ T): that factor is R
   * with the intercept's row updated, R₀ⱼ + R₀₀ sⱼ, whose rounding is no larger than rounding the data.
   * Mapping (R'R)⁻¹ back instead (T⁻¹(R'R)⁻¹T⁻ᵀ) cancels in the intercept's variance, by the ratio of
   * the shifts to the spread (Wampler 3 and 5: two digits). The starting point that inverse.ts refines.
   * Null unless the intercept is the first term.
   */
  originalInverse(): Float64Array | null;
}

function collinear(terms: string[], j: number): RegressionError {
  return new RegressionError('collinear', { code: 'reg-collinear', term: terms[j] ?? String(j) });
}

/** Reflect one chunk (columns c[0..p), m rows) into the p×p triangle A (row-major). */
function absorbChunk(A: Float64Array, p: number, c: Float64Array[], m: number): void {
  for (let j = 0; j < p; j++) {
    const cj = c[j];
    let ss = 0;
    for (let i = 0; i < m; i++) ss += cj[i] * cj[i];
    if (ss === 0) continue;
    const t = A[j * p + j];
    const norm = Math.sqrt(t * t + ss);
    const alpha = t > 0 ? -norm : norm;
    const v0 = t - alpha;
    const vv = v0 * v0 + ss;
    for (let l = j + 1; l < p; l++) {
      const cl = c[l];
      let s = v0 * A[j * p + l];
      for (let i = 0; i < m; i++) s += cj[i] * cl[i];
      const f = (2 * s) / vv;
      A[j * p + l] -= f * v0;
      for (let i = 0; i < m; i++) cl[i] -= f * cj[i];
    }
    A[j * p + j] = alpha;
  }
}

export function streamingQR(cols: Columns, y: Values, yCentre: number, v: Float64Array | null, terms: string[]): TriangularFactor {
  const { n, k } = cols;
  const p = k + 1;
  const A = new Float64Array(p * p);
  const buf = chunkBuffers(k);
  const yb = new Float64Array(CHUNK);
  const c = [...buf, yb];
  for (let start = 0; start < n; start += CHUNK) {
    const m = Math.min(CHUNK, n - start);
    loadChunk(cols, start, m, buf);
    for (let i = 0; i < m; i++) yb[i] = y[start + i] - yCentre;
    if (v !== null) {
      for (let i = 0; i < m; i++) {
        const s = Math.sqrt(v[start + i]);
        for (let j = 0; j < p; j++) c[j][i] *= s;
      }
    }
    absorbChunk(A, p, c, m);
  }
  const R = new Float64Array(k * k);
  for (let r = 0; r < k; r++) for (let q = r; q < k; q++) R[r * k + q] = A[r * p + q];
  let minRatio = 1;
  for (let j = 0; j < k; j++) {
    // ‖column j‖² = Σ_{r≤j} R_rj² (orthogonal transformations keep column norms).
    let col = 0;
    for (let r = 0; r <= j; r++) col += R[r * k + j] * R[r * k + j];
    const d = Math.abs(R[j * k + j]);
    if (!(d > COLLINEAR_RATIO * Math.sqrt(col))) throw collinear(terms, j);
    minRatio = Math.min(minRatio, d / Math.sqrt(col));
  }
  const solve = (g: Float64Array): Float64Array => {
    // R'z = g, then R x = z.
    const z = Float64Array.from(g);
    for (let r = 0; r < k; r++) {
      for (let q = 0; q < r; q++) z[r] -= R[q * k + r] * z[q];
      z[r] /= R[r * k + r];
    }
    return backSolve(R, k, z);
  };
  const qty = new Float64Array(k);
  for (let r = 0; r < k; r++) qty[r] = A[r * p + k];
  const b = backSolve(R, k, qty);
  const originalInverse = (): Float64Array | null => {
    if (cols.x[0] !== null) return null;
    const Ro = Float64Array.from(R);
    for (let j = 1; j < k; j++) Ro[j] = R[j] + R[0] * cols.shift[j];
    return triangularInverse(Ro, k);
  };
  return { R, b, minRatio, solve, inverse: () => triangularInverse(R, k), originalInverse };
}

/** x with R x = z (R upper triangular). */
function backSolve(R: Float64Array, k: number, z: Float64Array): Float64Array {
  const x = Float64Array.from(z);
  for (let r = k - 1; r >= 0; r--) {
    for (let q = r + 1; q < k; q++) x[r] -= R[r * k + q] * x[q];
    x[r] /= R[r * k + r];
  }
  return x;
}

/** (R'R)⁻¹ = R⁻¹R⁻ᵀ. */
function triangularInverse(R: Float64Array, k: number): Float64Array {
  const Ri = new Float64Array(k * k);
  for (let c = 0; c < k; c++) {
    Ri[c * k + c] = 1 / R[c * k + c];
    for (let r = c - 1; r >= 0; r--) {
      let s = 0;
      for (let q = r + 1; q <= c; q++) s += R[r * k + q] * Ri[q * k + c];
      Ri[r * k + c] = -s / R[r * k + r];
    }
  }
  const out = new Float64Array(k * k);
  for (let r = 0; r < k; r++)
    for (let c = r; c < k; c++) {
      let s = 0;
      for (let q = c; q < k; q++) s += Ri[r * k + q] * Ri[c * k + q];
      out[r * k + c] = s;
      out[c * k + r] = s;
    }
  return out;
}
