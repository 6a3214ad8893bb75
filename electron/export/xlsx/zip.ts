/**
 * A streaming zip writer, enough for an Office Open XML package: deflated or stored entries, written
 * in the order they are ended, then the central directory (PKWARE APPNOTE 6.3, sections 4.3.7-4.3.16;
 * no ZIP64, so at most 65,535 entries and 4 GB).
 *
 * A small entry is compressed whole and its local header carries the sizes. A large one (the
 * checker's sheet) goes out while it is written: each chunk is compressed on its own and ends on a
 * sync flush, which leaves the deflate stream byte-aligned and open, so the chunks concatenate into
 * one valid stream (RFC 1951, 3.2.3: only the last block is final); the sizes follow in a data
 * descriptor. Compression runs beside the caller (deflater.ts); the results are put in order and
 * written to the sink on one promise chain. `drain` lets the caller wait until little is held, so
 * memory stays flat however large the book.
 */
import zlib from 'node:zlib';
import { type Compressed, type Deflater, inlineDeflater } from './deflater';

/** Where the package goes: must write all bytes or throw (a full disk, a cancel). */
export interface ZipSink {
  write(data: Buffer): Promise<void>;
}

export interface ZipOptions {
  /** Compresses the deflated entries; default: inline at level 1. */
  deflater?: Deflater;
  /** Modification time stored for every entry. */
  date?: Date;
}

/** Bytes collected before they are compressed as one chunk. */
const CHUNK_BYTES = 256 * 1024;
/** Compressed bytes collected before one file write. */
const WRITE_BYTES = 1 << 20;
const MAX_ENTRIES = 0xffff;
const MAX_OFFSET = 0xffffffff;

interface Central {
  name: Buffer;
  flags: number;
  method: number;
  crc: number;
  csize: number;
  usize: number;
  offset: number;
}

/** MS-DOS date and time (2-second resolution, local time), as zip headers store them. */
function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.min(2107, Math.max(1980, d.getFullYear()));
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** A compression started now and awaited later on the chain: its failure must not count as unhandled meanwhile. */
function started<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

export class ZipWriter {
  private readonly deflater: Deflater;
  private readonly time: number;
  private readonly date: number;
  private readonly central: Central[] = [];
  private offset = 0;
  /** Entries in order: each waits for its compression, then goes into the write buffer. */
  private chain: Promise<void> = Promise.resolve();
  /** File writes, in order. */
  private sinkChain: Promise<void> = Promise.resolve();
  private failure: Error | null = null;
  /** Text and data handed to compression and not yet collected. */
  private inFlight = 0;
  private out: Buffer[] = [];
  private outBytes = 0;
  /** Bytes handed to the sink and not yet written. */
  private writing = 0;
  private waiters: (() => void)[] = [];
  /** The entry whose chunks are going out; nothing else may be written until it ends. */
  private streaming: ZipEntry | null = null;
  private entries = 0;
  private closed = false;

  constructor(
    private readonly sink: ZipSink,
    opts: ZipOptions = {},
  ) {
    this.deflater = opts.deflater ?? inlineDeflater(1);
    ({ time: this.time, date: this.date } = dosDateTime(opts.date ?? new Date()));
  }

  /** An entry written piece by piece; `end()` it before the next entry goes out. */
  entry(name: string): ZipEntry {
    this.assertOpen();
    return new ZipEntry(this, name, this.entries++);
  }

  /** A whole entry, deflated. */
  file(name: string, data: string | Uint8Array): void {
    const e = this.entry(name);
    e.write(data);
    e.end();
  }

  /** A whole entry stored as it is (data that is compressed already: PNG). */
  stored(name: string, data: Buffer): void {
    this.claim(null);
    const crc = zlib.crc32(data);
    this.enqueue(() => {
      const c = this.record(name, 0, 0, crc, data.length, data.length);
      this.push(localHeader(c, this.time, this.date));
      this.push(data);
    });
  }

  /** Bytes held in memory by the writer (in compression, collected, or on their way to the sink). */
  get pending(): number {
    return this.inFlight + this.outBytes + this.writing;
  }

