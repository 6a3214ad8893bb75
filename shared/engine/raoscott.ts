/**
 * Rao–Scott second-order corrected Pearson test for a two-way table under a sampling design, computed
 * as R `survey::svychisq(~a+b, design, statistic = "F")` does (survey 4.x; Rao & Scott 1984, Ann. Stat.
 * 12:46–60; Thomas & Rao 1987, JASA 82:630–636):
 *
 *   p̂ = weighted cell proportions (K = r·c cells) among valid cases; V = linearisation covariance of p̂
 *   with z_i = w_i (x_i − p̂)/Σw summed per PSU, V = Σ_h n_h/(n_h−1) Σ_j (z_hj − z̄_h)(z_hj − z̄_h)ᵀ, where
 *   n_h counts every PSU of stratum h in the design (PSUs without valid cases contribute zeros — R's
 *   domain estimate);
 *   C = interaction contrasts orthogonal to the main effects (double-centred cell indicators);
 *   Δ = (Cᵀ D⁻¹ C)⁻¹ (Cᵀ D⁻¹ V D⁻¹ C) · N with D = diag(p̂);
 *   F = X²/tr(Δ) with X² = N Σ (p̂_ij − p̂_i· p̂_·j)² / (p̂_i· p̂_·j); d₀ = tr(Δ)²/tr(Δ²);
 *   F ~ F(d₀, d₀·ν), ν = #PSUs − #strata.
 * N cancels, so it is taken as 1. Without clusters every case is its own PSU; without strata there is
 * one stratum. A stratum with a single PSU contributes no variance (R stops there; we note it).
 */
import type { RaoScott } from '../model/results';
import { fSf } from './distributions';
import { EngineError } from './errors';
import { solveDense } from './small-solve';

export interface DesignIndex {
  /** Per row stratum index ≥ 0, or null for a single stratum. */
  strata: Int32Array | null;
  /** Per row cluster index ≥ 0 (PSU = stratum × cluster), or null: every case is a PSU. */
  cluster: Int32Array | null;
}

export interface RaoScottInput {
  /** Per row: cell index 0..r·c−1 (row-major), −1 = in the design but not a valid case. */
  cell: Int32Array;
  /** Per row: 1 when the row belongs to the design (filter passed, weight > 0). */
  inDesign: Uint8Array;
  w: Float64Array;
  r: number;
  c: number;
  design: DesignIndex;
}

export interface RaoScottResult extends RaoScott {
  lonelyStrata: number;
}

/**
 * Dense PSU and stratum ids for the rows in the design (PSU = stratum × cluster, or the case itself
 * without clusters); rows outside the design get PSU −1.
 */
export function psuIds(inDesign: Uint8Array, design: DesignIndex): { psu: Int32Array; psuStratum: Int32Array; nStrata: number } {
  const n = inDesign.length;
  const { strata, cluster } = design;
  const psu = new Int32Array(n).fill(-1);
  const stratumId = new Map<number, number>();
  const psuId = new Map<number, number>();
  const psuStratum: number[] = [];
  let clusterRange = 1;
  if (cluster) for (let i = 0; i < n; i++) if (cluster[i] + 1 > clusterRange) clusterRange = cluster[i] + 1;
  for (let i = 0; i < n; i++) {
    if (inDesign[i] === 0) continue;
    const hRaw = strata ? strata[i] : 0;
    if (hRaw < 0 || (cluster && cluster[i] < 0)) {
      throw new EngineError('bad-design', { code: 'engine-design-missing', strataOnly: false });
    }
    let h = stratumId.get(hRaw);
    if (h === undefined) stratumId.set(hRaw, (h = stratumId.size));
    if (!cluster) {
      psu[i] = psuStratum.length;
      psuStratum.push(h);
      continue;
    }
    const key = hRaw * clusterRange + cluster[i];
    let j = psuId.get(key);
    if (j === undefined) {
      psuId.set(key, (j = psuStratum.length));
      psuStratum.push(h);
    }
    psu[i] = j;
  }
  return { psu, psuStratum: Int32Array.from(psuStratum), nStrata: stratumId.size };
}

/**
 * Per-stratum sums the covariance needs, each PSU weighted by f_h = n_h/(n_h−1) (0 for a lonely PSU):
 * M = Σ f_h Σ_j T_j T_jᵀ, u = Σ f_h Σ_j S_j T_j, q = Σ f_h Σ_j S_j², and per stratum t_h = Σ_j T_j, S_h.
 */
interface StratumSums {
  K: number;
  nStrata: number;
  nPsu: number;
  psuPerStratum: Float64Array;
  f: Float64Array;
  M: Float64Array;
  u: Float64Array;
  q: number;
  th: Float64Array;
  Sh: Float64Array;
  lonelyStrata: number;
}

