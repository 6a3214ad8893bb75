/**
 * The tabulation kernels run as WebAssembly over copies of the columns in one shared memory, split over
 * two threads when a second thread is given: each takes half the rows into its own accumulator, and the
 * halves are added afterwards (sums of counts and weights do not depend on the split beyond rounding
 * of Σw in the last bits, the same order-dependence any parallel sum has).
 */
import { type BannerKernelJob, type BannerKernelResult, type PairTally, type TallyAccelerator, occupiedPairs } from '../../../shared/engine/accel';
import { Arena } from './arena';
import { KERNELS_WASM_BASE64 } from './kernels-wasm';
import { Mirror } from './mirror';
import type { Collected, KernelCall, SecondThread } from './protocol';

interface KernelExports {
  pairs(pa: number, pb: number, pw: number, pf: number, n: number, acc: number): number;
  seen(pd: number, pf: number, n: number, out: number): void;
  banner(descriptor: number): void;
}

const CELL_BYTES = 32;
const PAIR_TABLE_BYTES = 65536 * CELL_BYTES;
/** Below this many rows one thread is quicker than the hand-off. */
const SPLIT_MIN_ROWS = 1 << 18;
/** Banner descriptor words before the parts (see kernels.wat). */
const DESC_WORDS = 11;
/** Copies of the banner accumulator that rows take in turn (see kernels.wat). */
const BANNER_REPLICAS = 4;

