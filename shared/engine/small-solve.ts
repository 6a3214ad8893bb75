/**
 * Solves A·X = B for small dense systems (row-major, A m×m, B m×q) by Gaussian elimination with partial
 * pivoting. Used for the Rao–Scott design-effect matrix, whose size is (r−1)(c−1) — at most a few
 * hundred — so a textbook LU is exact enough and needs no library. Returns null when A is singular
 * to working precision: a pivot below `relTol` times the largest entry of A (then an answer would
 * only reflect rounding, e.g. a sparse table with many empty cells).
 */
export function solveDense(A: Float64Array, B: Float64Array, m: number, q: number, relTol = 1e-9): Float64Array | null {
  const a = A.slice();
  const x = B.slice();
  let scale = 0;
  for (let k = 0; k < a.length; k++) scale = Math.max(scale, Math.abs(a[k]));
  for (let col = 0; col < m; col++) {
    let piv = col;
    let best = Math.abs(a[col * m + col]);
    for (let r = col + 1; r < m; r++) {
      const v = Math.abs(a[r * m + col]);
      if (v > best) {
        best = v;
        piv = r;
      }
    }
    if (!(best > relTol * scale) || !Number.isFinite(best)) return null;
    if (piv !== col) {
      for (let j = 0; j < m; j++) [a[col * m + j], a[piv * m + j]] = [a[piv * m + j], a[col * m + j]];
      for (let j = 0; j < q; j++) [x[col * q + j], x[piv * q + j]] = [x[piv * q + j], x[col * q + j]];
    }
    const d = a[col * m + col];
    for (let r = col + 1; r < m; r++) {
      const f = a[r * m + col] / d;
      if (f === 0) continue;
      for (let j = col; j < m; j++) a[r * m + j] -= f * a[col * m + j];
      for (let j = 0; j < q; j++) x[r * q + j] -= f * x[col * q + j];
    }
  }
  for (let r = m - 1; r >= 0; r--) {
    const d = a[r * m + r];
    for (let j = 0; j < q; j++) {
      let s = x[r * q + j];
      for (let k = r + 1; k < m; k++) s -= a[r * m + k] * x[k * q + j];
      x[r * q + j] = s / d;
    }
  }
  return x;
}