/** f_h = n_h/(n_h − 1) per stratum; 0 for a stratum with one PSU (it contributes no variance). */
export function stratumFactors(psuPerStratum: Float64Array): { f: Float64Array; lonelyStrata: number } {
  const f = new Float64Array(psuPerStratum.length);
  let lonelyStrata = 0;
  psuPerStratum.forEach((nh, h) => {
    if (nh > 1) f[h] = nh / (nh - 1);
    else lonelyStrata++;
  });
  return { f, lonelyStrata };
}

/** Every case its own PSU: T_j = w·e_k, so M and u are diagonal Σ f_h w² per cell — one pass, no sort. */
function sumsPerCase(inp: RaoScottInput): StratumSums {
  const { cell, w, inDesign, r, c } = inp;
  const K = r * c;
  const strata = inp.design.strata;
  const ids = new Map<number, number>();
  const counts: number[] = [];
  const sumW: number[][] = [];
  const sumW2: number[][] = [];
  for (let i = 0; i < cell.length; i++) {
    if (inDesign[i] === 0) continue;
    const raw = strata ? strata[i] : 0;
    if (raw < 0) throw new EngineError('bad-design', { code: 'engine-design-missing', strataOnly: true });
    let h = ids.get(raw);
    if (h === undefined) {
      ids.set(raw, (h = counts.length));
      counts.push(0);
      sumW.push(new Array<number>(K).fill(0));
      sumW2.push(new Array<number>(K).fill(0));
    }
    counts[h]++;
    const k = cell[i];
    if (k < 0) continue;
    sumW[h][k] += w[i];
    sumW2[h][k] += w[i] * w[i];
  }
  const nStrata = counts.length;
  const psuPerStratum = Float64Array.from(counts);
  const { f, lonelyStrata } = stratumFactors(psuPerStratum);
  const M = new Float64Array(K * K);
  const u = new Float64Array(K);
  const th = new Float64Array(nStrata * K);
  const Sh = new Float64Array(nStrata);
  let q = 0;
  for (let h = 0; h < nStrata; h++) {
    for (let k = 0; k < K; k++) {
      M[k * K + k] += f[h] * sumW2[h][k];
      u[k] += f[h] * sumW2[h][k];
      q += f[h] * sumW2[h][k];
      th[h * K + k] = sumW[h][k];
      Sh[h] += sumW[h][k];
    }
  }
  return { K, nStrata, nPsu: counts.reduce((a, b) => a + b, 0), psuPerStratum, f, M, u, q, th, Sh, lonelyStrata };
}

/** Clustered designs: rows grouped by PSU through a counting sort, PSU totals T_j accumulated sparsely. */
function sumsPerCluster(inp: RaoScottInput): StratumSums {
  const { cell, w, r, c } = inp;
  const K = r * c;
  const n = cell.length;
  const { psu, psuStratum, nStrata } = psuIds(inp.inDesign, inp.design);
  const nPsu = psuStratum.length;
  const psuPerStratum = new Float64Array(nStrata);
  for (let j = 0; j < nPsu; j++) psuPerStratum[psuStratum[j]]++;
  const { f, lonelyStrata } = stratumFactors(psuPerStratum);
  const start = new Int32Array(nPsu + 1);
  for (let i = 0; i < n; i++) if (psu[i] >= 0) start[psu[i] + 1]++;
  for (let j = 0; j < nPsu; j++) start[j + 1] += start[j];
  const order = new Int32Array(start[nPsu]);
  const fill = start.slice(0, nPsu);
  for (let i = 0; i < n; i++) if (psu[i] >= 0) order[fill[psu[i]]++] = i;
  const M = new Float64Array(K * K);
  const u = new Float64Array(K);
  let q = 0;
  const th = new Float64Array(nStrata * K);
  const Sh = new Float64Array(nStrata);
  const T = new Float64Array(K);
  const touched: number[] = [];
  for (let j = 0; j < nPsu; j++) {
    const h = psuStratum[j];
    const fh = f[h];
    let S = 0;
    for (let s = start[j]; s < start[j + 1]; s++) {
      const i = order[s];
      const k = cell[i];
      if (k < 0) continue;
      if (T[k] === 0) touched.push(k);
      T[k] += w[i];
      S += w[i];
    }
    for (const k of touched) {
      th[h * K + k] += T[k];
      u[k] += fh * S * T[k];
      for (const l of touched) M[k * K + l] += fh * T[k] * T[l];
    }
    Sh[h] += S;
    q += fh * S * S;
    for (const k of touched) T[k] = 0;
    touched.length = 0;
  }
  return { K, nStrata, nPsu, psuPerStratum, f, M, u, q, th, Sh, lonelyStrata };
}

