/**
 * Weighted least squares: min Σ v_i (y_i - x_i b)², in the shifted parameterisation of columns.ts.
 *
 * Two solvers, chosen by size (or forced, so tests cover both):
 * - 'qr' (n ≤ QR_MAX_ROWS): Householder QR of the √v-scaled shifted design, then iterative refinement
 *   with residuals accumulated in double-double. This is what reaches the NIST StRD certified digits
 *   (Longley, Wampler 1–2), where even R's lm loses some.
 * - 'normal' (large n): one streaming pass accumulating the shifted cross-products, a Jacobi-scaled
 *   Cholesky solve, then refinement passes b += (X̃'VX̃)⁻¹ X̃'V e with residuals recomputed from the data.
 *   Shifting removes the level of each column; refinement restores the digits the cross-product lost
 *   (it converges when cond(X̃)² · 1e-16 < 1), so only extreme collinearity at 10M rows is out of reach.
 */
import { residualDD } from '../dist/double-double';
import {
  CHUNK,
  type Columns,
  type Values,
  addCross,
  addVec,
  centreOf,
  chunkBuffers,
  linearPredictor,
  loadChunk,
  symmetrize,
} from './columns';
import { cholesky, householder } from './linalg';
import { RegressionError } from './errors';

export const QR_MAX_ROWS = 100_000;
const QR_FALLBACK_CELLS = 20_000_000;

export type Solver = 'qr' | 'normal' | 'auto';

export interface LsFit {
  /** Coefficients in the shifted parameterisation (see columns.unshift). */
  b: Float64Array;
  /** (X̃'VX̃)⁻¹, k×k row-major. */
  inv: Float64Array;
  /** Residuals y - Xb per used case (computed on first use by the streaming solver). */
  residuals(): Float64Array;
  /** Σ v e². */
  rss: number;
  /** Centre subtracted from y (goes back onto the intercept). */
  yCentre: number;
  solver: 'qr' | 'normal';
}

export function leastSquares(cols: Columns, y: Values, v: Float64Array | null, terms: string[], solver: Solver = 'auto'): LsFit {
  if (cols.n <= cols.k) throw new RegressionError('too-few-cases', `Te weinig geldige gevallen (${cols.n}) voor ${cols.k} termen`);
  const use = solver === 'auto' ? (cols.n <= QR_MAX_ROWS ? 'qr' : 'normal') : solver;
  const yc = centreOf(y, cols.n, cols);
  return use === 'qr' ? viaQR(cols, y, yc, v, terms) : viaNormal(cols, y, yc, v, terms);
}

/** Shifted column j as a dense array (the intercept as ones). */
function shiftedColumn(cols: Columns, j: number): Float64Array {
  const n = cols.n;
  const src = cols.x[j];
  const out = new Float64Array(n);
  if (src === null) out.fill(1);
  else for (let i = 0; i < n; i++) out[i] = src[i] - cols.shift[j];
  return out;
}

function viaQR(cols: Columns, y: Values, yc: number, v: Float64Array | null, terms: string[]): LsFit {
  const { n, k } = cols;
  const xs = Array.from({ length: k }, (_, j) => shiftedColumn(cols, j));
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) ys[i] = y[i] - yc;
  const sv = new Float64Array(n);
  for (let i = 0; i < n; i++) sv[i] = v === null ? 1 : Math.sqrt(v[i]);
  const a = xs.map((c) => c.map((val, i) => val * sv[i]));
  const qr = householder(a, n, terms);
  const b = qr.solve(ys.map((val, i) => val * sv[i]));
  const e = new Float64Array(n);
  const rw = new Float64Array(n);
  for (let iter = 0; iter < 4; iter++) {
    // Residuals in double-double: the refinement step is only as good as these.
    for (let i = 0; i < n; i++) {
      e[i] = residualDD(ys[i], xs, i, b);
      rw[i] = e[i] * sv[i];
    }
    if (applyStep(b, qr.solve(rw)) < 1e-16) break;
  }
  let rss = 0;
  for (let i = 0; i < n; i++) {
    e[i] = residualDD(ys[i], xs, i, b);
    rss += (v === null ? 1 : v[i]) * e[i] * e[i];
  }
  return { b, inv: qr.inverse(), residuals: () => e, rss, yCentre: yc, solver: 'qr' };
}

