/**
 * Bounded random access to a file plus an endian-aware cursor over a chunk of it. Every length that
 * comes from the file is checked against the file size before anything is allocated, so a header that
 * claims 10^12 rows or a 2 GB label fails with an ImportError instead of exhausting memory.
 */
import { type FileHandle, open } from 'node:fs/promises';
import { decodeCp1252, firstInvalidUtf8 } from '../csv/decode';
import { ImportError } from '../import-error';

/** Opens a file for reading; a missing or unreadable file is an ImportError, not a Node error. */
export async function openForImport(path: string): Promise<FileHandle> {
  try {
    return await open(path, 'r');
  } catch (e) {
    throw new ImportError(path, `cannot open file (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

export class ByteSource {
  constructor(
    readonly path: string,
    private readonly fh: FileHandle,
    readonly size: number,
  ) {}

  fail(reason: string, offset: number): never {
    throw new ImportError(this.path, reason, { offset });
  }

  async read(offset: number, length: number, what: string): Promise<Uint8Array> {
    if (!Number.isSafeInteger(length) || length < 0 || offset + length > this.size) {
      this.fail(`${what} runs past the end of the file (${length} bytes claimed)`, offset);
    }
    const buf = new Uint8Array(length);
    let done = 0;
    while (done < length) {
      const { bytesRead } = await this.fh.read(buf, done, length - done, offset + done);
      if (bytesRead === 0) this.fail(`${what}: unexpected end of file`, offset + done);
      done += bytesRead;
    }
    return buf;
  }
}

/** Reads values from a chunk that starts at file offset `base` (for error messages). */
export class Cursor {
  pos = 0;
  private readonly view: DataView;

  constructor(
    readonly bytes: Uint8Array,
    readonly base: number,
    readonly little: boolean,
    private readonly src: ByteSource,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get offset(): number {
    return this.base + this.pos;
  }

  need(n: number, what: string): void {
    if (this.pos + n > this.bytes.length) this.src.fail(`${what}: unexpected end of data`, this.offset);
  }

  u8(): number {
    this.need(1, 'byte');
    return this.bytes[this.pos++];
  }
  u16(): number {
    this.need(2, 'integer');
    const v = this.view.getUint16(this.pos, this.little);
    this.pos += 2;
    return v;
  }
  u32(): number {
    this.need(4, 'integer');
    const v = this.view.getUint32(this.pos, this.little);
    this.pos += 4;
    return v;
  }
  i32(): number {
    this.need(4, 'integer');
    const v = this.view.getInt32(this.pos, this.little);
    this.pos += 4;
    return v;
  }
  u64(): number {
    this.need(8, 'integer');
    const v = this.view.getBigUint64(this.pos, this.little);
    this.pos += 8;
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) this.src.fail('count too large', this.offset - 8);
    return Number(v);
  }
  /** Unsigned integer of 1 to 8 bytes. */
  uint(n: number): number {
    if (n === 1) return this.u8();
    if (n === 2) return this.u16();
    if (n === 4) return this.u32();
    if (n === 8) return this.u64();
    this.need(n, 'integer');
    let v = 0;
    for (let k = 0; k < n; k++) {
      const b = this.bytes[this.pos + (this.little ? n - 1 - k : k)];
      v = v * 256 + b;
    }
    this.pos += n;
    return v;
  }
  bytesOf(n: number, what: string): Uint8Array {
    this.need(n, what);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  /** A NUL-padded text field of n bytes. */
  text(n: number, what: string): string {
    return decodeText(this.bytesOf(n, what));
  }
  /** Expects a literal tag such as `<data>` (117+ files). */
  tag(t: string): void {
    const b = this.bytesOf(t.length, t);
    for (let k = 0; k < t.length; k++) {
      if (b[k] !== t.charCodeAt(k)) this.src.fail(`expected ${t}`, this.offset - t.length);
    }
  }
  peekTag(t: string): boolean {
    if (this.pos + t.length > this.bytes.length) return false;
    for (let k = 0; k < t.length; k++) if (this.bytes[this.pos + k] !== t.charCodeAt(k)) return false;
    return true;
  }
}

/**
 * Text up to the first NUL. Stata 14+ writes UTF-8; older files are "whatever the machine used",
 * in practice Windows-1252 or (from R haven and other tools) UTF-8. Valid UTF-8 is taken as UTF-8,
 * anything else as Windows-1252, so neither "é" nor "Ã©" appears where the other was meant.
 */
const UTF8 = new TextDecoder('utf-8');

export function decodeText(b: Uint8Array): string {
  let end = b.indexOf(0);
  if (end < 0) end = b.length;
  const s = b.subarray(0, end);
  if (firstInvalidUtf8(s, true) < 0) return UTF8.decode(s);
  return decodeCp1252(s);
}
