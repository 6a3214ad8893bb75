/**
 * Fast path of the two-way tally for two Int8-stored variables (the usual case: survey codes), doing the
 * category discovery and the tabulation in ONE pass.
 *
 * The pair of stored bytes is itself a cell index into a 256×256 value table, so the loop needs no lookup
 * table and no prior scan for observed values: it accumulates [count, Σw, Σw²] per value pair (1.5 MB,
 * of which only the few dozen occurring pairs are ever touched, so they stay in L1), and afterwards the
 * observed values define the categories and the value table folds into the category table. "Observed"
 * means: occurs in a row inside the filter with a usable weight — a code seen only in excluded rows does
 * not become an (empty) row or column.
 */
import type { VariableMeta } from '../model/dataset';
import { type CategoryLookup, lookupFromSeen } from './categorize';
import type { Tally2 } from './tally';
import { type PairTally, acceleratorFor, occupiedPairs } from './accel';

export interface Int8PairTally {
  row: CategoryLookup;
  col: CategoryLookup;
  tally: Tally2;
}

export function tallyInt8Pair(
  a: Int8Array,
  aMeta: VariableMeta,
  b: Int8Array,
  bMeta: VariableMeta,
  w: Float64Array | null,
  filter?: Uint8Array,
): Int8PairTally {
  const pt = acceleratorFor(a.length)?.pairs(a, b, w, filter) ?? pairTableJs(a, b, w, filter);
  const { keys, weightExcluded } = pt;
  if (w === null) {
    pt.sw.set(pt.count);
    pt.sw2.set(pt.count);
  }
  // Observed stored values, indexed by value + 128 as lookupFromSeen expects (byte x is value (x << 24) >> 24).
  const seenA = new Uint8Array(256);
  const seenB = new Uint8Array(256);
  for (let i = 0; i < keys.length; i++) {
    seenA[((keys[i] << 16) >> 24) + 128] = 1;
    seenB[((keys[i] << 24) >> 24) + 128] = 1;
  }
  const row = lookupFromSeen(a, seenA, aMeta);
  const col = lookupFromSeen(b, seenB, bMeta);
  const nr = row.categories.length;
  const nc = col.categories.length;
  const count = new Int32Array(nr * nc);
  const sw = new Float64Array(nr * nc);
  const sw2 = new Float64Array(nr * nc);
  for (let i = 0; i < keys.length; i++) {
    const r = row.lut[((keys[i] << 16) >> 24) + 128];
    const c = col.lut[((keys[i] << 24) >> 24) + 128];
    if (r < 0 || c < 0) continue;
    const k = r * nc + c;
    count[k] += pt.count[i];
    sw[k] += pt.sw[i];
    sw2[k] += pt.sw2[i];
  }
  return { row, col, tally: { nr, nc, count, sw, sw2, weightExcluded } };
}

/** The JavaScript pair table, kept between calls (the engine is synchronous) and cleared after use. */
let scratch: Float64Array | null = null;

/**
 * The pair table in JavaScript (when no accelerator is installed, or for small data). Four doubles per
 * cell rather than three, so a cell never straddles a cache line and the index is a shift.
 */
function pairTableJs(a: Int8Array, b: Int8Array, w: Float64Array | null, filter?: Uint8Array): PairTally {
  const ua = new Uint8Array(a.buffer, a.byteOffset, a.length);
  const ub = new Uint8Array(b.buffer, b.byteOffset, b.length);
  scratch ??= new Float64Array(65536 * 4);
  const acc = scratch;
  const n = ua.length;
  let weightExcluded = 0;
  if (w === null) {
    if (filter === undefined) for (let i = 0; i < n; i++) acc[((ua[i] << 8) | ub[i]) << 2] += 1;
    else for (let i = 0; i < n; i++) if (filter[i] !== 0) acc[((ua[i] << 8) | ub[i]) << 2] += 1;
  } else {
    for (let i = 0; i < n; i++) {
      if (filter !== undefined && filter[i] === 0) continue;
      const wi = w[i];
      if (!(wi > 0)) {
        weightExcluded++;
        continue;
      }
      const j = ((ua[i] << 8) | ub[i]) << 2;
      acc[j] += 1;
      acc[j + 1] += wi;
      acc[j + 2] += wi * wi;
    }
  }
  const out = occupiedPairs(acc, [0], weightExcluded);
  for (const k of out.keys) acc.fill(0, k * 4, k * 4 + 4);
  return out;
}
