/**
 * Sandwich variance estimators V = B M B, with B = (X'VX)⁻¹ (the bread, from the fit) and a meat built
 * from per-case scores s_i x_i (OLS: s = w e; logit: s = w (y - p)), all in the shifted columns:
 * - HC:      M = Σ m_i x_i x_i'  (m = s², or s²/w for frequency weights: a case stands for w cases)
 * - cluster: M = Σ_g U_g U_g',  U_g = Σ_{i∈g} s_i x_i          (sandwich::vcovCL)
 * - design:  M = Σ_h n_h/(n_h-1) Σ_{p∈h} (U_p - Ū_h)(U_p - Ū_h)' over PSUs p in strata h
 *            (survey::svyrecvar for a one-stage with-replacement design, as svyglm uses)
 */
import { CHUNK, type Columns, addCross, chunkBuffers, loadChunk, symmetrize } from './columns';
import { RegressionError } from './errors';
import { matMul } from './linalg';

export interface Grouping {
  codes: Int32Array;
  count: number;
}

/** Σ m_i x_i x_i'. */
export function hcMeat(cols: Columns, m: Float64Array): Float64Array {
  const { n, k } = cols;
  const buf = chunkBuffers(k);
  const tmp = new Float64Array(CHUNK);
  const M = new Float64Array(k * k);
  for (let start = 0; start < n; start += CHUNK) {
    const len = Math.min(CHUNK, n - start);
    loadChunk(cols, start, len, buf);
    addCross(buf, m.subarray(start, start + len), len, M, k, tmp);
  }
  symmetrize(M, k);
  return M;
}

/** U_g = Σ_{i∈g} s_i x_i, G×k row-major. */
export function groupScores(cols: Columns, s: Float64Array, g: Grouping): Float64Array {
  const { n, k } = cols;
  const U = new Float64Array(g.count * k);
  const buf = chunkBuffers(k);
  for (let start = 0; start < n; start += CHUNK) {
    const len = Math.min(CHUNK, n - start);
    loadChunk(cols, start, len, buf);
    for (let j = 0; j < k; j++) {
      const bj = buf[j];
      for (let i = 0; i < len; i++) U[g.codes[start + i] * k + j] += s[start + i] * bj[i];
    }
  }
  return U;
}

/** Σ_g U_g U_g'. */
export function outerSum(U: Float64Array, G: number, k: number): Float64Array {
  const M = new Float64Array(k * k);
  for (let g = 0; g < G; g++) {
    const o = g * k;
    for (let j = 0; j < k; j++) for (let l = j; l < k; l++) M[j * k + l] += U[o + j] * U[o + l];
  }
  symmetrize(M, k);
  return M;
}

export interface DesignMeat {
  meat: Float64Array;
  psus: number;
  strata: number;
}

/**
 * Linearisation meat for a stratified (optional) one-stage cluster (optional) design. PSUs are keyed by
 * (stratum, cluster), i.e. clusters are nested in strata (svydesign nest = TRUE). Without clusters every
 * case is its own PSU. A stratum with a single PSU is an error, as in survey's default
 * (options(survey.lonely.psu = "fail")).
 * `psus` (for the df) counts only PSUs with used cases, as degf() of survey's subsetted design does.
 */
export function designMeat(
  cols: Columns,
  s: Float64Array,
  strata: Grouping | null,
  cluster: Grouping | null,
  /** PSUs per stratum in the whole design (out-of-domain PSUs included); default: those with used cases. */
  psuPerStratum: Float64Array | null = null,
): DesignMeat {
  const { n, k } = cols;
  const H = strata ? strata.count : 1;
  const stratumOf = (i: number): number => (strata ? strata.codes[i] : 0);
  // PSU codes and their stratum.
  let psu: Grouping;
  let psuStratum: Int32Array;
  if (cluster) {
    const key = new Map<number, number>();
    const codes = new Int32Array(n);
    const st: number[] = [];
    for (let i = 0; i < n; i++) {
      const h = stratumOf(i);
      const kk = h * cluster.count + cluster.codes[i];
      let p = key.get(kk);
      if (p === undefined) {
        p = st.length;
        key.set(kk, p);
        st.push(h);
      }
      codes[i] = p;
    }
    psu = { codes, count: st.length };
    psuStratum = Int32Array.from(st);
  } else {
    psu = { codes: Int32Array.from({ length: n }, (_, i) => i), count: n };
    psuStratum = strata ? strata.codes : new Int32Array(n);
  }
  const used = new Float64Array(H);
  for (let p = 0; p < psu.count; p++) used[psuStratum[p]]++;
  const nh = psuPerStratum ?? used;
  for (let h = 0; h < H; h++) {
    if (nh[h] === 1) throw new RegressionError('unsupported', { code: 'reg-single-psu' });
  }
  const factor = (h: number): number => nh[h] / (nh[h] - 1);
  let M: Float64Array;
  if (cluster) {
    const U = groupScores(cols, s, psu);
    M = new Float64Array(k * k);
    for (let p = 0; p < psu.count; p++) {
      const f = factor(psuStratum[p]);
      for (let j = 0; j < k; j++) for (let l = j; l < k; l++) M[j * k + l] += f * U[p * k + j] * U[p * k + l];
    }
    symmetrize(M, k);
  } else {
    const m = new Float64Array(n);
    for (let i = 0; i < n; i++) m[i] = factor(stratumOf(i)) * s[i] * s[i];
    M = hcMeat(cols, m);
  }
  // Subtract Σ_h T_h T_h' / (n_h - 1), T_h = stratum total of the scores.
  const T = groupScores(cols, s, strata ?? { codes: new Int32Array(n), count: 1 });
  for (let h = 0; h < H; h++) for (let j = 0; j < k; j++) for (let l = 0; l < k; l++) M[j * k + l] -= (T[h * k + j] * T[h * k + l]) / (nh[h] - 1);
  return { meat: M, psus: psu.count, strata: H };
}

/** scale · B M B. */
export function sandwich(B: Float64Array, M: Float64Array, k: number, scale: number): Float64Array {
  return matMul(matMul(B, M, k), B, k).map((v) => v * scale);
}
