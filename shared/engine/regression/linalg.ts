/**
 * Small dense linear algebra for k×k systems (k = number of terms): a Jacobi-scaled Cholesky of a
 * cross-product matrix (the QR of the data is in tsqr.ts). The Cholesky reports breakdown at R's lm
 * tolerance (|R_jj| < 1e-7 relative to the column's norm, i.e. 1e-14 on the scaled pivot); the OLS
 * solver then lets QR decide whether the terms are really collinear (tsqr.ts COLLINEAR_RATIO).
 */
import { RegressionError } from './errors';

const PIVOT_TOL = 1e-14;

function collinear(terms: string[], j: number): RegressionError {
  return new RegressionError('collinear', { code: 'reg-collinear', term: terms[j] ?? String(j) });
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
