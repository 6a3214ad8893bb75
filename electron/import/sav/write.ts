/**
 * SPSS system file writer: uncompressed, bytecode-compressed or zlib (.zsav). The file is written to
 * a temporary name beside the target and renamed at the end, so a failed write never leaves half a file.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { deflateSync } from 'node:zlib';
import { type Dataset, sysmisSentinel } from '../../../shared/model/dataset';
import { ByteWriter } from './byte-writer';
import { BYTECODE_BIAS, CODE_RAW, CODE_SPACES, CODE_SYSMIS, SEGMENT_WIDTH, slotsFor } from './constants';
import { dictionaryBytes, planWrite, type WriteVar } from './write-dict';

export interface SavWriteOptions {
  compression?: 'none' | 'bytecode' | 'zlib';
  /** Creation time stamped in the header; fixed in tests so output is byte-for-byte reproducible. */
  created?: Date;
  /** Variants real files come in, used to craft reader fixtures. */
  bigEndian?: boolean;
  sysmisAsNaN?: boolean;
  unknownCaseCount?: boolean;
  /** Uncompressed bytes per zlib block (SPSS uses 0x3ff000). */
  zlibBlockSize?: number;
  /** Runs when the file is complete, before it takes its name: if it throws, nothing is written (the audit entry first). */
  beforeRename?: () => void | Promise<void>;
}

const FLUSH_AT = 1 << 20;

interface Output {
  offset: number;
  write(b: Buffer): Promise<void>;
  writeAt(b: Buffer, at: number): Promise<void>;
}

/** Encodes cases slot by slot into plain or bytecode form, handing full buffers to `sink`. */
class CaseEncoder {
  private readonly out: Buffer;
  private len = 0;
  private cmdAt = -1;
  private cmdN = 8;
  private readonly view: DataView;

  /** `slots` per case: the buffer holds FLUSH_AT plus one worst-case row, so rows never overflow it. */
  constructor(
    slots: number,
    private readonly compressed: boolean,
    private readonly le: boolean,
    private readonly sysmis: number,
    private readonly sink: (b: Buffer) => Promise<void>,
  ) {
    this.out = Buffer.alloc(FLUSH_AT + slots * 9 + 16);
    this.view = new DataView(this.out.buffer, this.out.byteOffset, this.out.byteLength);
  }

  get full(): boolean {
    return this.len >= FLUSH_AT;
  }

  private code(c: number): void {
    if (this.cmdN === 8) {
      this.cmdAt = this.len;
      this.out.fill(0, this.len, this.len + 8);
      this.len += 8;
      this.cmdN = 0;
    }
    this.out[this.cmdAt + this.cmdN++] = c;
  }

  numeric(v: number): void {
    if (!this.compressed) {
      this.view.setFloat64(this.len, v !== v ? this.sysmis : v, this.le);
      this.len += 8;
    } else if (v !== v) this.code(CODE_SYSMIS);
    else if (Number.isInteger(v) && v >= 1 - BYTECODE_BIAS && v <= 251 - BYTECODE_BIAS && !Object.is(v, -0)) this.code(v + BYTECODE_BIAS);
    else {
      this.code(CODE_RAW);
      this.view.setFloat64(this.len, v, this.le);
      this.len += 8;
    }
  }

  /** 8 bytes of string data from `src` at `at` (already space-padded). */
  string(src: Buffer, at: number): void {
    if (this.compressed) {
      let blank = true;
      for (let i = 0; i < 8; i++) if (src[at + i] !== 0x20) blank = false;
      if (blank) return this.code(CODE_SPACES);
      this.code(CODE_RAW);
    }
    src.copy(this.out, this.len, at, at + 8);
    this.len += 8;
  }

  /** Hands over complete output, keeping an open command block (its raw values are still to come). */
  async maybeFlush(force = false): Promise<void> {
    if (!force && this.len < FLUSH_AT) return;
    const keepFrom = this.compressed && this.cmdN < 8 && !force ? this.cmdAt : this.len;
    if (keepFrom > 0) await this.sink(Buffer.from(this.out.subarray(0, keepFrom)));
    this.out.copy(this.out, 0, keepFrom, this.len);
    this.len -= keepFrom;
    this.cmdAt -= keepFrom;
  }
}

function slotCount(vars: WriteVar[]): number {
  return vars.reduce((n, v) => n + v.segments.reduce((m, s) => m + slotsFor(s.width), 0), 0);
}

