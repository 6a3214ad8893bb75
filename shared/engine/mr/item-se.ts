/**
 * Design-based standard errors of the item percentages of a multiple-response table, as R survey
 * computes `svymean(~y, subset(design, column == c & in_base))` for the item indicator y (Binder's
 * linearisation of a ratio over a domain; Lumley, Complex Surveys, 2010, §2.3 and §3.4):
 *
 *   p̂ = Σ_D w y / W,  W = Σ_D w,  z_i = w_i (y_i − p̂) / W for i in the domain D (0 elsewhere),
 *   T_hj = Σ_{i ∈ PSU j of stratum h} z_i,  V(p̂) = Σ_h n_h/(n_h − 1) · Σ_j (T_hj − T̄_h)²,
 *
 * with n_h the PSUs of stratum h in the whole design (the subset keeps the design: PSUs without domain
 * cases count with T = 0), every case its own PSU without clusters, one stratum without strata. A
 * stratum with one PSU contributes nothing (R's default stops there; the Rao–Scott test does the same).
 *
 * Without clusters the PSU sums are the cases themselves, and since y² = y the sums per stratum follow
 * from Σw and Σw² of the items and the base, which the tally keeps per stratum: Σ T = (A − p̂B)/W,
 * Σ T² = (A₂(1 − 2p̂) + p̂²B₂)/W² with A = Σ_D w y, A₂ = Σ_D w² y, B = Σ_D w, B₂ = Σ_D w². With
 * clusters a second pass groups the cases per PSU.
 */
import type { BannerPartLookup } from '../banner-tally';
import { columnLocator } from '../banner-columns';
import { type DesignIndex, psuIds, stratumFactors } from '../raoscott';
import type { SetReader } from './resolve-set';
import type { MrTally } from './tally';

export interface ItemSeInput {
  reader: SetReader;
  parts: readonly BannerPartLookup[];
  total: boolean;
  /** Weights (w > 0 in the design), or null: every case weighs 1. */
  w: Float64Array | null;
  rows: number;
  filter?: Uint8Array;
  design: DesignIndex;
  /** The table's tally; kept per stratum when the design has strata and no clusters (tally.ts). */
  tally: MrTally;
}

/** SE of each proportion (row-major (items + 1) × columns, "any" last, as the tally), as a fraction; NaN when undefined. */
export function itemStandardErrors(inp: ItemSeInput): Float64Array {
  const { tally } = inp;
  const { ncol } = tally;
  const cells = (tally.nItems + 1) * ncol;
  const p = new Float64Array(cells);
  for (let k = 0; k < cells; k++) {
    const W = tally.base.sw[k % ncol];
    p[k] = W > 0 ? tally.sw[k] / W : NaN;
  }
  const sums = inp.design.cluster ? perCluster(inp, p) : perCase(tally, p);
  const { f } = stratumFactors(sums.psuPerStratum);
  const usable = f.some((x) => x > 0);
  const out = new Float64Array(cells);
  for (let k = 0; k < cells; k++) {
    const W = tally.base.sw[k % ncol];
    if (!(W > 0) || !usable) {
      out[k] = NaN;
      continue;
    }
    let v = 0;
    for (let h = 0; h < f.length; h++) {
      if (f[h] === 0) continue;
      const s1 = sums.s1[h * cells + k];
      v += f[h] * (sums.s2[h * cells + k] - (s1 * s1) / sums.psuPerStratum[h]);
    }
    out[k] = Math.sqrt(Math.max(0, v));
  }
  return out;
}

interface StratumSums {
  psuPerStratum: Float64Array;
  /** Per stratum and cell: Σ_j T_hj and Σ_j T_hj². */
  s1: Float64Array;
  s2: Float64Array;
}

