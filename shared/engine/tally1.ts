/** One-way tabulation kernel: per category, unweighted count, Σw and Σw² in one pass. */
import type { CategoryLookup } from './categorize';

export interface Tally1 {
  count: Int32Array;
  sw: Float64Array;
  sw2: Float64Array;
  weightExcluded: number;
}

export function tally1(v: CategoryLookup, w: Float64Array | null, filter?: Uint8Array): Tally1 {
  const nk = v.categories.length;
  const count = new Int32Array(nk);
  const sw = new Float64Array(nk);
  const sw2 = new Float64Array(nk);
  const { data, lut, offset } = v;
  const n = data.length;
  let weightExcluded = 0;
  for (let i = 0; i < n; i++) {
    if (filter && filter[i] === 0) continue;
    let wi = 1;
    if (w !== null) {
      wi = w[i];
      if (!(wi > 0)) {
        weightExcluded++;
        continue;
      }
    }
    const k = lut[data[i] + offset];
    if (k < 0) continue;
    count[k]++;
    sw[k] += wi;
    sw2[k] += wi * wi;
  }
  return { count, sw, sw2, weightExcluded };
}
