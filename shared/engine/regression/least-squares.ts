/**
 * Weighted least squares: min Σ v_i (y_i - x_i b)², in the shifted parameterisation of columns.ts.
 *
 * Two solvers, chosen by size (or forced, so tests cover both):
 * - 'qr' (n ≤ QR_MAX_ROWS): streaming Householder QR of the √v-scaled shifted design (tsqr.ts), then
 *   iterative refinement against the stored data with residuals and gradient in double-double
 *   (refine.ts); classical SEs from an inverse refined the same way (inverse.ts). This reaches the
 *   NIST StRD certified digits, Filip included, where R's lm refuses Filip as collinear. Memory is
 *   O(k²) plus the residuals when a robust variance asks for them.
 * - 'normal' (large n): one streaming pass accumulating the shifted cross-products, a Jacobi-scaled
 *   Cholesky solve, then refinement passes b += (X̃'VX̃)⁻¹ X̃'V e with residuals recomputed from the data.
 *   Shifting removes the level of each column; refinement restores the digits the cross-product lost
 *   (it converges when cond(X̃)² · 1e-16 < 1). When ill-conditioned (smallest scaled pivot < 1e-4,
 *   or a Cholesky that breaks down) the QR solver takes over, at any n: it streams too.
 */
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
  unshiftCoefficients,
  unshiftCovariance,
} from './columns';
import { RegressionError } from './errors';
import { cholesky } from './linalg';
import { refinedInverse } from './inverse';
import { exactResiduals, explainedSS, refine } from './refine';
import { type Leverage, LeverageAccumulator } from './leverage';
import type { DiagnosticsRequest } from './diagnostics';
import { streamingQR } from './tsqr';

export const QR_MAX_ROWS = 100_000;
const QR_BELOW_PIVOT = 1e-4;
const REFINE_INVERSE_BELOW = 1e-2;

export type Solver = 'qr' | 'normal' | 'auto';

export interface LsFit {
  /** Coefficients in the ORIGINAL parameterisation (intercept includes the shifts and y's centre). */
  b: Float64Array;
  /** (X̃'VX̃)⁻¹ in the shifted parameterisation, k×k row-major (map with columns.unshiftCovariance). */
  inv: Float64Array;
  /** (X'VX)⁻¹ of the original columns, refined to the data's limit (QR solver only), else null. */
  originalInverse(): Float64Array | null;
  /** Explained sum of squares Σ v (ŷ - ȳ)² computed directly (QR solver only), else null. */
  explainedSS(): number | null;
  /** Residuals y - Xb per used case (computed on first use). */
  residuals(): Float64Array;
  /** Σ v e². */
  rss: number;
  solver: 'qr' | 'normal';
  /** Hat values, computed in the pass that computes the residuals, when asked for (else null). */
  leverage: Leverage | null;
}

export function leastSquares(
  cols: Columns,
  y: Values,
  v: Float64Array | null,
  terms: string[],
  solver: Solver = 'auto',
  leverage: DiagnosticsRequest | null = null,
): LsFit {
  if (cols.n <= cols.k) throw new RegressionError('too-few-cases', { code: 'reg-too-few-cases', n: cols.n, k: cols.k });
  const use = solver === 'auto' ? (cols.n <= QR_MAX_ROWS ? 'qr' : 'normal') : solver;
  const yc = centreOf(y, cols.n, cols);
  return use === 'qr' ? viaQR(cols, y, yc, v, terms, leverage) : viaNormal(cols, y, yc, v, terms, leverage);
}

function viaQR(cols: Columns, y: Values, yc: number, v: Float64Array | null, terms: string[], leverage: DiagnosticsRequest | null): LsFit {
  const f = streamingQR(cols, y, yc, v, terms);
  const b = unshiftCoefficients(cols, f.b, yc);
  const k = cols.k;
  const norms = new Float64Array(k);
  for (let j = 0; j < k; j++) for (let r = 0; r <= j; r++) norms[j] = Math.hypot(norms[j], f.R[r * k + j]);
  const rss = refine(cols, y, v, b, f.solve, norms);
  let e: Float64Array | null = null;
  let lev: Leverage | null = null;
  if (leverage) {
    const acc = new LeverageAccumulator(cols, f.inverse(), terms, leverage.keepAll);
    e = exactResiduals(cols, y, b, (i) => acc.case(i, v === null ? 1 : v[i]));
    lev = acc.result();
  }
  return {
    b,
    inv: f.inverse(),
    originalInverse: () => {
      const z = f.originalInverse() ?? unshiftCovariance(cols, f.inverse());
      // Well-conditioned: R's inverse already has ~14 digits, and refining costs k²/2 double-double
      // products per case (most of a 100,000 × 30 fit). Refine where the conditioning eats digits.
      return f.minRatio < REFINE_INVERSE_BELOW ? refinedInverse(cols, v, z) : z;
    },
    explainedSS: () => (cols.x.includes(null) ? explainedSS(cols, y, v, b) : null),
    residuals: () => (e ??= exactResiduals(cols, y, b)),
    rss,
    solver: 'qr',
    leverage: lev,
  };
}