export function kernelBytes(): Uint8Array<ArrayBuffer> {
  const bin = atob(KERNELS_WASM_BASE64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Allocates a block released when the current call ends (zeroed when asked); null when full. */
type Temp = (bytes: number, zeroed: boolean) => number | null;

export interface WasmParts {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
}

export class WasmAccelerator implements TallyAccelerator {
  private readonly k: KernelExports;
  private readonly arena: Arena;
  private readonly mirror: Mirror;
  private pairTables: [number, number] | null = null;

  constructor(
    parts: WasmParts,
    private readonly second: SecondThread | null = null,
    /** Rows from which the second thread takes half (lowered by tests). */
    private readonly splitMinRows = SPLIT_MIN_ROWS,
  ) {
    this.k = new WebAssembly.Instance(parts.module, { env: { mem: parts.memory } }).exports as unknown as KernelExports;
    this.arena = new Arena(parts.memory);
    this.mirror = new Mirror(this.arena);
  }

  pairs(a: Int8Array, b: Int8Array, w: Float64Array | null, filter?: Uint8Array): PairTally | null {
    const n = a.length;
    return this.withCall((temp) => {
      const p = this.pointers([a, b], w, filter, temp);
      const tables = this.pairTablesKept();
      if (!p || !tables) return null;
      const [pa, pb] = p.codes;
      const { pw, pf } = p;
      const [acc0, acc1] = tables;
      let weightExcluded = 0;
      let clean = false;
      try {
        this.split(
          n,
          (s, m, mine) => {
            const args: [number, number, number, number, number, number] = [
              pa + s,
              pb + s,
              pw < 0 ? -1 : pw + 8 * s,
              pf < 0 ? -1 : pf + s,
              m,
              mine ? acc0 : acc1,
            ];
            return { kind: 'pairs', args };
          },
          (call, v) => (weightExcluded += v),
          () => this.zero(acc1, PAIR_TABLE_BYTES),
        );
        const f = new Float64Array(this.arena.memory.buffer);
        const out = occupiedPairs(f, [acc0 / 8, acc1 / 8], weightExcluded);
        // Clearing only the occupied cells keeps the next call from touching 4 MB.
        for (const k of out.keys) for (const t of tables) f.fill(0, t / 8 + k * 4, t / 8 + k * 4 + 4);
        clean = true;
        return out;
      } finally {
        if (!clean) for (const t of tables) this.zero(t, PAIR_TABLE_BYTES);
      }
    });
  }

  /** The two pair tables (one per thread), kept zeroed between calls. */
  private pairTablesKept(): [number, number] | null {
    if (this.pairTables) return this.pairTables;
    const t0 = this.arena.alloc(PAIR_TABLE_BYTES);
    const t1 = this.arena.alloc(PAIR_TABLE_BYTES);
    if (t0 === null || t1 === null) {
      if (t0 !== null) this.arena.release(t0, PAIR_TABLE_BYTES);
      if (t1 !== null) this.arena.release(t1, PAIR_TABLE_BYTES);
      return null;
    }
    this.zero(t0, PAIR_TABLE_BYTES);
    this.zero(t1, PAIR_TABLE_BYTES);
    this.pairTables = [t0, t1];
    return this.pairTables;
  }

  seen(data: Int8Array, filter?: Uint8Array): Uint8Array | null {
    return this.withCall((temp) => {
      const p = this.pointers([data], null, filter, temp);
      const out0 = temp(256, true);
      const out1 = temp(256, true);
      if (!p || out0 === null || out1 === null) return null;
      const pd = p.codes[0];
      const pf = p.pf;
      this.split(
        data.length,
        (s, m, mine) => ({ kind: 'seen', args: [pd + s, pf < 0 ? -1 : pf + s, m, mine ? out0 : out1] }),
        () => 0,
        () => this.zero(out1, 256),
      );
      const u8 = new Uint8Array(this.arena.memory.buffer);
      const out = new Uint8Array(256);
      for (let x = 0; x < 256; x++) out[x] = u8[out0 + x] | u8[out1 + x];
      return out;
    });
  }

  banner(job: BannerKernelJob): BannerKernelResult | null {
    const n = job.row.length;
    const G = job.parts.length;
    return this.withCall((temp) => {
      const p = this.pointers([job.row, ...job.parts.flatMap((q) => [q.a, q.b])], job.w, job.filter, temp);
      if (!p) return null;
      const lut = (l: Int32Array) => {
        const at = temp(1024, false);
        if (at !== null) new Int32Array(this.arena.memory.buffer, at, 256).set(l.subarray(0, 256));
        return at;
      };
      const rowLut = lut(job.rowLut);
      const partLuts = job.parts.map((q) => [lut(q.aLut), lut(q.bLut)]);
      const cells = Math.max(job.cells, 1);
      const stride = cells * CELL_BYTES;
      const accBytes = BANNER_REPLICAS * stride;
      const accs = [temp(accBytes, true), temp(accBytes, true)];
      const descs = [temp(4 * (DESC_WORDS + 5 * G), false), temp(4 * (DESC_WORDS + 5 * G), false)];
      if (rowLut === null || partLuts.flat().some((x) => x === null) || [...accs, ...descs].some((x) => x === null)) return null;
      const [acc0, acc1] = accs as number[];
      let designN = 0;
      let weightExcluded = 0;
      const fill = (d: number, s: number, m: number, acc: number) => {
        const words = new Int32Array(this.arena.memory.buffer, d, DESC_WORDS + 5 * G);
        words.set([m, p.codes[0] + s, rowLut, p.pw < 0 ? -1 : p.pw + 8 * s, p.pf < 0 ? -1 : p.pf + s, job.total ? 1 : 0, G, acc, 0, 0, stride]);
        job.parts.forEach((q, g) => {
          const [aLut, bLut] = partLuts[g] as number[];
          words.set([p.codes[1 + 2 * g] + s, aLut, p.codes[2 + 2 * g] + s, bLut, q.base], DESC_WORDS + 5 * g);
        });
      };
      this.split(
        n,
        (s, m, mine) => {
          const d = (mine ? descs[0] : descs[1]) as number;
          fill(d, s, m, mine ? acc0 : acc1);
          return { kind: 'banner', args: [d] };
        },
        (call) => {
          const words = new Int32Array(this.arena.memory.buffer, call.args[0], DESC_WORDS);
          designN += words[8];
          weightExcluded += words[9];
          return 0;
        },
        () => this.zero(acc1, accBytes),
      );
      const replicas = [acc0, acc1].flatMap((at) => Array.from({ length: BANNER_REPLICAS }, (_, k) => at + k * stride));
      return { acc: this.sumOut(replicas, cells), designN, weightExcluded };
    });
  }

  /**
   * Runs rows [0, n) as one call, or as two halves with the second thread taking the upper half; a
   * half the thread did not take (or failed) is run here after `reset` clears its accumulator.
   */
  private split(
    n: number,
    make: (start: number, rows: number, mine: boolean) => KernelCall,
    onResult: (call: KernelCall, value: number) => unknown,
    reset: () => void,
  ): void {
    if (!this.second || n < this.splitMinRows) {
      const c = make(0, n, true);
      onResult(c, this.run(c));
      return;
    }
    const h = n >> 1;
    const theirs = make(h, n - h, false);
    this.second.post(theirs);
    const mine = make(0, h, true);
    onResult(mine, this.run(mine));
    const got: Collected = this.second.collect();
    if (got.status === 'done') onResult(theirs, got.value);
    else {
      if (got.status === 'failed') reset();
      onResult(theirs, this.run(theirs));
    }
  }

  private run(c: KernelCall): number {
    if (c.kind === 'pairs') return this.k.pairs(...c.args);
    if (c.kind === 'seen') this.k.seen(...c.args);
    else this.k.banner(...c.args);
    return 0;
  }

  /** Offsets of mirrored inputs; null when the memory has no room (the caller uses JavaScript). */
  private pointers(codes: Int8Array[], w: Float64Array | null, filter: Uint8Array | undefined, temp: Temp) {
    const offs = codes.map((c) => this.mirror.offsetOf(c));
    const pw = w ? this.mirror.offsetOf(w) : -1;
    // A filter is made afresh for every request: copied for this call only, not kept.
    let pf: number | null = -1;
    if (filter) {
      pf = temp(filter.byteLength, false);
      if (pf !== null) new Uint8Array(this.arena.memory.buffer, pf, filter.byteLength).set(filter);
    }
    if (offs.some((o) => o === null) || pw === null || pf === null) return null;
    return { codes: offs as number[], pw, pf };
  }

  /** Accumulators (both halves, every replica) added into a fresh array of 4 doubles per cell. */
  private sumOut(regions: number[], cells: number): Float64Array {
    const f = new Float64Array(this.arena.memory.buffer);
    const out = new Float64Array(cells * 4);
    for (const at of regions) {
      const a = at / 8;
      for (let j = 0; j < cells * 4; j += 4) {
        if (f[a + j] === 0) continue;
        out[j] += f[a + j];
        out[j + 1] += f[a + j + 1];
        out[j + 2] += f[a + j + 2];
      }
    }
    return out;
  }

  private zero(at: number, bytes: number): void {
    new Uint8Array(this.arena.memory.buffer, at, bytes).fill(0);
  }

  /** One engine call: temporaries released at the end, however it ends. */
  private withCall<T>(body: (temp: Temp) => T | null): T | null {
    this.mirror.beginCall();
    const held: Array<[number, number]> = [];
    const temp = (bytes: number, zeroed: boolean) => {
      const at = this.arena.alloc(bytes);
      if (at === null) return null;
      held.push([at, bytes]);
      if (zeroed) this.zero(at, bytes);
      return at;
    };
    try {
      return body(temp);
    } finally {
      for (const [at, bytes] of held) this.arena.release(at, bytes);
    }
  }
}
