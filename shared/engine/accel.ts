/**
 * An optional faster executor for the tabulation kernels over Int8-stored codes.
 *
 * The engine stays synchronous and host-agnostic: the JavaScript kernels are always there and give the
 * same numbers; a host that can do better (the backend: WebAssembly over a shared memory, with a second
 * thread — see electron/engine/) installs an accelerator once at start-up, and
 * the kernels hand their loop to it when the data is large enough to be worth it. Tests install and
 * remove one to prove both paths agree.
 */

/** Pair table: per (a byte << 8 | b byte) cell, [count, Σw, Σw², unused]; 65,536 cells. */
export interface PairTally {
  acc: Float64Array;
  /** Rows inside the filter left out because of their weight. */
  weightExcluded: number;
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
  /** Unweighted (w null): Σw and Σw² are left 0 and the caller copies the counts. */
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