function viaNormal(cols: Columns, y: Values, yc: number, v: Float64Array | null, terms: string[], leverage: DiagnosticsRequest | null): LsFit {
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
  let chol: ReturnType<typeof cholesky>;
  try {
    chol = cholesky(M, k, terms);
  } catch (err) {
    // The cross-product cannot tell collinear from merely very ill-conditioned; QR on the data can.
    if (err instanceof RegressionError && err.reason === 'collinear') return viaQR(cols, y, yc, v, terms, leverage);
    throw err;
  }
  const b = chol.solve(g);
  // Well-conditioned and not a near-perfect fit: the one-pass solution is already accurate to ~1e-13
  // (error ≲ cond · 1e-16; the smallest scaled pivot under-reports cond, hence the high bar: Longley,
  // pivot 1.3e-3, keeps only 12 digits this way) and RSS = ỹ'Vỹ - b'g loses < 4 digits. So the
  // refinement passes are skipped and residuals are computed only if a robust variance asks for them.
  const rssFast = syy - b.reduce((acc, bj, j) => acc + bj * g[j], 0);
  const accumulator = () => (leverage ? new LeverageAccumulator(cols, chol.inverse, terms, leverage.keepAll) : null);
  if (chol.minPivot > 0.05 && rssFast > 1e-4 * syy) {
    let e: Float64Array | null = null;
    let lev: Leverage | null = null;
    const acc = accumulator();
    if (acc) {
      e = residualPass(cols, y, yc, v, b, new Float64Array(k), acc).e;
      lev = acc.result();
    }
    const residuals = (): Float64Array => (e ??= residualPass(cols, y, yc, v, b, new Float64Array(k)).e);
    return {
      b: unshiftCoefficients(cols, b, yc),
      inv: chol.inverse,
      originalInverse: () => null,
      explainedSS: () => null,
      residuals,
      rss: rssFast,
      solver: 'normal',
      leverage: lev,
    };
  }
  // Refinement with a Cholesky factor and a rounded right-hand side stops at ~cond² · 1e-16 · ‖e‖/‖Xb‖
  // (and stops converging near cond ~1e8): below this pivot (cond² ≳ 1e4) the QR solver, which streams
  // as well and refines in double-double, is the one that keeps every digit.
  if (chol.minPivot < QR_BELOW_PIVOT) return viaQR(cols, y, yc, v, terms, leverage);
  let e: Float64Array = new Float64Array(n);
  let rss = 0;
  // Hat values do not depend on b: the first residual pass computes them.
  const acc = accumulator();
  for (let iter = 0; iter < 3; iter++) {
    const g2 = new Float64Array(k);
    const pass = residualPass(cols, y, yc, v, b, g2, iter === 0 ? acc : null);
    e = pass.e;
    rss = pass.rss;
    // Residuals stay those of the previous b; a relative change this small moves them by less than 1e-12.
    if (applyStep(b, chol.solve(g2)) < 1e-12) break;
  }
  return {
    b: unshiftCoefficients(cols, b, yc),
    inv: chol.inverse,
    originalInverse: () => null,
    explainedSS: () => null,
    residuals: () => e,
    rss,
    solver: 'normal',
    leverage: acc ? acc.result() : null,
  };
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

/** e = ỹ - X̃b for every case, with Σ v e² and g += X̃'V e (the refinement right-hand side); hat values into `acc`. */
function residualPass(
  cols: Columns,
  y: Values,
  yc: number,
  v: Float64Array | null,
  b: Float64Array,
  g: Float64Array,
  acc: LeverageAccumulator | null = null,
): { e: Float64Array; rss: number } {
  const { n, k } = cols;
  const buf = chunkBuffers(k);
  const eta = new Float64Array(CHUNK);
  const r = new Float64Array(CHUNK);
  const e = new Float64Array(n);
  let rss = 0;
  for (let start = 0; start < n; start += CHUNK) {
    const m = Math.min(CHUNK, n - start);
    loadChunk(cols, start, m, buf);
    acc?.chunk(buf, start, m, v === null ? null : v.subarray(start, start + m));
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
