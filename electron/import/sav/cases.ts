/**
 * Decodes case data into column builders, chunk by chunk. The inner loops work synchronously on the
 * bytes already buffered and only return to the event loop to refill, report progress or notice a
 * cancel, so the per-value cost is a table lookup and a typed-array write.
 */
import { NumericColumnBuilder, StringColumnBuilder } from '../../../shared/model/column-builder';
import { ImportCancelled, ImportError } from '../import-error';
import type { ImportOptions } from '../types';
import { CODE_EOF, CODE_PAD, CODE_RAW, CODE_SPACES, CODE_SYSMIS } from './constants';
import type { SavDictionary } from './dictionary';
import type { FileSource } from './file-source';
import { SLOT_NUMERIC, SLOT_STRING } from './layout';
import { trimmedLength } from './text';
import type { ByteStream } from './zlib-stream';

/** Values at or below this are system-missing (-DBL_MAX, and -Infinity which no writer means otherwise). */
const SYSMIS_LIMIT = -Number.MAX_VALUE;

export interface DecodedColumns {
  rows: number;
  numeric: NumericColumnBuilder[];
  strings: StringColumnBuilder[];
}

export interface DecodeContext {
  file: string;
  dict: SavDictionary;
  /** Source of the file offset for progress and errors. */
  src: FileSource;
  stream: ByteStream;
  compressed: boolean;
  bias: number;
  /** Initial builder capacity (a bounded hint). */
  capacity: number;
  options: ImportOptions;
}

class CaseSink {
  readonly numeric: NumericColumnBuilder[];
  readonly strings: StringColumnBuilder[];
  readonly scratch: Buffer[];
  private readonly widths: number[];
  rows = 0;

  constructor(private readonly ctx: DecodeContext) {
    const plan = ctx.dict.plan;
    this.numeric = plan.numericVars.map(() => new NumericColumnBuilder(ctx.capacity));
    this.strings = plan.stringVars.map(() => new StringColumnBuilder(ctx.capacity));
    this.scratch = plan.stringScratch.map((n) => Buffer.alloc(Math.max(8, n + 8), 0x20));
    this.widths = plan.stringScratch.map((n, i) => Math.min(n, plan.stringWidth[i]));
  }

  endCase(offset: number): void {
    const codec = this.ctx.dict.codec;
    for (let i = 0; i < this.strings.length; i++) {
      const s = this.scratch[i];
      this.strings[i].push(codec.decodeBuffer(s, trimmedLength(s, this.widths[i]), offset));
    }
    this.rows++;
  }
}

class Progress {
  private last = 0;
  constructor(private readonly ctx: DecodeContext) {}
  tick(rows: number): void {
    const { signal, onProgress } = this.ctx.options;
    if (signal?.aborted) throw new ImportCancelled();
    if (!onProgress) return;
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    onProgress({ bytes: this.ctx.src.offset, totalBytes: this.ctx.src.size, cases: rows });
  }
  done(rows: number): void {
    this.ctx.options.onProgress?.({ bytes: this.ctx.src.size, totalBytes: this.ctx.src.size, cases: rows });
  }
}

function fail(ctx: DecodeContext, reason: string): never {
  throw new ImportError(ctx.file, reason, { offset: ctx.src.offset });
}

export async function decodeCases(ctx: DecodeContext): Promise<DecodedColumns> {
  const sink = new CaseSink(ctx);
  const progress = new Progress(ctx);
  const limit = ctx.dict.caseCount >= 0 ? ctx.dict.caseCount : Infinity;
  if (ctx.dict.plan.slots > 0 && limit > 0) {
    if (ctx.compressed) await decodeBytecode(ctx, sink, progress, limit);
    else await decodeUncompressed(ctx, sink, progress, limit);
  }
  if (limit !== Infinity && sink.rows < limit) fail(ctx, `file ends after ${sink.rows} of ${limit} cases`);
  progress.done(sink.rows);
  return { rows: sink.rows, numeric: sink.numeric, strings: sink.strings };
}

