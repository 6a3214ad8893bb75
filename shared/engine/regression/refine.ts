/**
 * Iterative refinement of a least-squares solution against the data exactly as stored.
 *
 * Each pass computes, in double-double (error-free products and sums), the residuals
 * r = y - X b and the gradient g = X'V r of the ORIGINAL (unshifted) columns, then corrects
 * b += (X'VX)⁻¹ g with the approximate inverse supplied by the caller in the shifted parameterisation
 * (X = X̃ T, T = I + e₀ s' with the shifts s in the intercept row, so X'VX = T'(X̃'VX̃)T).
 *
 * Why all of this is in double-double: a refinement step is only as good as its right-hand side. With
 * g rounded term by term, its error (~1e-16 · ‖X‖‖r‖) limits b to cond² · 1e-16 · ‖r‖ — a few digits on
 * large-residual problems such as Wampler 4 and 5. With g exact to double rounding, the iteration
 * contracts by ~cond(X̃) · 1e-16 per pass and stops at the solution of the stored data rounded to
 * doubles. Working on the original columns also avoids the rounding of x - shift (each shifted value
 * is itself a perturbation of the data). The cost (several times a plain pass) is paid only on the
 * QR path: small data, or large data too ill-conditioned for the one-pass normal equations.
 */
import type { Columns, Values } from './columns';

const SPLITTER = 134217729; // 2^27 + 1