  /** Resolves when at most `limit` bytes are held; throws the first error. */
  async drain(limit = 4 * WRITE_BYTES): Promise<void> {
    while (!this.failure && this.pending > limit) {
      // What is collected goes to the sink now rather than waiting for a full write buffer.
      this.send();
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    if (this.failure) throw this.failure;
  }

  /** Writes the central directory and waits for every byte to reach the sink. */
  async close(): Promise<void> {
    this.assertOpen();
    if (this.streaming) throw new Error(`zip: entry ${this.streaming.name} was not ended`);
    this.closed = true;
    this.enqueue(() => {
      const start = this.offset;
      for (const c of this.central) this.push(centralHeader(c, this.time, this.date));
      if (this.offset > MAX_OFFSET) throw new Error('zip: larger than 4 GB');
      this.push(endRecord(this.central.length, this.offset - start, start));
      this.send();
    });
    try {
      await this.chain;
      await this.sinkChain;
    } finally {
      await this.deflater.stop();
    }
    if (this.failure) throw this.failure;
  }

  /** Stops writing (nothing more reaches the sink) and waits until no write is under way. */
  async abort(reason: Error): Promise<void> {
    this.failure ??= reason;
    this.closed = true;
    this.wake();
    await this.deflater.stop();
    await this.chain;
    await this.sinkChain;
  }

  // --- for ZipEntry

  /** @internal One chunk of an entry; a chunk that is both first and last makes a whole entry (sizes in the local header). */
  chunk(entry: ZipEntry, data: Uint8Array, first: boolean, last: boolean): void {
    this.claim(entry);
    const whole = first && last;
    if (!whole) this.streaming = last ? null : entry;
    // Counted now: the bytes may move to the compression thread.
    const size = data.byteLength;
    this.inFlight += size;
    const compressed = started(this.deflater.compress(entry.id, first, data, last));
    this.enqueue(async () => {
      let out: Compressed;
      try {
        out = await compressed;
      } finally {
        this.inFlight -= size;
      }
      if (whole) {
        const c = this.record(entry.name, 0, 8, out.crc, out.body.length, out.size);
        this.push(localHeader(c, this.time, this.date));
        this.push(out.body);
        return;
      }
      if (first) {
        entry.central = this.record(entry.name, 0x08, 8, 0, 0, 0);
        this.push(localHeader(entry.central, this.time, this.date));
      }
      const c = entry.central!;
      c.crc = out.crc;
      c.csize += out.body.length;
      c.usize += out.size;
      this.push(out.body);
      if (last) this.push(descriptor(c));
    });
  }

  // --- internals

  private assertOpen(): void {
    if (this.failure) throw this.failure;
    if (this.closed) throw new Error('zip: already closed');
  }

  /** Entries go out one after another: nothing may be written inside a streamed entry. */
  private claim(entry: ZipEntry | null): void {
    this.assertOpen();
    if (this.streaming && this.streaming !== entry) throw new Error(`zip: entry ${this.streaming.name} is still being written`);
  }

  private record(name: string, flags: number, method: number, crc: number, csize: number, usize: number): Central {
    if (this.central.length >= MAX_ENTRIES) throw new Error('zip: more than 65,535 entries');
    if (this.offset > MAX_OFFSET || csize > MAX_OFFSET || usize > MAX_OFFSET) throw new Error('zip: larger than 4 GB');
    const bytes = Buffer.from(name, 'utf8');
    // Bit 11: the name is UTF-8.
    const utf8 = bytes.length !== name.length ? 0x800 : 0;
    const c: Central = { name: bytes, flags: flags | utf8, method, crc, csize, usize, offset: this.offset };
    this.central.push(c);
    return c;
  }

  private push(b: Buffer): void {
    this.out.push(b);
    this.outBytes += b.length;
    this.offset += b.length;
    if (this.outBytes >= WRITE_BYTES) this.send();
  }

  /** Hands what is collected to the sink, after every earlier write. */
  private send(): void {
    if (this.outBytes === 0) return;
    const data = this.out.length === 1 ? this.out[0] : Buffer.concat(this.out, this.outBytes);
    this.out = [];
    this.outBytes = 0;
    this.writing += data.length;
    this.sinkChain = this.sinkChain.then(async () => {
      try {
        if (!this.failure) await this.sink.write(data);
      } catch (e) {
        this.fail(e);
      } finally {
        this.writing -= data.length;
        this.wake();
      }
    });
  }

  private enqueue(op: () => void | Promise<void>): void {
    this.chain = this.chain.then(async () => {
      if (this.failure) return;
      try {
        await op();
      } catch (e) {
        this.fail(e);
      } finally {
        this.wake();
      }
    });
  }

  private fail(e: unknown): void {
    this.failure ??= e instanceof Error ? e : new Error(String(e));
  }

  private wake(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) w();
  }
}