/** Every case its own PSU: the per-stratum Σw and Σw² of the tally give the sums (see the module comment). */
function perCase(tally: MrTally, p: Float64Array): StratumSums {
  const { ncol } = tally;
  const cells = (tally.nItems + 1) * ncol;
  const st = tally.byStratum ?? {
    n: 1,
    designN: Float64Array.of(tally.designN),
    sw: tally.sw,
    sw2: tally.sw2,
    baseSw: tally.base.sw,
    baseSw2: tally.base.sw2,
  };
  const s1 = new Float64Array(st.n * cells);
  const s2 = new Float64Array(st.n * cells);
  for (let h = 0; h < st.n; h++) {
    for (let k = 0; k < cells; k++) {
      const c = k % ncol;
      const W = tally.base.sw[c];
      if (!(W > 0)) continue;
      const pk = p[k];
      s1[h * cells + k] = (st.sw[h * cells + k] - pk * st.baseSw[h * ncol + c]) / W;
      s2[h * cells + k] = (st.sw2[h * cells + k] * (1 - 2 * pk) + pk * pk * st.baseSw2[h * ncol + c]) / (W * W);
    }
  }
  return { psuPerStratum: st.designN, s1, s2 };
}

function perCluster(inp: ItemSeInput, p: Float64Array): StratumSums {
  const { tally, reader } = inp;
  const inDesign = new Uint8Array(inp.rows);
  for (let i = 0; i < inp.rows; i++) inDesign[i] = (inp.filter === undefined || inp.filter[i] !== 0) && (inp.w === null || inp.w[i] > 0) ? 1 : 0;
  const { ncol } = tally;
  const cells = (tally.nItems + 1) * ncol;
  const { psu, psuStratum, nStrata } = psuIds(inDesign, inp.design);
  const nPsu = psuStratum.length;
  const psuPerStratum = new Float64Array(nStrata);
  for (let j = 0; j < nPsu; j++) psuPerStratum[psuStratum[j]]++;
  // Counting sort of the design's cases by PSU.
  const start = new Int32Array(nPsu + 1);
  for (let i = 0; i < inp.rows; i++) if (psu[i] >= 0) start[psu[i] + 1]++;
  for (let j = 0; j < nPsu; j++) start[j + 1] += start[j];
  const order = new Int32Array(start[nPsu]);
  const fill = start.slice(0, nPsu);
  for (let i = 0; i < inp.rows; i++) if (psu[i] >= 0) order[fill[psu[i]]++] = i;
  const { maxPerCase, columnsOf } = columnLocator(inp.parts, inp.total);
  const cols = new Int32Array(Math.max(1, maxPerCase));
  const items = new Int32Array(Math.max(1, reader.maxPerCase));
  const A = new Float64Array(cells);
  const B = new Float64Array(ncol);
  const touched: number[] = [];
  const s1 = new Float64Array(nStrata * cells);
  const s2 = new Float64Array(nStrata * cells);
  const anyRow = tally.nItems * ncol;
  const rowsPerCol = tally.nItems + 1;
  for (let j = 0; j < nPsu; j++) {
    for (let s = start[j]; s < start[j + 1]; s++) {
      const i = order[s];
      const ni = reader.itemsOf(i, items);
      if (ni < 0) continue;
      const nc = columnsOf(i, cols);
      const wi = inp.w === null ? 1 : inp.w[i];
      for (let a = 0; a < nc; a++) {
        const c = cols[a];
        if (B[c] === 0) touched.push(c);
        B[c] += wi;
        if (ni === 0) continue;
        A[anyRow + c] += wi;
        for (let b = 0; b < ni; b++) A[items[b] * ncol + c] += wi;
      }
    }
    const h = psuStratum[j];
    for (const c of touched) {
      const W = tally.base.sw[c];
      for (let r = 0; r < rowsPerCol; r++) {
        const k = r * ncol + c;
        const t = (A[k] - p[k] * B[c]) / W;
        s1[h * cells + k] += t;
        s2[h * cells + k] += t * t;
        A[k] = 0;
      }
      B[c] = 0;
    }
    touched.length = 0;
  }
  return { psuPerStratum, s1, s2 };
}
