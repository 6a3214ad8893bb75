/**
 * The two-way tabulation kernel: one pass over the rows accumulating, per (row category, column
 * category) cell, the unweighted count, Σw and Σw². Everything a crosstab, its tests and its Kish
 * effective base need comes from these three arrays.
 *
 * Why it is shaped like this: the row lookup is pre-multiplied by the number of columns and excluded
 * values map to a large negative number, so a cell index is one addition and exclusion of either
 * variable is one sign test. No allocation happens per row.
 */
import type { CategoryLookup } from './categorize';

export interface Tally2 {
  nr: number;
  nc: number;
  /** Row-major nr×nc. */
  count: Int32Array;
  sw: Float64Array;
  sw2: Float64Array;
  /** Rows (within the filter) left out because of their weight. */
  weightExcluded: number;
}

/** Lookup value of an excluded code: any sum with valid indices stays negative. */
export const OUT = -(1 << 28);

/** The lookup with indices multiplied by `scale` and exclusions as a large negative number. */
export function scaledLut(l: CategoryLookup, scale: number): Int32Array {
  // A plain loop: Int32Array.from with a mapping callback costs ~1 ms on a 65,536-slot Int16 table, paid
  // per table part, which was a third of a demo book's preview.
  const src = l.lut;
  const out = new Int32Array(src.length);
  for (let i = 0; i < src.length; i++) {
    const v = src[i];
    out[i] = v < 0 ? OUT : v * scale;
  }
  return out;
}

export function tally2(row: CategoryLookup, col: CategoryLookup, w: Float64Array | null, filter?: Uint8Array): Tally2 {
  const nr = row.categories.length;
  const nc = col.categories.length;
  const count = new Int32Array(nr * nc);
  const sw = new Float64Array(nr * nc);
  const sw2 = new Float64Array(nr * nc);
  const rl = scaledLut(row, nc);
  const cl = scaledLut(col, 1);
  const a = row.data;
  const b = col.data;
  const oa = row.offset;
  const ob = col.offset;
  const n = a.length;
  let weightExcluded = 0;
  if (w === null) {
    if (filter) {
      for (let i = 0; i < n; i++) {
        if (filter[i] === 0) continue;
        const k = rl[a[i] + oa] + cl[b[i] + ob];
        if (k >= 0) count[k]++;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const k = rl[a[i] + oa] + cl[b[i] + ob];
        if (k >= 0) count[k]++;
      }
    }
    for (let k = 0; k < count.length; k++) sw[k] = sw2[k] = count[k];
  } else {
    // The filter test is predictable and costs little next to the three scattered additions.
    for (let i = 0; i < n; i++) {
      if (filter !== undefined && filter[i] === 0) continue;
      const wi = w[i];
      if (!(wi > 0)) {
        weightExcluded++;
        continue;
      }
      const k = rl[a[i] + oa] + cl[b[i] + ob];
      if (k < 0) continue;
      count[k]++;
      sw[k] += wi;
      sw2[k] += wi * wi;
    }
  }
  return { nr, nc, count, sw, sw2, weightExcluded };
}
