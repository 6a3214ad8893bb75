/**
 * The multiple-response kernel: one pass over the cases fills, per banner column, the base (cases with
 * a valid value on at least one member) and, per item and for "any", the cases that have it — each as
 * count, Σw and Σw². Cases outside the filter, and cases whose weight is zero, negative or missing, are
 * left out (and the latter counted), as in every other table.
 */
import type { BannerPartLookup } from '../banner-tally';
import { columnLocator } from '../banner-columns';
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
}

export function tallyMr(
  reader: SetReader,
  parts: readonly BannerPartLookup[],
  total: boolean,
  w: Float64Array | null,
  rows: number,
  filter?: Uint8Array,
): MrTally {
  const nItems = reader.items.length;
  const { ncol, maxPerCase, columnsOf } = columnLocator(parts, total);
  const cells = (nItems + 1) * ncol;
  const count = new Float64Array(cells);
  const sw = new Float64Array(cells);
  const sw2 = new Float64Array(cells);
  const base = { count: new Float64Array(ncol), sw: new Float64Array(ncol), sw2: new Float64Array(ncol) };
  const cols = new Int32Array(Math.max(1, maxPerCase));
  const items = new Int32Array(Math.max(1, reader.maxPerCase));
  const anyRow = nItems * ncol;
  let designN = 0;
  let weightExcluded = 0;
  for (let i = 0; i < rows; i++) {
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
    const ni = reader.itemsOf(i, items);
    if (ni < 0) continue;
    const nc = columnsOf(i, cols);
    if (nc === 0) continue;
    const w2 = wi * wi;
    for (let a = 0; a < nc; a++) {
      const c = cols[a];
      base.count[c] += 1;
      base.sw[c] += wi;
      base.sw2[c] += w2;
      if (ni === 0) continue;
      const any = anyRow + c;
      count[any] += 1;
      sw[any] += wi;
      sw2[any] += w2;
      for (let b = 0; b < ni; b++) {
        const k = items[b] * ncol + c;
        count[k] += 1;
        sw[k] += wi;
        sw2[k] += w2;
      }
    }
  }
  return { nItems, ncol, count, sw, sw2, base, designN, weightExcluded };
}
