/**
 * Small dense linear algebra for k×k systems (k = number of terms): a Jacobi-scaled Cholesky of a
 * cross-product matrix, and a Householder QR for the small-n path. Collinearity is reported with the
 * tolerance R's lm uses (|R_jj| < 1e-7 relative to the column's norm, i.e. 1e-14 on the scaled pivot).
 */
import { RegressionError } from './errors';

const PIVOT_TOL = 1e-14;

function collinear(terms: string[], j: number): RegressionError {
  return new RegressionError(
    'collinear',
    `Term ${terms[j] ?? j} is (bijna) een lineaire combinatie van de andere termen of constant`,
  );
}

export interface SymFactor {
  /** Smallest squared pivot of the scaled factor (≈ 1/condition number of D M D). */
  minPivot: number;
  /** M⁻¹, k×k row-major. */
  inverse: Float64Array;
  solve(g: Float64Array): Float64Array;
}

/** Cholesky of D M D with D = diag(M)^-½ (full symmetric k×k row-major M). */
export function cholesky(M: Float64Array, k: number, terms: string[]): SymFactor {
  const d = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const v = M[j * k + j];
    if (!(v > 0)) throw collinear(terms, j);
    d[j] = 1 / Math.sqrt(v);
  }
  const L = new Float64Array(k * k);
  let minPivot = Infinity;
  for (let j = 0; j < k; j++) {
    for (let i = j; i < k; i++) {
      let s = M[i * k + j] * d[i] * d[j];
      for (let q = 0; q < j; q++) s -= L[i * k + q] * L[j * k + q];
      if (i === j) {
        if (!(s > PIVOT_TOL)) throw collinear(terms, j);
        minPivot = Math.min(minPivot, s);
        L[j * k + j] = Math.sqrt(s);
      } else L[i * k + j] = s / L[j * k + j];
    }
  }
  const solveScaled = (rhs: Float64Array): Float64Array => {
    const z = Float64Array.from(rhs);
    for (let i = 0; i < k; i++) {
      for (let q = 0; q < i; q++) z[i] -= L[i * k + q] * z[q];
      z[i] /= L[i * k + i];
    }
    for (let i = k - 1; i >= 0; i--) {
      for (let q = i + 1; q < k; q++) z[i] -= L[q * k + i] * z[q];
      z[i] /= L[i * k + i];
    }
    return z;
  };
  const solve = (g: Float64Array): Float64Array => {
    const s = solveScaled(g.map((v, j) => v * d[j]));
    return s.map((v, j) => v * d[j]);
  };
  const inverse = new Float64Array(k * k);
  for (let c = 0; c < k; c++) {
    const e = new Float64Array(k);
    e[c] = 1;
    const col = solve(e);
    for (let r = 0; r < k; r++) inverse[r * k + c] = col[r];
  }
  return { minPivot, inverse, solve };
}

export interface QR {
  /** Least-squares solution of A b ≈ rhs. */
  solve(rhs: Float64Array): Float64Array;
  /** (A'A)⁻¹ = R⁻¹R⁻ᵀ, k×k row-major. */
  inverse(): Float64Array;
}

/** Householder QR of the n×k matrix given as k columns (overwritten). */
export function householder(a: Float64Array[], n: number, terms: string[]): QR {
  const k = a.length;
  const rdiag = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    const cj = a[j];
    let orig = 0;
    for (let i = 0; i < n; i++) orig = Math.hypot(orig, cj[i]);
    let norm = 0;
    for (let i = j; i < n; i++) norm = Math.hypot(norm, cj[i]);
    if (!(norm > 1e-7 * orig) || orig === 0) throw collinear(terms, j);
    const alpha = cj[j] > 0 ? -norm : norm;
    // v = x - alpha e_j stored in place; H = I - 2vv'/v'v.
    cj[j] -= alpha;
    let vv = 0;
    for (let i = j; i < n; i++) vv += cj[i] * cj[i];
    for (let l = j + 1; l < k; l++) reflect(cj, a[l], j, n, vv);
    rdiag[j] = alpha;
  }
  const R = (r: number, c: number): number => (r === c ? rdiag[r] : a[c][r]);
  const vnorm2 = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    let s = 0;
    for (let i = j; i < n; i++) s += a[j][i] * a[j][i];
    vnorm2[j] = s;
  }
  const solve = (rhs: Float64Array): Float64Array => {
    const q = Float64Array.from(rhs);
    for (let j = 0; j < k; j++) reflect(a[j], q, j, n, vnorm2[j]);
    const b = new Float64Array(k);
    for (let r = k - 1; r >= 0; r--) {
      let s = q[r];
      for (let c = r + 1; c < k; c++) s -= R(r, c) * b[c];
      b[r] = s / R(r, r);
    }
    return b;
  };
  const inverse = (): Float64Array => {
    // Rinv upper triangular, then Rinv Rinvᵀ.
    const Ri = new Float64Array(k * k);
    for (let c = 0; c < k; c++) {
      Ri[c * k + c] = 1 / R(c, c);
      for (let r = c - 1; r >= 0; r--) {
        let s = 0;
        for (let q = r + 1; q <= c; q++) s += R(r, q) * Ri[q * k + c];
        Ri[r * k + c] = -s / R(r, r);
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
  };
  return { solve, inverse };
}

/** y ← (I - 2vv'/v'v) y with v = col[j..n). */
function reflect(v: Float64Array, y: Float64Array, j: number, n: number, vv: number): void {
  if (vv === 0) return;
  let s = 0;
  for (let i = j; i < n; i++) s += v[i] * y[i];
  const f = (2 * s) / vv;
  for (let i = j; i < n; i++) y[i] -= f * v[i];
}

/** A B for k×k row-major matrices; with `transposeB`, A Bᵀ. */
export function matMul(A: Float64Array, B: Float64Array, k: number, transposeB = false): Float64Array {
  const out = new Float64Array(k * k);
  for (let r = 0; r < k; r++)
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let q = 0; q < k; q++) s += A[r * k + q] * (transposeB ? B[c * k + q] : B[q * k + c]);
      out[r * k + c] = s;
    }
  return out;
}
