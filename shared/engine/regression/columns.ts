/**
 * Design columns as the fitting kernels see them: shifted by a provisional centre and read in chunks.
 *
 * Why shift: cross-products of raw columns carry the squared means (x̄² n), which swamp the variation
 * for data like years or incomes and cost digits in every normal-equation solve. Subtracting any value
 * near the mean removes that; the mean of the first rows is close enough and costs no extra pass.
 * Results are mapped back to the original parameterisation with `unshift` (exact linear algebra).
 *
 * Why chunks: the kernels copy CHUNK rows of every column into small buffers, then run tight
 * column-pair loops that stay in cache; one pass over 10M rows reads each column once.
 */
import type { NumericStorage } from '../../model/dataset';
import { matMul } from './linalg';

/** A per-case data vector as stored (any numeric storage without missing values, or 0/1 bytes). */
export type Values = NumericStorage | Uint8Array;

export const CHUNK = 2048;

export interface Columns {
  /** null is the intercept (constant 1, never shifted). */
  x: (Values | null)[];
  shift: Float64Array;
  n: number;
  k: number;
}

/** Mean of the first rows of a column: a centre good enough to remove its level from cross-products. */
function provisionalCentre(c: Values, n: number): number {
  const m = Math.min(n, 1024);
  let s = 0;
  for (let i = 0; i < m; i++) s += c[i];
  return m > 0 ? s / m : 0;
}

/** Shift columns only when the model has an intercept to absorb it. */
export function makeColumns(x: (Values | null)[], n: number): Columns {
  const hasIntercept = x.some((c) => c === null);
  const shift = new Float64Array(x.length);
  if (hasIntercept) x.forEach((c, j) => (shift[j] = c === null ? 0 : provisionalCentre(c, n)));
  return { x, shift, n, k: x.length };
}

export function centreOf(y: Values, n: number, cols: Columns): number {
  return cols.x.some((c) => c === null) ? provisionalCentre(y, n) : 0;
}

export function chunkBuffers(k: number): Float64Array[] {
  return Array.from({ length: k }, () => new Float64Array(CHUNK));
}

/** buf[j][0..m) = x_j[start..start+m) - shift_j (1 for the intercept). */
export function loadChunk(cols: Columns, start: number, m: number, buf: Float64Array[]): void {
  for (let j = 0; j < cols.k; j++) {
    const src = cols.x[j];
    const dst = buf[j];
    if (src === null) {
      dst.fill(1, 0, m);
      continue;
    }
    const s = cols.shift[j];
    for (let i = 0; i < m; i++) dst[i] = src[start + i] - s;
  }
}

/** Σ_i a_i b_i over [0, m) with four accumulators (breaks the add-latency chain). */
export function dot(a: Float64Array, b: Float64Array, m: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < m; i += 4) {
    s0 += a[i] * b[i];
    s1 += a[i + 1] * b[i + 1];
    s2 += a[i + 2] * b[i + 2];
    s3 += a[i + 3] * b[i + 3];
  }
  for (; i < m; i++) s0 += a[i] * b[i];
  return s0 + s1 + s2 + s3;
}

/**
 * M += Σ_i v_i z_i z_i' over a loaded chunk (upper triangle, k×k row-major); `tmp` is scratch.
 * v = null means unit weights.
 */
export function addCross(buf: Float64Array[], v: Float64Array | null, m: number, M: Float64Array, k: number, tmp: Float64Array): void {
  for (let j = 0; j < k; j++) {
    const bj = buf[j];
    let src = bj;
    if (v !== null) {
      for (let i = 0; i < m; i++) tmp[i] = v[i] * bj[i];
      src = tmp;
    }
    for (let l = j; l < k; l++) M[j * k + l] += dot(src, buf[l], m);
  }
}

/** g += Σ_i r_i z_i over a loaded chunk. */
export function addVec(buf: Float64Array[], r: Float64Array, m: number, g: Float64Array, k: number): void {
  for (let j = 0; j < k; j++) g[j] += dot(r, buf[j], m);
}

/** Fill the lower triangle from the upper one. */
export function symmetrize(M: Float64Array, k: number): void {
  for (let j = 0; j < k; j++) for (let l = j + 1; l < k; l++) M[l * k + j] = M[j * k + l];
}

/** η_i = Σ_j z_ij b_j for a loaded chunk. */
export function linearPredictor(buf: Float64Array[], b: Float64Array, m: number, k: number, out: Float64Array): void {
  out.fill(0, 0, m);
  for (let j = 0; j < k; j++) {
    const bj = buf[j];
    const c = b[j];
    for (let i = 0; i < m; i++) out[i] += bj[i] * c;
  }
}

/**
 * Map coefficients and their covariance from the shifted parameterisation back to the original one:
 * X = X̃ T with T = I plus the shifts in the intercept row, so b = T⁻¹b̃ (+ the dependent's centre on
 * the intercept) and V = T⁻¹ Ṽ T⁻ᵀ.
 */
export function unshift(cols: Columns, b: Float64Array, V: Float64Array, yCentre: number): { b: Float64Array; V: Float64Array } {
  return { b: unshiftCoefficients(cols, b, yCentre), V: unshiftCovariance(cols, V) };
}

function inverseShift(cols: Columns, i0: number): Float64Array {
  const k = cols.k;
  const T = new Float64Array(k * k);
  for (let j = 0; j < k; j++) T[j * k + j] = 1;
  for (let j = 0; j < k; j++) if (j !== i0) T[i0 * k + j] = -cols.shift[j];
  return T;
}

export function unshiftCoefficients(cols: Columns, b: Float64Array, yCentre: number): Float64Array {
  const i0 = cols.x.indexOf(null);
  if (i0 < 0) return Float64Array.from(b);
  const bo = Float64Array.from(b);
  let s = b[i0] + yCentre;
  for (let j = 0; j < cols.k; j++) if (j !== i0) s -= cols.shift[j] * b[j];
  bo[i0] = s;
  return bo;
}

export function unshiftCovariance(cols: Columns, V: Float64Array): Float64Array {
  const i0 = cols.x.indexOf(null);
  if (i0 < 0) return V;
  const T = inverseShift(cols, i0);
  return matMul(matMul(T, V, cols.k), T, cols.k, true);
}