export function raoScottF(inp: RaoScottInput): RaoScottResult {
  const { cell, w, r, c } = inp;
  const K = r * c;
  const p = new Float64Array(K);
  let W = 0;
  for (let i = 0; i < cell.length; i++) {
    if (inp.inDesign[i] !== 0 && cell[i] >= 0) {
      p[cell[i]] += w[i];
      W += w[i];
    }
  }
  for (let k = 0; k < K; k++) p[k] /= W;
  const s = inp.design.cluster ? sumsPerCluster(inp) : sumsPerCase(inp);
  const { M, u, q, th, Sh, f, psuPerStratum } = s;
  const V = new Float64Array(K * K);
  for (let k = 0; k < K; k++) {
    for (let l = 0; l < K; l++) V[k * K + l] = M[k * K + l] - p[k] * u[l] - u[k] * p[l] + q * p[k] * p[l];
  }
  const dev = new Float64Array(K);
  for (let h = 0; h < s.nStrata; h++) {
    if (f[h] === 0) continue;
    const g = f[h] / psuPerStratum[h];
    for (let k = 0; k < K; k++) dev[k] = th[h * K + k] - p[k] * Sh[h];
    for (let k = 0; k < K; k++) for (let l = 0; l < K; l++) V[k * K + l] -= g * dev[k] * dev[l];
  }
  const W2 = W * W;
  for (let k = 0; k < K * K; k++) V[k] /= W2;
  return finish(p, V, r, c, s.nPsu - s.nStrata, s.lonelyStrata);
}

/** Δ, d₀ and the F test from p̂ and V (see the module comment). */
function finish(p: Float64Array, V: Float64Array, r: number, c: number, nu: number, lonelyStrata: number): RaoScottResult {
  const K = r * c;
  const m = (r - 1) * (c - 1);
  // G = D⁻¹ C, with C[(i',j'),(i,j)] = (δ_i'i − 1/r)(δ_j'j − 1/c) for i < r−1, j < c−1.
  const G = new Float64Array(K * m);
  const Cm = new Float64Array(K * m);
  for (let i2 = 0; i2 < r; i2++) {
    for (let j2 = 0; j2 < c; j2++) {
      const k = i2 * c + j2;
      const inv = p[k] === 0 ? 0 : 1 / p[k];
      for (let i = 0; i < r - 1; i++) {
        for (let j = 0; j < c - 1; j++) {
          const v = ((i2 === i ? 1 : 0) - 1 / r) * ((j2 === j ? 1 : 0) - 1 / c);
          Cm[k * m + i * (c - 1) + j] = v;
          G[k * m + i * (c - 1) + j] = v * inv;
        }
      }
    }
  }
  const A = new Float64Array(m * m);
  const VG = new Float64Array(K * m);
  for (let k = 0; k < K; k++) {
    for (let l = 0; l < K; l++) {
      const v = V[k * K + l];
      if (v === 0) continue;
      for (let b = 0; b < m; b++) VG[k * m + b] += v * G[l * m + b];
    }
  }
  const B = new Float64Array(m * m);
  for (let k = 0; k < K; k++) {
    for (let a = 0; a < m; a++) {
      const ga = G[k * m + a];
      const ca = Cm[k * m + a];
      for (let b = 0; b < m; b++) {
        B[a * m + b] += ga * VG[k * m + b];
        A[a * m + b] += ca * G[k * m + b];
      }
    }
  }
  const delta = solveDense(A, B, m, m);
  const rowP = new Float64Array(r);
  const colP = new Float64Array(c);
  for (let i = 0; i < r; i++)
    for (let j = 0; j < c; j++) {
      rowP[i] += p[i * c + j];
      colP[j] += p[i * c + j];
    }
  let x2 = 0;
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) {
      const e = rowP[i] * colP[j];
      const d = p[i * c + j] - e;
      x2 += (d * d) / e;
    }
  }
  if (!delta) return { F: NaN, ndf: NaN, ddf: NaN, p: NaN, lonelyStrata };
  let tr = 0;
  let tr2 = 0;
  for (let a = 0; a < m; a++) {
    tr += delta[a * m + a];
    for (let b = 0; b < m; b++) tr2 += delta[a * m + b] * delta[b * m + a];
  }
  const F = x2 / tr;
  const d0 = (tr * tr) / tr2;
  return { F, ndf: d0, ddf: d0 * nu, p: fSf(F, d0, d0 * nu), lonelyStrata };
}