async function decodeUncompressed(ctx: DecodeContext, sink: CaseSink, progress: Progress, limit: number): Promise<void> {
  const s = ctx.stream;
  const plan = ctx.dict.plan;
  const caseBytes = plan.slots * 8;
  const le = ctx.src.littleEndian;
  const { kind, target, dest, keep } = plan;
  const numeric = sink.numeric;
  const scratch = sink.scratch;
  while (sink.rows < limit) {
    if (!(await s.ensure(caseBytes))) {
      if (s.end - s.pos !== 0) fail(ctx, `file ends inside a case (${s.end - s.pos} of ${caseBytes} bytes)`);
      return;
    }
    progress.tick(sink.rows);
    const buf = s.buf;
    const view = s.view;
    let pos = s.pos;
    while (s.end - pos >= caseBytes && sink.rows < limit) {
      for (let k = 0; k < plan.slots; k++, pos += 8) {
        const kd = kind[k];
        if (kd === SLOT_NUMERIC) {
          const v = view.getFloat64(pos, le);
          numeric[target[k]].push(v <= SYSMIS_LIMIT ? NaN : v);
        } else if (kd === SLOT_STRING) {
          buf.copy(scratch[target[k]], dest[k], pos, pos + keep[k]);
        }
      }
      s.pos = pos;
      sink.endCase(ctx.src.offset);
    }
  }
}

/**
 * Bytecode decoding as a synchronous step over the buffered bytes, kept apart from the async refill
 * loop so the optimiser sees a plain hot loop. State that spans refills: the slot within the case.
 */
class BytecodeDecoder {
  k = 0;
  ended = false;
  private readonly slots: number;

  constructor(
    private readonly ctx: DecodeContext,
    private readonly sink: CaseSink,
    private readonly limit: number,
  ) {
    this.slots = ctx.dict.plan.slots;
  }

  /** Decodes command blocks starting at `pos` while they start at or before `startLimit`; returns the new position. */
  run(buf: Buffer, view: DataView, pos: number, startLimit: number, end: number): number {
    const { kind, target, dest, keep } = this.ctx.dict.plan;
    const numeric = this.sink.numeric;
    const scratch = this.sink.scratch;
    const bias = this.ctx.bias;
    const le = this.ctx.src.littleEndian;
    const slots = this.slots;
    let k = this.k;
    while (pos <= startLimit) {
      const cmd = pos;
      pos += 8;
      for (let ci = 0; ci < 8; ci++) {
        const code = buf[cmd + ci];
        if (code === CODE_PAD) continue;
        if (code === CODE_EOF) {
          if (k !== 0) this.fail(pos, 'end-of-data code inside a case');
          this.ended = true;
          return pos;
        }
        const kd = kind[k];
        if (code === CODE_RAW) {
          if (pos + 8 > end) this.fail(pos, 'file ends inside a compressed value');
          if (kd === SLOT_NUMERIC) {
            const v = view.getFloat64(pos, le);
            numeric[target[k]].push(v <= SYSMIS_LIMIT ? NaN : v);
          } else if (kd === SLOT_STRING) buf.copy(scratch[target[k]], dest[k], pos, pos + keep[k]);
          pos += 8;
        } else if (kd === SLOT_NUMERIC) {
          numeric[target[k]].push(code === CODE_SYSMIS || code === CODE_SPACES ? NaN : code - bias);
        } else if (kd === SLOT_STRING) {
          const d = dest[k];
          scratch[target[k]].fill(0x20, d, d + keep[k]);
        }
        if (++k === slots) {
          k = 0;
          this.ctx.stream.pos = pos;
          this.sink.endCase(this.ctx.src.offset);
          if (this.sink.rows >= this.limit) {
            this.k = 0;
            this.ended = true;
            return pos;
          }
        }
      }
    }
    this.k = k;
    return pos;
  }

  private fail(pos: number, reason: string): never {
    this.ctx.stream.pos = pos;
    return fail(this.ctx, reason);
  }
}

async function decodeBytecode(ctx: DecodeContext, sink: CaseSink, progress: Progress, limit: number): Promise<void> {
  const s = ctx.stream;
  const dec = new BytecodeDecoder(ctx, sink, limit);
  for (;;) {
    const full = await s.ensure(72);
    progress.tick(sink.rows);
    const end = s.end;
    if (!full && end - s.pos < 8) {
      if (dec.k !== 0 || end - s.pos !== 0) fail(ctx, 'file ends inside a compressed case');
      return;
    }
    // Start a command block only when it and its 8 possible raw values are buffered (or the file ends).
    s.pos = dec.run(s.buf, s.view, s.pos, full ? end - 72 : end - 8, end);
    if (dec.ended) return;
  }
}
