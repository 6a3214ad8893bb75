/** A growable byte buffer with typed writes in a chosen byte order (the writer's counterpart of FileSource). */
export class ByteWriter {
  buf = Buffer.alloc(4096);
  private view = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
  length = 0;

  constructor(readonly littleEndian = true) {}

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const next = Buffer.alloc(Math.max(this.buf.length * 2, this.length + n));
    this.buf.copy(next, 0, 0, this.length);
    this.buf = next;
    this.view = new DataView(next.buffer, next.byteOffset, next.byteLength);
  }

  i32(v: number): this {
    this.room(4);
    this.view.setInt32(this.length, v, this.littleEndian);
    this.length += 4;
    return this;
  }

  i64(v: number | bigint): this {
    this.room(8);
    this.view.setBigInt64(this.length, BigInt(v), this.littleEndian);
    this.length += 8;
    return this;
  }

  f64(v: number): this {
    this.room(8);
    this.view.setFloat64(this.length, v, this.littleEndian);
    this.length += 8;
    return this;
  }

  /** The 64 raw bits, for values like LOWEST that are easier to state as a bit pattern. */
  bits64(v: bigint): this {
    this.room(8);
    this.view.setBigUint64(this.length, v, this.littleEndian);
    this.length += 8;
    return this;
  }

  u8(v: number): this {
    this.room(1);
    this.buf[this.length++] = v;
    return this;
  }

  bytes(b: Uint8Array): this {
    this.room(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
    return this;
  }

  /** `b` cut or padded with `pad` to exactly `n` bytes. */
  fixed(b: Uint8Array, n: number, pad = 0x20): this {
    this.room(n);
    const k = Math.min(n, b.length);
    this.buf.set(b.subarray(0, k), this.length);
    this.buf.fill(pad, this.length + k, this.length + n);
    this.length += n;
    return this;
  }

  patchI32(at: number, v: number): void {
    this.view.setInt32(at, v, this.littleEndian);
  }

  result(): Buffer {
    return this.buf.subarray(0, this.length);
  }
}

/** UTF-8 bytes of `s`, cut to at most `max` bytes without splitting a character. */
export function utf8Cut(s: string, max: number): Buffer {
  const b = Buffer.from(s, 'utf8');
  if (b.length <= max) return b;
  let n = max;
  while (n > 0 && (b[n] & 0xc0) === 0x80) n--;
  return b.subarray(0, n);
}