export class ZipEntry {
  /** @internal Set when the first chunk of a streamed entry is written. */
  central: Central | null = null;
  private parts: Uint8Array[] = [];
  private bytes = 0;
  private sent = false;
  private ended = false;

  constructor(
    private readonly zip: ZipWriter,
    readonly name: string,
    /** @internal */
    readonly id: number,
  ) {}

  /** Text (as UTF-8) or bytes; bytes given here belong to the entry from now on. */
  write(data: string | Uint8Array): void {
    if (this.ended) throw new Error(`zip: entry ${this.name} already ended`);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    this.parts.push(bytes);
    this.bytes += bytes.byteLength;
    if (this.bytes >= CHUNK_BYTES) this.emit(false);
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.emit(true);
  }

  private emit(last: boolean): void {
    const data = this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts, this.bytes);
    this.parts = [];
    this.bytes = 0;
    this.zip.chunk(this, data, !this.sent, last);
    this.sent = true;
  }
}

function localHeader(c: Central, time: number, date: number): Buffer {
  const b = Buffer.alloc(30 + c.name.length);
  b.writeUInt32LE(0x04034b50, 0);
  b.writeUInt16LE(20, 4);
  b.writeUInt16LE(c.flags, 6);
  b.writeUInt16LE(c.method, 8);
  b.writeUInt16LE(time, 10);
  b.writeUInt16LE(date, 12);
  b.writeUInt32LE(c.crc >>> 0, 14);
  b.writeUInt32LE(c.csize, 18);
  b.writeUInt32LE(c.usize, 22);
  b.writeUInt16LE(c.name.length, 26);
  b.writeUInt16LE(0, 28);
  c.name.copy(b, 30);
  return b;
}

function descriptor(c: Central): Buffer {
  const b = Buffer.alloc(16);
  b.writeUInt32LE(0x08074b50, 0);
  b.writeUInt32LE(c.crc >>> 0, 4);
  b.writeUInt32LE(c.csize, 8);
  b.writeUInt32LE(c.usize, 12);
  return b;
}

function centralHeader(c: Central, time: number, date: number): Buffer {
  const b = Buffer.alloc(46 + c.name.length);
  b.writeUInt32LE(0x02014b50, 0);
  b.writeUInt16LE(20, 4);
  b.writeUInt16LE(20, 6);
  b.writeUInt16LE(c.flags, 8);
  b.writeUInt16LE(c.method, 10);
  b.writeUInt16LE(time, 12);
  b.writeUInt16LE(date, 14);
  b.writeUInt32LE(c.crc >>> 0, 16);
  b.writeUInt32LE(c.csize, 20);
  b.writeUInt32LE(c.usize, 24);
  b.writeUInt16LE(c.name.length, 28);
  // extra, comment, disk number, internal and external attributes: none
  b.writeUInt32LE(c.offset, 42);
  c.name.copy(b, 46);
  return b;
}

function endRecord(entries: number, size: number, offset: number): Buffer {
  const b = Buffer.alloc(22);
  b.writeUInt32LE(0x06054b50, 0);
  b.writeUInt16LE(entries, 8);
  b.writeUInt16LE(entries, 10);
  b.writeUInt32LE(size, 12);
  b.writeUInt32LE(offset, 16);
  return b;
}
