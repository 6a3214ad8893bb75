/**
 * Binary logistic regression by Newton–Raphson (= IRLS for the canonical logit link), streaming over
 * the data in chunks (columns.ts) so 10M cases need no n×k matrix.
 *
 * Accuracy: the iteration's fixed point is the root of the score X'w(y - p), which each pass computes
 * directly from the data, so a normal-equation Hessian only affects the speed of convergence, not the
 * estimate. We iterate until the next step is negligible (see newton) and take the covariance from
 * the last pass (R's glm stops at a deviance change of 1e-8; the oracle tightens it).
 *
 * The dependent must have exactly two valid values; the higher is modelled (as SPSS LOGISTIC REGRESSION).
 * Perfect or quasi-complete separation and non-convergence are errors, not silent estimates.
 */
import type { RegressionResult } from '../../model/results';
import { CHUNK, addCross, addVec, chunkBuffers, linearPredictor, loadChunk, makeColumns, symmetrize, unshift, type Columns, type Values } from './columns';
import type { Design } from './design';
import { RegressionError } from './errors';
import { coefficientTable, sum } from './infer';
import { cholesky } from './linalg';
import { variance, type SeChoice } from './variance';
import { diagnosticsOf, type DiagnosticsRequest } from './diagnostics';
import { type Leverage, LeverageAccumulator } from './leverage';

const MAX_ITER = 60;

export interface LogitOptions {
  se: SeChoice;
  /** Compute the diagnostics the output rules need (hat values in the scores pass). */
  diagnostics?: DiagnosticsRequest | null;
}

/** Recode the dependent to 0/1 (1 = the higher of its two values). */
export function binaryOutcome(y: Values, n: number, name: string): { y01: Uint8Array; values: [number, number] } {
  const lo = y[0];
  let hi = lo;
  for (let i = 0; i < n; i++) {
    const v = y[i];
    if (v !== lo && v !== hi) {
      if (hi === lo) hi = v;
      else throw new RegressionError('bad-dependent', { code: 'reg-dependent-values', name, many: true });
    }
  }
  if (hi === lo) throw new RegressionError('bad-dependent', { code: 'reg-dependent-values', name, many: false });
  const top = Math.max(lo, hi);
  const y01 = new Uint8Array(n);
  for (let i = 0; i < n; i++) y01[i] = y[i] === top ? 1 : 0;
  return { y01, values: [Math.min(lo, hi), top] };
}

interface Pass {
  M: Float64Array;
  g: Float64Array;
  loglik: number;
  maxAbsEta: number;
}

/** One pass at b: Hessian Σ w p(1-p) xx', score Σ w (y-p) x and (if wanted; NaN otherwise) log-likelihood. */
function pass(cols: Columns, y: Values, w: Float64Array | null, b: Float64Array, wantLoglik = true): Pass {
  const { n, k } = cols;
  const buf = chunkBuffers(k);
  const eta = new Float64Array(CHUNK);
  const v = new Float64Array(CHUNK);
  const r = new Float64Array(CHUNK);
  const tmp = new Float64Array(CHUNK);
  const M = new Float64Array(k * k);
  const g = new Float64Array(k);
  let loglik = wantLoglik ? 0 : NaN;
  let maxAbsEta = 0;
  for (let start = 0; start < n; start += CHUNK) {
    const m = Math.min(CHUNK, n - start);
    loadChunk(cols, start, m, buf);
    linearPredictor(buf, b, m, k, eta);
    for (let i = 0; i < m; i++) {
      const e = eta[i];
      const wi = w === null ? 1 : w[start + i];
      const yi = y[start + i];
      // p = 1/(1+exp(-η)) from the smaller exponential, so nothing overflows.
      const ex = Math.exp(-Math.abs(e));
      const p = e >= 0 ? 1 / (1 + ex) : ex / (1 + ex);
      if (wantLoglik) {
        const l1 = Math.log1p(ex);
        loglik += wi * (yi === 1 ? (e >= 0 ? -l1 : e - l1) : e >= 0 ? -e - l1 : -l1);
      }
      v[i] = wi * p * (1 - p);
      r[i] = wi * (yi - p);
      const a = Math.abs(e);
      if (a > maxAbsEta) maxAbsEta = a;
    }
    addCross(buf, v, m, M, k, tmp);
    addVec(buf, r, m, g, k);
  }
  symmetrize(M, k);
  return { M, g, loglik, maxAbsEta };
}

function separation(): RegressionError {
  return new RegressionError('separation', { code: 'reg-separation' });
}

interface NewtonState {
  b: Float64Array;
  cur: Pass;
}

/**
 * Newton–Raphson from b. Stops when the next step is below `tolSe` standard errors, scaled by √n: the
 * covariance then comes from the last pass, whose Hessian differs from the one at the final estimate by
 * O(|Δη|) ≈ step · SE · |x| ~ step/√n relative, so < 1e-10 either way.
 *
 * The log-likelihood is summed only where a step is large (to guard it by halving, as glm.fit does on
 * divergence); after small steps it is carried forward by the quadratic model ℓ(b+sδ) = ℓ(b) + s g'δ (1 - s/2),
 * whose error O(|δ|³) is far below what -2LL is reported to.
 */