/** Rounding error of a·b given p = fl(a·b), exactly (Dekker; no fused multiply-add in JS). */
export function prodError(a: number, b: number, p: number): number {
  const ca = SPLITTER * a;
  const ah = ca - (ca - a);
  const al = a - ah;
  const cb = SPLITTER * b;
  const bh = cb - (cb - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

const MAX_PASSES = 10;

interface Pass {
  /** Σ v r² (r rounded to double). */
  rss: number;
  /** X'V r per original column, as double-double (hi, lo). */
  gh: Float64Array;
  gl: Float64Array;
}

/** r_i = y_i - Σ x_ij b_j for every case in double-double; `each` receives (i, hi, lo) normalised. */
function forResiduals(cols: Columns, y: Values, b: Float64Array, each: (i: number, hi: number, lo: number) => void): void {
  const { n, k, x } = cols;
  const nb = b.map((v) => -v);
  for (let i = 0; i < n; i++) {
    let hi = y[i];
    let lo = 0;
    for (let j = 0; j < k; j++) {
      const col = x[j];
      const a = col === null ? 1 : col[i];
      const c = nb[j];
      const p = a * c;
      const pe = prodError(a, c, p);
      const s = hi + p;
      const bb = s - hi;
      lo += hi - (s - bb) + (p - bb) + pe;
      hi = s;
    }
    const s = hi + lo;
    each(i, s, lo - (s - hi));
  }
}

function gradientPass(cols: Columns, y: Values, v: Float64Array | null, b: Float64Array): Pass {
  const { k, x } = cols;
  const gh = new Float64Array(k);
  const gl = new Float64Array(k);
  let rss = 0;
  forResiduals(cols, y, b, (i, rh, rl) => {
    let th = rh;
    let tl = rl;
    if (v !== null) {
      const w = v[i];
      th = w * rh;
      tl = prodError(w, rh, th) + w * rl;
    }
    rss += th * rh;
    for (let j = 0; j < k; j++) {
      const col = x[j];
      const a = col === null ? 1 : col[i];
      const p = a * th;
      const pe = prodError(a, th, p) + a * tl;
      const g = gh[j];
      const s = g + p;
      const bb = s - g;
      gl[j] += g - (s - bb) + (p - bb) + pe;
      gh[j] = s;
    }
  });
  return { rss, gh, gl };
}

/** g̃ = T⁻ᵀ g = g - s·g₀ (g₀ the intercept's entry), formed in double-double before rounding. */
function toShifted(cols: Columns, gh: Float64Array, gl: Float64Array): Float64Array {
  const i0 = cols.x.indexOf(null);
  const out = new Float64Array(cols.k);
  for (let j = 0; j < cols.k; j++) {
    if (i0 < 0 || j === i0 || cols.shift[j] === 0) {
      out[j] = gh[j] + gl[j];
      continue;
    }
    const c = -cols.shift[j];
    const p = c * gh[i0];
    const pe = prodError(c, gh[i0], p) + c * gl[i0];
    const s = gh[j] + p;
    const bb = s - gh[j];
    out[j] = s + (gh[j] - (s - bb) + (p - bb) + pe + gl[j]);
  }
  return out;
}

/** δ = T⁻¹ δ̃: δ₀ = δ̃₀ - Σ s_j δ̃_j, summed in double-double. */
function fromShifted(cols: Columns, d: Float64Array): Float64Array {
  const i0 = cols.x.indexOf(null);
  if (i0 < 0) return d;
  let hi = d[i0];
  let lo = 0;
  for (let j = 0; j < cols.k; j++) {
    if (j === i0) continue;
    const c = -cols.shift[j];
    const p = c * d[j];
    const s = hi + p;
    const bb = s - hi;
    lo += hi - (s - bb) + (p - bb) + prodError(c, d[j], p);
    hi = s;
  }
  const out = Float64Array.from(d);
  out[i0] = hi + lo;
  return out;
}

/**
 * Refines b (original parameterisation, updated in place) until the correction stops shrinking.
 * `solveShifted(g̃)` returns (X̃'VX̃)⁻¹ g̃; `colNorms` are the shifted weighted column norms (to measure
 * a step by the change it makes to the fitted values). Returns Σ v r² at the final b.
 */
export function refine(
  cols: Columns,
  y: Values,
  v: Float64Array | null,
  b: Float64Array,
  solveShifted: (g: Float64Array) => Float64Array,
  colNorms: Float64Array,
): number {
  let last = Infinity;
  let pass = gradientPass(cols, y, v, b);
  for (let it = 0; it < MAX_PASSES; it++) {
    const dt = solveShifted(toShifted(cols, pass.gh, pass.gl));
    let size = 0;
    for (let j = 0; j < cols.k; j++) size = Math.max(size, Math.abs(dt[j]) * colNorms[j]);
    // A step that no longer halves is at rounding level (or diverging): stop without taking it.
    if (!(size < last / 2) || size === 0) break;
    const d = fromShifted(cols, dt);
    const prev = Float64Array.from(b);
    for (let j = 0; j < cols.k; j++) b[j] += d[j];
    const next = gradientPass(cols, y, v, b);
    if (next.rss > pass.rss * (1 + 1e-12)) {
      // Rounding noise only ever changes RSS in the last digits; a real increase means divergence.
      b.set(prev);
      break;
    }
    pass = next;
    last = size;
  }
  return pass.rss;
}

/** y - X b per case, from double-double residuals rounded once. */
export function exactResiduals(cols: Columns, y: Values, b: Float64Array, alsoEach?: (i: number) => void): Float64Array {
  const e = new Float64Array(cols.n);
  if (alsoEach)
    forResiduals(cols, y, b, (i, hi) => {
      e[i] = hi;
      alsoEach(i);
    });
  else forResiduals(cols, y, b, (i, hi) => (e[i] = hi));
  return e;
}

/**
 * Σ v (ŷ - ȳ_v)², the explained sum of squares, from fitted values in double-double. R² = mss/(mss+rss)
 * then keeps its digits when small (Wampler 5: R² = 0.002, where 1 - rss/tss cancels ~3 digits); see
 * ols.ts rSquared for when it is used.
 * Needs the intercept in the model (ȳ_v is then the mean of ŷ too).
 */
export function explainedSS(cols: Columns, y: Values, v: Float64Array | null, b: Float64Array): number {
  const n = cols.n;
  // Weighted mean of y in double-double.
  let sh = 0;
  let sl = 0;
  let sw = 0;
  for (let i = 0; i < n; i++) {
    const w = v === null ? 1 : v[i];
    const p = w * y[i];
    const pe = prodError(w, y[i], p);
    const s = sh + p;
    const bb = s - sh;
    sl += sh - (s - bb) + (p - bb) + pe;
    sh = s;
    sw += w;
  }
  const mh = sh / sw;
  // Remainder of the division, for the low part of the mean: (sh + sl - mh·sw) / sw.
  const ml = (sh - mh * sw - prodError(mh, sw, mh * sw) + sl) / sw;
  let mss = 0;
  forResiduals(cols, y, b, (i, rh, rl) => {
    // ŷ - ȳ = (y - ȳ) - r, in double-double (the two may nearly cancel when R² is small).
    const yi = y[i];
    const a = yi - mh;
    let bb = a - yi;
    const ae = yi - (a - bb) + (-mh - bb);
    const c = a - rh;
    bb = c - a;
    const ce = a - (c - bb) + (-rh - bb);
    const d = c + (ce + ae - ml - rl);
    mss += (v === null ? 1 : v[i]) * d * d;
  });
  return mss;
}
