/**
 * Sequential, chunked access to a file: the reader never holds more than a chunk (plus one record) of
 * the file in memory. Multi-byte fields are read through a DataView in the file's byte order.
 */
import { open } from 'node:fs/promises';
import { ImportError } from '../import-error';

export const DEFAULT_CHUNK = 4 * 1024 * 1024;

/** Positional reads from a file on disk or from bytes already in memory. */
export interface RandomAccess {
  size: number;
  read(into: Buffer, at: number, length: number, position: number): Promise<number>;
  close(): Promise<void>;
}

export async function openFile(path: string): Promise<RandomAccess> {
  const fh = await open(path, 'r');
  try {
    const { size } = await fh.stat();
    return {
      size,
      read: async (into, at, length, position) => (await fh.read(into, at, length, position)).bytesRead,
      close: () => fh.close(),
    };
  } catch (e) {
    await fh.close();
    throw e;
  }
}

export function memoryAccess(bytes: Uint8Array): RandomAccess {
  return {
    size: bytes.length,
    read: async (into, at, length, position) => {
      const n = Math.max(0, Math.min(length, bytes.length - position));
      into.set(bytes.subarray(position, position + n), at);
      return n;
    },
    close: async () => undefined,
  };
}

export class FileSource {
  buf: Buffer;
  view: DataView;
  /** Read position and end of valid bytes within `buf`. */
  pos = 0;
  end = 0;
  /** File offset of buf[0]. */
  private base = 0;
  littleEndian = true;

  readonly size: number;

  constructor(
    private readonly io: RandomAccess,
    readonly file: string,
    private readonly chunk = DEFAULT_CHUNK,
  ) {
    this.size = io.size;
    chunk = Math.max(256, chunk);
    this.chunk = chunk;
    this.buf = Buffer.alloc(Math.min(chunk, io.size + 8));
    this.view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
  }

  /** File offset of the next unread byte. */
  get offset(): number {
    return this.base + this.pos;
  }

  get remaining(): number {
    return this.size - this.offset;
  }

  fail(reason: string, offset = this.offset): never {
    throw new ImportError(this.file, reason, { offset });
  }

  /** Makes at least `n` bytes available after `pos` unless the file ends first; returns availability. */
  async ensure(n: number): Promise<boolean> {
    if (this.end - this.pos >= n) return true;
    if (n > this.remaining) {
      await this.fill(this.remaining);
      return false;
    }
    await this.fill(n);
    return true;
  }

  /** Like ensure, but a short file is an error naming `what`. */
  async need(n: number, what: string): Promise<void> {
    if (n < 0 || !(await this.ensure(n))) this.fail(`file ends inside ${what} (needs ${n} bytes, ${this.remaining} left)`);
  }

  private async fill(n: number): Promise<void> {
    const keep = this.end - this.pos;
    const want = Math.max(n, Math.min(this.chunk, this.remaining));
    if (want > this.buf.length) {
      const next = Buffer.alloc(want);
      this.buf.copy(next, 0, this.pos, this.end);
      this.buf = next;
      this.view = new DataView(next.buffer, next.byteOffset, next.byteLength);
    } else if (this.pos > 0) {
      this.buf.copy(this.buf, 0, this.pos, this.end);
    }
    this.base += this.pos;
    this.pos = 0;
    this.end = keep;
    while (this.end < want) {
      const toRead = Math.min(this.buf.length - this.end, this.size - (this.base + this.end));
      if (toRead <= 0) break;
      const bytesRead = await this.io.read(this.buf, this.end, toRead, this.base + this.end);
      if (bytesRead === 0) break;
      this.end += bytesRead;
    }
  }

  /** Jumps to an absolute file offset (forward or backward), discarding buffered bytes. */
  seek(offset: number): void {
    if (offset >= this.base && offset <= this.base + this.end) {
      this.pos = offset - this.base;
      return;
    }
    this.base = offset;
    this.pos = 0;
    this.end = 0;
  }

  i32(): number {
    const v = this.view.getInt32(this.pos, this.littleEndian);
    this.pos += 4;
    return v;
  }

  f64(): number {
    const v = this.view.getFloat64(this.pos, this.littleEndian);
    this.pos += 8;
    return v;
  }

  /** A 64-bit integer as a double (exact up to 2^53, enough for offsets and counts we accept). */
  i64(): number {
    const v = this.view.getBigInt64(this.pos, this.littleEndian);
    this.pos += 8;
    return Number(v);
  }

  bytes(n: number): Uint8Array {
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  skip(n: number): void {
    this.pos += n;
  }

  async close(): Promise<void> {
    await this.io.close();
  }
}