function viaNormal(cols: Columns, y: Values, yc: number, v: Float64Array | null, terms: string[]): LsFit {
  const { n, k } = cols;
  const buf = chunkBuffers(k);
  const tmp = new Float64Array(CHUNK);
  const r = new Float64Array(CHUNK);
  const M = new Float64Array(k * k);
  const g = new Float64Array(k);
  let syy = 0;
  for (let start = 0; start < n; start += CHUNK) {
    const m = Math.min(CHUNK, n - start);
    loadChunk(cols, start, m, buf);
    const vc = v === null ? null : v.subarray(start, start + m);
    addCross(buf, vc, m, M, k, tmp);
    for (let i = 0; i < m; i++) r[i] = (y[start + i] - yc) * (vc === null ? 1 : vc[i]);
    addVec(buf, r, m, g, k);
    for (let i = 0; i < m; i++) {
      const d = y[start + i] - yc;
      syy += (vc === null ? 1 : vc[i]) * d * d;
    }
  }
  symmetrize(M, k);
  const chol = cholesky(M, k, terms);
  const b = chol.solve(g);
  // Well-conditioned and not a near-perfect fit: the one-pass solution is already accurate to ~1e-13
  // (error ≲ cond · 1e-16; the smallest scaled pivot under-reports cond, hence the high bar: Longley,
  // pivot 1.3e-3, keeps only 12 digits this way) and RSS = ỹ'Vỹ - b'g loses < 4 digits. So the
  // refinement passes are skipped and residuals are computed only if a robust variance asks for them.
  const rssFast = syy - b.reduce((acc, bj, j) => acc + bj * g[j], 0);
  if (chol.minPivot > 0.05 && rssFast > 1e-4 * syy) {
    let e: Float64Array | null = null;
    const residuals = (): Float64Array => (e ??= residualPass(cols, y, yc, v, b, new Float64Array(k)).e);
    return { b, inv: chol.inverse, residuals, rss: rssFast, yCentre: yc, solver: 'normal' };
  }
  // Beyond cond ~1e8 refinement of normal equations stops converging; QR is exact enough but needs
  // 2k+4 n-vectors, so it is taken only while that fits comfortably.
  if (chol.minPivot < 1e-8 && n * k <= QR_FALLBACK_CELLS) return viaQR(cols, y, yc, v, terms);
  let e: Float64Array = new Float64Array(n);
  let rss = 0;
  for (let iter = 0; iter < 3; iter++) {
    const g2 = new Float64Array(k);
    const pass = residualPass(cols, y, yc, v, b, g2);
    e = pass.e;
    rss = pass.rss;
    // Residuals stay those of the previous b; a relative change this small moves them by less than 1e-12.
    if (applyStep(b, chol.solve(g2)) < 1e-12) break;
  }
  return { b, inv: chol.inverse, residuals: () => e, rss, yCentre: yc, solver: 'normal' };
}

/** b += delta; returns the largest relative change. */
function applyStep(b: Float64Array, delta: Float64Array): number {
  let change = 0;
  for (let j = 0; j < b.length; j++) {
    b[j] += delta[j];
    change = Math.max(change, Math.abs(delta[j]) / (Math.abs(b[j]) + 1e-300));
  }
  return change;
}

/** e = ỹ - X̃b for every case, with Σ v e² and g += X̃'V e (the refinement right-hand side). */
function residualPass(cols: Columns, y: Values, yc: number, v: Float64Array | null, b: Float64Array, g: Float64Array): { e: Float64Array; rss: number } {
  const { n, k } = cols;
  const buf = chunkBuffers(k);
  const eta = new Float64Array(CHUNK);
  const r = new Float64Array(CHUNK);
  const e = new Float64Array(n);
  let rss = 0;
  for (let start = 0; start < n; start += CHUNK) {
    const m = Math.min(CHUNK, n - start);
    loadChunk(cols, start, m, buf);
    linearPredictor(buf, b, m, k, eta);
    for (let i = 0; i < m; i++) {
      const ei = y[start + i] - yc - eta[i];
      e[start + i] = ei;
      const vi = v === null ? 1 : v[start + i];
      r[i] = vi * ei;
      rss += vi * ei * ei;
    }
    addVec(buf, r, m, g, k);
  }
  return { e, rss };
}
