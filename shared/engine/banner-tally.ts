/**
 * The banner kernel: ONE pass over the rows fills count, Σw and Σw² for every (row category, banner
 * column) at once — Totaal, stacked variables and nested pairs alike.
 *
 * Every banner part is read as a pair (A, B): column = base + lutA[a] + lutB[b], where lutA is
 * pre-multiplied by B's category count and excluded codes map to a large negative number. A single
 * variable is the pair (V, V) with an all-zero lutB, so the inner loop has one shape for all parts and
 * no per-part branch.
 */
import type { CategoryLookup, IndexArray } from './categorize';
import { scaledLut } from './tally';

export type BannerPartLookup =
  | { kind: 'single'; look: CategoryLookup }
  | { kind: 'nest'; outer: CategoryLookup; inner: CategoryLookup };

export interface BannerTally {
  nr: number;
  /** Number of banner columns (Totaal first when present, then parts in order). */
  ncol: number;
  /** First column of each part. */
  partBase: number[];
  /** Row-major nr×ncol. */
  count: Int32Array;
  sw: Float64Array;
  sw2: Float64Array;
  /** Rows in the filter with a usable weight (the design size for sampling-weight standard errors). */
  designN: number;
  weightExcluded: number;
}


export function partWidth(p: BannerPartLookup): number {
  return p.kind === 'single' ? p.look.categories.length : p.outer.categories.length * p.inner.categories.length;
}

export function tallyBanner(
  row: CategoryLookup,
  total: boolean,
  parts: BannerPartLookup[],
  w: Float64Array | null,
  filter?: Uint8Array,
): BannerTally {
  const nr = row.categories.length;
  const G = parts.length;
  const dataA: IndexArray[] = [];
  const dataB: IndexArray[] = [];
  const lutA: Int32Array[] = [];
  const lutB: Int32Array[] = [];
  const offA = new Int32Array(G);
  const offB = new Int32Array(G);
  const base = new Int32Array(G);
  const partBase: number[] = [];
  let ncol = total ? 1 : 0;
  parts.forEach((p, g) => {
    base[g] = ncol;
    partBase.push(ncol);
    if (p.kind === 'single') {
      dataA.push(p.look.data);
      dataB.push(p.look.data);
      lutA.push(scaledLut(p.look, 1));
      lutB.push(new Int32Array(p.look.lut.length));
      offA[g] = offB[g] = p.look.offset;
    } else {
      dataA.push(p.outer.data);
      dataB.push(p.inner.data);
      lutA.push(scaledLut(p.outer, p.inner.categories.length));
      lutB.push(scaledLut(p.inner, 1));
      offA[g] = p.outer.offset;
      offB[g] = p.inner.offset;
    }
    ncol += partWidth(p);
  });
  const count = new Int32Array(nr * ncol);
  const sw = new Float64Array(nr * ncol);
  const sw2 = new Float64Array(nr * ncol);
  const rl = scaledLut(row, ncol);
  const rd = row.data;
  const ro = row.offset;
  const n = rd.length;
  let designN = 0;
  let weightExcluded = 0;
  for (let i = 0; i < n; i++) {
    if (filter !== undefined && filter[i] === 0) continue;
    let wi = 1;
    if (w !== null) {
      wi = w[i];
      if (!(wi > 0)) {
        weightExcluded++;
        continue;
      }
    }
    designN++;
    const r = rl[rd[i] + ro];
    if (r < 0) continue;
    const w2 = wi * wi;
    if (total) {
      count[r]++;
      sw[r] += wi;
      sw2[r] += w2;
    }
    for (let g = 0; g < G; g++) {
      const c = lutA[g][dataA[g][i] + offA[g]] + lutB[g][dataB[g][i] + offB[g]];
      if (c < 0) continue;
      const k = r + base[g] + c;
      count[k]++;
      sw[k] += wi;
      sw2[k] += w2;
    }
  }
  return { nr, ncol, partBase, count, sw, sw2, designN, weightExcluded };
}