/** Per string variable: each dictionary value laid out as its segments' slots, space-padded. */
function stringLayouts(v: WriteVar, dict: string[]): Buffer[] {
  const slotBytes = v.segments.reduce((n, s) => n + slotsFor(s.width) * 8, 0);
  return dict.map((s) => {
    const raw = Buffer.from(s, 'utf8');
    const out = Buffer.alloc(slotBytes, 0x20);
    let at = 0;
    v.segments.forEach((seg, i) => {
      const from = i * SEGMENT_WIDTH;
      const n = Math.max(0, Math.min(seg.width, SEGMENT_WIDTH, raw.length - from));
      if (n > 0) raw.copy(out, at, from, from + n);
      at += slotsFor(seg.width) * 8;
    });
    return out;
  });
}

async function encodeCases(ds: Dataset, vars: WriteVar[], enc: CaseEncoder): Promise<void> {
  const cols = vars.map((v, vi) => {
    const c = ds.columns[vi];
    if (c.kind === 'numeric') return { numeric: c.data, sentinel: sysmisSentinel(c.data), layouts: [] as Buffer[], codes: null };
    return { numeric: null, sentinel: 0, layouts: stringLayouts(v, c.dict), codes: c.codes };
  });
  for (let r = 0; r < ds.rows; r++) {
    for (const c of cols) {
      if (c.numeric) {
        const x = c.numeric[r];
        enc.numeric(x === c.sentinel ? NaN : x);
      } else {
        const b = c.layouts[c.codes![r]];
        for (let at = 0; at < b.length; at += 8) enc.string(b, at);
      }
    }
    if (enc.full) await enc.maybeFlush();
  }
  await enc.maybeFlush(true);
}

export async function writeSav(path: string, ds: Dataset, options: SavWriteOptions = {}): Promise<void> {
  const compression = options.compression ?? 'bytecode';
  const le = !options.bigEndian;
  const vars = planWrite(ds);
  const dict = dictionaryBytes(ds, vars, {
    compression,
    created: options.created ?? new Date(),
    littleEndian: le,
    unknownCaseCount: options.unknownCaseCount ?? false,
  });
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  // Microdata: readable by the user only.
  const fh = await open(tmp, 'wx', 0o600);
  let ok = false;
  try {
    const out: Output = {
      offset: 0,
      async write(b) {
        await fh.write(b, 0, b.length, this.offset);
        this.offset += b.length;
      },
      async writeAt(b, at) {
        await fh.write(b, 0, b.length, at);
      },
    };
    const write = (b: Buffer): Promise<void> => out.write(b);
    await write(dict);
    const sysmis = options.sysmisAsNaN ? NaN : -Number.MAX_VALUE;
    if (compression !== 'zlib') {
      await encodeCases(ds, vars, new CaseEncoder(slotCount(vars), compression === 'bytecode', le, sysmis, write));
    } else {
      await writeZlib(ds, vars, le, sysmis, options.zlibBlockSize ?? 0x3ff000, out);
    }
    ok = true;
  } finally {
    await fh.close();
    if (!ok) await unlink(tmp).catch(() => undefined);
  }
  try {
    await options.beforeRename?.();
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  await rename(tmp, path);
}

async function writeZlib(ds: Dataset, vars: WriteVar[], le: boolean, sysmis: number, blockSize: number, out: Output): Promise<void> {
  const offset = (): number => out.offset;
  const write = (b: Buffer): Promise<void> => out.write(b);
  const zheader = offset();
  await write(Buffer.alloc(24));
  const blocks: { uofs: number; cofs: number; usize: number; csize: number }[] = [];
  let pending = Buffer.alloc(0);
  let uofs = zheader;
  const emit = async (chunk: Buffer): Promise<void> => {
    const z = deflateSync(chunk);
    blocks.push({ uofs, cofs: offset(), usize: chunk.length, csize: z.length });
    uofs += chunk.length;
    await write(z);
  };
  const sink = async (b: Buffer): Promise<void> => {
    pending = Buffer.concat([pending, b]);
    while (pending.length >= blockSize) {
      await emit(pending.subarray(0, blockSize));
      pending = pending.subarray(blockSize);
    }
  };
  await encodeCases(ds, vars, new CaseEncoder(slotCount(vars), true, le, sysmis, sink));
  if (pending.length > 0) await emit(pending);
  const trailerAt = offset();
  const t = new ByteWriter(le).i64(-BYTECODE_BIAS).i64(0).i32(blockSize).i32(blocks.length);
  for (const b of blocks) t.i64(b.uofs).i64(b.cofs).i32(b.usize).i32(b.csize);
  const trailer = t.result();
  await write(trailer);
  const h = new ByteWriter(le).i64(zheader).i64(trailerAt).i64(trailer.length).result();
  await out.writeAt(h, zheader);
}
