/**
 * The multiple-response kernel: one pass over the cases fills, per banner column, the base (cases with
 * a valid value on at least one member) and, per item and for "any", the cases that have it — each as
 * count, Σw and Σw². Cases outside the filter, and cases whose weight is zero, negative or missing, are
 * left out (and the latter counted), as in every other table.
 *
 * With strata the same sums are kept per stratum as well (the design-based standard errors of a design
 * without clusters need nothing else, item-se.ts), so a stratified table still takes one pass.
 *
 * The loop reads the members and the banner parts through flat lookup tables (resolve-set.ts,
 * banner-tally.ts) with plain locals, as the banner kernel does: no call per case. (Building a bit mask
 * of items member by member first was measured slower: the masks cost a second sweep of memory.)
 */
import { type BannerPartLookup, partReaders } from '../banner-tally';
import type { SetReader } from './resolve-set';

export interface MrTally {
  nItems: number;
  ncol: number;
  /** Row-major (nItems + 1) × ncol; row nItems is "any". */
  count: Float64Array;
  sw: Float64Array;
  sw2: Float64Array;
  base: { count: Float64Array; sw: Float64Array; sw2: Float64Array };
  /** Cases in the filter with a usable weight (the design's size). */
  designN: number;
  weightExcluded: number;
  /** With strata: per stratum h (offset h × cells, h × ncol for the base) the same Σw and Σw², and the cases in the design. */
  byStratum?: { n: number; designN: Float64Array; sw: Float64Array; sw2: Float64Array; baseSw: Float64Array; baseSw2: Float64Array };
}

export interface MrTallyInput {
  reader: SetReader;
  parts: readonly BannerPartLookup[];
  total: boolean;
  w: Float64Array | null;
  rows: number;
  filter?: Uint8Array;
  /** Stratum of every case (0 … n − 1; only read for cases in the design), to keep sums per stratum. */
  strata?: { index: ArrayLike<number>; n: number };
}

export function tallyMr(inp: MrTallyInput): MrTally {
  const { reader, w, filter } = inp;
  const nItems = reader.items.length;
  const { A, B, base: partBase, ncol } = partReaders(inp.parts, inp.total);
  const G = A.length;
  const cells = (nItems + 1) * ncol;
  const H = inp.strata?.n ?? 1;
  const count = new Float64Array(H * cells);
  const sw = new Float64Array(H * cells);
  const sw2 = new Float64Array(H * cells);
  const bCount = new Float64Array(H * ncol);
  const bSw = new Float64Array(H * ncol);
  const bSw2 = new Float64Array(H * ncol);
  const designN = new Float64Array(H);
  const strata = inp.strata?.index ?? null;
  const m = reader.members.length;
  const mData = reader.members.map((r) => r.data);
  const mLut = reader.members.map((r) => r.lut);
  const mOff = Int32Array.from(reader.members, (r) => r.off);
  const dichotomies = reader.kind === 'dichotomies';
  const cols = new Int32Array(G + 1);
  const items = new Int32Array(Math.max(1, reader.maxPerCase, m));
  const seen = new Int32Array(Math.max(1, nItems));
  const anyRow = nItems * ncol;
  let weightExcluded = 0;
  for (let i = 0; i < inp.rows; i++) {
    if (filter !== undefined && filter[i] === 0) continue;
    let wi = 1;
    if (w !== null) {
      wi = w[i];
      if (!(wi > 0)) {
        weightExcluded++;
        continue;
      }
    }
    const h = strata === null ? 0 : strata[i];
    designN[h]++;
    let valid = false;
    let ni = 0;
    if (dichotomies) {
      for (let k = 0; k < m; k++) {
        const s = mLut[k][mData[k][i] + mOff[k]];
        if (s < 0) continue;
        valid = true;
        if (s === 1) items[ni++] = k;
      }
    } else {
      const stamp = i + 1;
      for (let k = 0; k < m; k++) {
        const item = mLut[k][mData[k][i] + mOff[k]];
        if (item < 0) continue;
        valid = true;
        if (seen[item] !== stamp) {
          seen[item] = stamp;
          items[ni++] = item;
        }
      }
    }
    if (!valid) continue;
    let nc = 0;
    if (inp.total) cols[nc++] = 0;
    for (let g = 0; g < G; g++) {
      const a = A[g];
      const b = B[g];
      const c = a.lut[a.data[i] + a.off] + b.lut[b.data[i] + b.off];
      if (c >= 0) cols[nc++] = partBase[g] + c;
    }
    const w2 = wi * wi;
    const cellOff = h * cells;
    const baseOff = h * ncol;
    for (let q = 0; q < nc; q++) {
      const c = cols[q];
      bCount[baseOff + c] += 1;
      bSw[baseOff + c] += wi;
      bSw2[baseOff + c] += w2;
      if (ni === 0) continue;
      const any = cellOff + anyRow + c;
      count[any] += 1;
      sw[any] += wi;
      sw2[any] += w2;
      for (let t = 0; t < ni; t++) {
        const k = cellOff + items[t] * ncol + c;
        count[k] += 1;
        sw[k] += wi;
        sw2[k] += w2;
      }
    }
  }
  const sum = (x: Float64Array, size: number) => {
    if (H === 1) return x;
    const out = new Float64Array(size);
    for (let h = 0; h < H; h++) for (let k = 0; k < size; k++) out[k] += x[h * size + k];
    return out;
  };
  const tally: MrTally = {
    nItems,
    ncol,
    count: sum(count, cells),
    sw: sum(sw, cells),
    sw2: sum(sw2, cells),
    base: { count: sum(bCount, ncol), sw: sum(bSw, ncol), sw2: sum(bSw2, ncol) },
    designN: designN.reduce((a, b) => a + b, 0),
    weightExcluded,
  };
  if (inp.strata) tally.byStratum = { n: H, designN, sw, sw2, baseSw: bSw, baseSw2: bSw2 };
  return tally;
}
