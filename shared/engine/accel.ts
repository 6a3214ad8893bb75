/**
 * An optional faster executor for the tabulation kernels over Int8-stored codes.
 *
 * The engine stays synchronous and host-agnostic: the JavaScript kernels are always there and give the
 * same numbers; a host that can do better (the backend: WebAssembly over a shared memory, with a second
 * thread — see electron/engine/) installs an accelerator once at start-up, and
 * the kernels hand their loop to it when the data is large enough to be worth it. Tests install and
 * remove one to prove both paths agree.
 */

/**
 * The occupied cells of the pair table, cell key = a byte << 8 | b byte. Only occupied cells are handed
 * back: a fresh 2 MB table per call costs more in page faults than the whole tabulation.
 */
export interface PairTally {
  keys: Int32Array;
  count: Float64Array;
  /** Σw and Σw² per cell; left 0 when unweighted (the caller copies the counts). */
  sw: Float64Array;
  sw2: Float64Array;
  /** Rows inside the filter left out because of their weight. */
  weightExcluded: number;
}

/** Collects the occupied cells of pair tables laid out as 4 doubles per cell (summing several tables). */
export function occupiedPairs(f: Float64Array, tables: number[], weightExcluded: number): PairTally {
  const keys: number[] = [];
  for (let k = 0; k < 65536; k++) {
    for (const t of tables) {
      if (f[t + k * 4] !== 0) {
        keys.push(k);
        break;
      }
    }
  }
  const m = keys.length;
  const out: PairTally = { keys: Int32Array.from(keys), count: new Float64Array(m), sw: new Float64Array(m), sw2: new Float64Array(m), weightExcluded };
  for (let i = 0; i < m; i++) {
    for (const t of tables) {
      const j = t + keys[i] * 4;
      out.count[i] += f[j];
      out.sw[i] += f[j + 1];
      out.sw2[i] += f[j + 2];
    }
  }
  return out;
}

/** Byte-indexed lookups (256 entries), pre-multiplied so that row + part base + a + b is the cell. */
export interface BannerKernelPart {
  a: Int8Array;
  aLut: Int32Array;
  b: Int8Array;
  bLut: Int32Array;
  base: number;
}

export interface BannerKernelJob {
  row: Int8Array;
  rowLut: Int32Array;
  parts: BannerKernelPart[];
  total: boolean;
  /** Number of cells (rows × banner columns); acc has 4 doubles per cell. */
  cells: number;
  w: Float64Array | null;
  filter?: Uint8Array;
}

export interface BannerKernelResult {
  /** Per cell [count, Σw, Σw², unused]. */
  acc: Float64Array;
  designN: number;
  weightExcluded: number;
}

export interface TallyAccelerator {
  pairs(a: Int8Array, b: Int8Array, w: Float64Array | null, filter?: Uint8Array): PairTally | null;
  /** out[byte] = 1 for every byte value occurring inside the filter. */
  seen(data: Int8Array, filter?: Uint8Array): Uint8Array | null;
  banner(job: BannerKernelJob): BannerKernelResult | null;
}

/** Below this many rows the JavaScript loop is as fast as handing over (mirroring, thread hand-off). */
export const ACCEL_MIN_ROWS = 1 << 16;

let installed: TallyAccelerator | null = null;
let minRows = ACCEL_MIN_ROWS;

/** `fromRows` lowers the threshold so tests can drive the accelerator with small data. */
export function installAccelerator(a: TallyAccelerator | null, fromRows = ACCEL_MIN_ROWS): void {
  installed = a;
  minRows = fromRows;
}

/** The installed accelerator when `rows` is large enough to use it. */
export function acceleratorFor(rows: number): TallyAccelerator | null {
  return rows >= minRows ? installed : null;
}
