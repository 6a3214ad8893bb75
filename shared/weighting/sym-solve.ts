/**
 * Solves A·x = b for the small symmetric positive semi-definite systems of calibration (one row per
 * parameter: an intercept plus each margin's categories but the first). A Jacobi-scaled Cholesky
 * answers the usual full-rank case; when it breaks down (a category whose cells all sit at a bound adds
 * nothing to A) the answer is the minimum-norm solution through the pseudo-inverse from a cyclic Jacobi
 * eigendecomposition, dropping eigenvalues below 256·ε times the largest, as R `survey:::grake` does
 * with `MASS::ginv(tol = 256 * .Machine$double.eps)`.
 */
const PIVOT = 1e-12;
const EPS = 2.220446049250313e-16;

function cholesky(A: Float64Array, b: Float64Array, p: number): Float64Array | null {
  const d = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const v = A[j * p + j];
    if (!(v > 0)) return null;
    d[j] = 1 / Math.sqrt(v);
  }
  const L = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    for (let i = j; i < p; i++) {
      let s = A[i * p + j] * d[i] * d[j];
      for (let k = 0; k < j; k++) s -= L[i * p + k] * L[j * p + k];
      if (i === j) {
        if (!(s > PIVOT)) return null;
        L[j * p + j] = Math.sqrt(s);
      } else L[i * p + j] = s / L[j * p + j];
    }
  }
  const y = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = b[i] * d[i];
    for (let k = 0; k < i; k++) s -= L[i * p + k] * y[k];
    y[i] = s / L[i * p + i];
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < p; k++) s -= L[k * p + i] * x[k];
    x[i] = s / L[i * p + i];
  }
  for (let i = 0; i < p; i++) x[i] *= d[i];
  return x;
}

/** Eigenvalues and eigenvectors (columns of V) of a symmetric matrix by cyclic Jacobi rotations. */
export function symmetricEigen(A: Float64Array, p: number): { values: Float64Array; vectors: Float64Array } {
  const a = A.slice();
  const V = new Float64Array(p * p);
  for (let i = 0; i < p; i++) V[i * p + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let diag = 0;
    for (let i = 0; i < p; i++) {
      diag += a[i * p + i] ** 2;
      for (let j = i + 1; j < p; j++) off += a[i * p + j] ** 2;
    }
    if (off <= 1e-32 * diag || off === 0) break;
    for (let r = 0; r < p - 1; r++) {
      for (let q = r + 1; q < p; q++) {
        const arq = a[r * p + q];
        if (arq === 0) continue;
        const theta = (a[q * p + q] - a[r * p + r]) / (2 * arq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < p; k++) {
          const akr = a[k * p + r];
          const akq = a[k * p + q];
          a[k * p + r] = c * akr - s * akq;
          a[k * p + q] = s * akr + c * akq;
        }
        for (let k = 0; k < p; k++) {
          const ark = a[r * p + k];
          const aqk = a[q * p + k];
          a[r * p + k] = c * ark - s * aqk;
          a[q * p + k] = s * ark + c * aqk;
        }
        for (let k = 0; k < p; k++) {
          const vkr = V[k * p + r];
          const vkq = V[k * p + q];
          V[k * p + r] = c * vkr - s * vkq;
          V[k * p + q] = s * vkr + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(p);
  for (let i = 0; i < p; i++) values[i] = a[i * p + i];
  return { values, vectors: V };
}

function pseudoInverseSolve(A: Float64Array, b: Float64Array, p: number): Float64Array {
  const { values, vectors: V } = symmetricEigen(A, p);
  let top = 0;
  for (const v of values) top = Math.max(top, Math.abs(v));
  const x = new Float64Array(p);
  for (let k = 0; k < p; k++) {
    if (!(Math.abs(values[k]) > 256 * EPS * top)) continue;
    let proj = 0;
    for (let i = 0; i < p; i++) proj += V[i * p + k] * b[i];
    proj /= values[k];
    for (let i = 0; i < p; i++) x[i] += V[i * p + k] * proj;
  }
  return x;
}

export function solveSymmetric(A: Float64Array, b: Float64Array, p: number): Float64Array {
  return cholesky(A, b, p) ?? pseudoInverseSolve(A, b, p);
}
