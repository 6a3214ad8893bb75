/**
 * A multiple-response set as banner columns (SPSS CTABLES with a set in the columns): one column per
 * item — a member variable with the counted value (dichotomies), or a code that some member holds
 * (categories). A case is in every item column it has, so the columns of a set overlap.
 *
 *   cell(r, j) = (weighted) cases with row category r and item j;
 *   base_j     = Σ_r cell(r, j) = cases with item j and a valid row value;
 *   column %   = cell(r, j) / base_j (each item column adds up to 100, as any column).
 *
 * Count, Σw and Σw² per cell, so the banner's percentages, effective bases and means per column follow
 * as for any other column. Cases outside the filter and cases without a positive weight are left out.
 */
import type { MultipleResponseSet } from '../../model/mr-set';
import type { Dataset } from '../../model/dataset';
import type { CategoryRef, MrSetRef } from '../../model/results';
import type { CategoryLookup } from '../categorize';
import { readSet } from './resolve-set';

export interface SetColumns {
  set: MrSetRef;
  items: CategoryRef[];
  /** Most items one case can hold: the members (dichotomies) or min(members, items) (categories). */
  maxPerCase: number;
  /** Row-major nr × items. */
  count: Float64Array;
  sw: Float64Array;
  sw2: Float64Array;
}

export function tallySetColumns(ds: Dataset, set: MultipleResponseSet, row: CategoryLookup, w: Float64Array | null, filter?: Uint8Array): SetColumns {
  const reader = readSet(ds, set, { filter, includeLabelled: false });
  const nItems = reader.items.length;
  const nr = row.categories.length;
  const count = new Float64Array(nr * nItems);
  const sw = new Float64Array(nr * nItems);
  const sw2 = new Float64Array(nr * nItems);
  const items = new Int32Array(Math.max(1, reader.maxPerCase, reader.members.length));
  const n = row.data.length;
  for (let i = 0; i < n; i++) {
    if (filter !== undefined && filter[i] === 0) continue;
    const wi = w === null ? 1 : w[i];
    if (!(wi > 0)) continue;
    const r = row.lut[row.data[i] + row.offset];
    if (r === undefined || r < 0) continue;
    const held = reader.itemsOf(i, items);
    for (let t = 0; t < held; t++) {
      const k = r * nItems + items[t];
      count[k] += 1;
      sw[k] += wi;
      sw2[k] += wi * wi;
    }
  }
  return { set: reader.ref, items: reader.items, maxPerCase: reader.maxPerCase, count, sw, sw2 };
}