function newton(cols: Columns, y: Values, w: Float64Array | null, b: Float64Array, tolSe: number, terms: string[]): NewtonState {
  const k = cols.k;
  const tol = tolSe * Math.sqrt(cols.n);
  let cur = pass(cols, y, w, b);
  for (let it = 0; it < MAX_ITER; it++) {
    let chol;
    try {
      chol = cholesky(cur.M, k, terms);
    } catch (e) {
      if (cur.maxAbsEta > 15) throw separation();
      throw e;
    }
    const delta = chol.solve(cur.g);
    let stepSe = 0;
    let gd = 0;
    for (let j = 0; j < k; j++) {
      stepSe = Math.max(stepSe, Math.abs(delta[j]) / Math.sqrt(chol.inverse[j * k + j]));
      gd += cur.g[j] * delta[j];
    }
    if (stepSe < tol) {
      for (let j = 0; j < k; j++) b[j] += delta[j];
      return { b, cur: { ...cur, loglik: cur.loglik + 0.5 * gd } };
    }
    let scale = 1;
    let next: Pass;
    let trial: Float64Array;
    for (;;) {
      trial = b.map((v, j) => v + scale * delta[j]);
      const big = stepSe * scale >= 1e-2;
      next = pass(cols, y, w, trial, big);
      if (!big) next.loglik = cur.loglik + scale * gd * (1 - scale / 2);
      if (stepSe * scale < 1 || next.loglik >= cur.loglik - 1e-9 * Math.abs(cur.loglik) || scale < 1e-6) break;
      scale /= 2;
    }
    b.set(trial);
    cur = next;
  }
  throw cur.maxAbsEta > 15 ? separation() : new RegressionError('not-converged', { code: 'reg-not-converged', iterations: MAX_ITER });
}

const WARM_START_ROWS = 100_000;

/**
 * Every stride-th case, with the same column shifts: a fit on it lands within a few standard errors of
 * the full estimate, from where Newton needs two or three full passes instead of six or seven.
 */
function subsample(cols: Columns, y: Values, w: Float64Array | null): { cols: Columns; y: Values; w: Float64Array | null } {
  const stride = Math.floor(cols.n / WARM_START_ROWS);
  const m = Math.floor(cols.n / stride);
  const pick = (a: Values): Float64Array => {
    const out = new Float64Array(m);
    for (let r = 0; r < m; r++) out[r] = a[r * stride];
    return out;
  };
  return { cols: { ...cols, x: cols.x.map((c) => (c === null ? null : pick(c))), n: m }, y: pick(y), w: w === null ? null : pick(w) };
}

export function fitLogit(d: Design, opts: LogitOptions, dependent: string): RegressionResult {
  const cols = makeColumns(d.x, d.n);
  const k = cols.k;
  if (d.n <= k) throw new RegressionError('too-few-cases', { code: 'reg-too-few-cases', n: d.n, k });
  const { y01 } = binaryOutcome(d.y, d.n, dependent);
  let b: Float64Array = new Float64Array(k);
  if (d.n >= 4 * WARM_START_ROWS) {
    const sub = subsample(cols, y01, d.w);
    try {
      b = newton(sub.cols, sub.y, sub.w, b, 1e-5, d.terms).b;
    } catch {
      b = new Float64Array(k); // the full data decide about separation and convergence
    }
  }
  const { cur } = newton(cols, y01, d.w, b, 1e-10, d.terms);
  // Quasi-complete separation converges numerically with fitted p of exactly 0 or 1.
  if (cur.maxAbsEta > 30) throw separation();
  const chol = cholesky(cur.M, k, d.terms);
  const weightType = d.weightInfo?.type ?? null;
  const nEff = weightType === 'frequency' ? sum(d.w, d.n) : d.n;
  // The hat values come from the pass that computes the scores (the working residuals).
  let s: Float64Array | null = null;
  let lev: Leverage | null = null;
  if (opts.diagnostics) {
    const acc = new LeverageAccumulator(cols, chol.inverse, d.terms, opts.diagnostics.keepAll);
    s = scores(cols, y01, d.w, b, acc);
    lev = acc.result();
  }
  const {
    V: Vs,
    df,
    label,
  } = variance(
    { cols, bread: chol.inverse, scores: () => (s ??= scores(cols, y01, d.w, b)), w: d.w, weightType, nEff, params: k, dispersion: 1, dfResidual: Infinity },
    opts.se,
  );
  const { b: bo, V } = unshift(cols, b, Vs, 0);
  const coefficients = coefficientTable(d.terms, bo, V, df).map((c) => ({
    ...c,
    oddsRatio: Math.exp(c.b),
    orLow: Math.exp(c.ciLow),
    orHigh: Math.exp(c.ciHigh),
  }));
  return {
    model: 'logit',
    n: d.n,
    // Residual df of the model (n - k); the tests are z (or t with the design df for sampling weights).
    df: df === Infinity ? nEff - k : df,
    coefficients,
    neg2LL: -2 * cur.loglik,
    se: label,
    excluded: d.excluded,
    weightInfo: d.weightInfo,
    weight: d.weightInfo?.variable ?? null,
    ...diagnosticsOf(opts.diagnostics, k, lev),
  };
}

/** s_i = w_i (y_i - p_i); with `acc`, the hat values with the working weights w_i p_i (1 - p_i) too. */
function scores(cols: Columns, y: Values, w: Float64Array | null, b: Float64Array, acc: LeverageAccumulator | null = null): Float64Array {
  const { n, k } = cols;
  const s = new Float64Array(n);
  const buf = chunkBuffers(k);
  const eta = new Float64Array(CHUNK);
  const v = new Float64Array(CHUNK);
  for (let start = 0; start < n; start += CHUNK) {
    const m = Math.min(CHUNK, n - start);
    loadChunk(cols, start, m, buf);
    linearPredictor(buf, b, m, k, eta);
    for (let i = 0; i < m; i++) {
      const p = 1 / (1 + Math.exp(-eta[i]));
      const wi = w === null ? 1 : w[start + i];
      s[start + i] = wi * (y[start + i] - p);
      v[i] = wi * p * (1 - p);
    }
    acc?.chunk(buf, start, m, v);
  }
  return s;
}
