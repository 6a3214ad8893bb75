/**
 * (X'VX)⁻¹ of the original columns to nearly full double precision, for classical standard errors on
 * the QR path.
 *
 * The inverse from the QR factor is only as good as R: ~cond·ε·(growth with n), so Filip's SEs keep 8
 * digits and Wampler 5 repeated to 100,000 cases 10.6 in the intercept. Here it is refined against the
 * cross-product M = X'VX of the ORIGINAL columns formed in double-double (every product exact):
 * Z = Z₁ + Z₂, Z₂ = Z₁(I - M(Z₁ + Z₂)) iterated, with Z₂ kept as a separate low part until the end.
 * Original, not shifted, columns: mapping a shifted inverse back cancels in the intercept's entries,
 * while the column-scaled condition of X is about the same either way (Filip: 5e9 vs 4e9), so M in
 * double-double (~1e-32) determines Z to ~1e-13 even there.
 * Cost: one pass with k(k+1)/2 double-double products per case, only when a classical SE is asked on
 * the QR path (small data, or large data too ill-conditioned for the cross-product path).
 */
import type { Columns } from './columns';
import { matMul } from './linalg';
import { prodError } from './refine';

/** (hi, lo) += a·b for doubles a, b, into arrays at index q. */
function addProd(hi: Float64Array, lo: Float64Array, q: number, a: number, b: number): void {
  const p = a * b;
  const pe = prodError(a, b, p);
  const h = hi[q];
  const s = h + p;
  const bb = s - h;
  lo[q] += h - (s - bb) + (p - bb) + pe;
  hi[q] = s;
}

/** M = X'VX (full k×k, row-major) as double-double. */
function cross(cols: Columns, v: Float64Array | null): { hi: Float64Array; lo: Float64Array } {
  const { n, k, x } = cols;
  const hi = new Float64Array(k * k);
  const lo = new Float64Array(k * k);
  const z = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const w = v === null ? 1 : v[i];
    for (let j = 0; j < k; j++) {
      const col = x[j];
      z[j] = col === null ? 1 : col[i];
    }
    for (let j = 0; j < k; j++) {
      // (w·z_j) as a double-double, times z_l.
      const ah = w * z[j];
      const al = prodError(w, z[j], ah);
      for (let l = j; l < k; l++) {
        const q = j * k + l;
        addProd(hi, lo, q, ah, z[l]);
        lo[q] += al * z[l];
      }
    }
  }
  for (let j = 0; j < k; j++)
    for (let l = j + 1; l < k; l++) {
      hi[l * k + j] = hi[j * k + l];
      lo[l * k + j] = lo[j * k + l];
    }
  return { hi, lo };
}

/** I - M(Z₁ + Z₂) with M a double-double matrix, rounded once per entry. */
function residualIdentity(M: { hi: Float64Array; lo: Float64Array }, z1: Float64Array, z2: Float64Array, k: number): Float64Array {
  const E = new Float64Array(k * k);
  const h = new Float64Array(1);
  const l = new Float64Array(1);
  for (let r = 0; r < k; r++)
    for (let c = 0; c < k; c++) {
      h[0] = r === c ? 1 : 0;
      l[0] = 0;
      for (let q = 0; q < k; q++) {
        const mh = M.hi[r * k + q];
        // Both products exact: with ill-conditioning the terms are ~cond(M) times the result.
        addProd(h, l, 0, -mh, z1[q * k + c]);
        addProd(h, l, 0, -mh, z2[q * k + c]);
        l[0] -= M.lo[r * k + q] * (z1[q * k + c] + z2[q * k + c]);
      }
      E[r * k + c] = h[0] + l[0];
    }
  return E;
}

/** `z1`: an approximate (X'VX)⁻¹ for the original columns (k×k row-major); returns it refined. */
export function refinedInverse(cols: Columns, v: Float64Array | null, z1: Float64Array): Float64Array {
  const k = cols.k;
  const M = cross(cols, v);
  let z2 = new Float64Array(k * k);
  // Each correction gains ~ -log10(cond·ε) digits until the residual's own rounding is reached; a
  // correction that no longer halves is noise and is not applied.
  let last = Infinity;
  for (let it = 0; it < 4; it++) {
    const d = matMul(z1, residualIdentity(M, z1, z2, k), k);
    let size = 0;
    for (let q = 0; q < k * k; q++) if (z1[q] !== 0) size = Math.max(size, Math.abs(d[q] / z1[q]));
    if (!(size < last / 2)) break;
    last = size;
    z2 = z2.map((a, q) => a + d[q]);
  }
  const out = z1.map((a, q) => a + z2[q]);
  for (let r = 0; r < k; r++) for (let c = r + 1; c < k; c++) out[r * k + c] = out[c * k + r] = (out[r * k + c] + out[c * k + r]) / 2;
  return out;
}
