/**
 * Sheet XML written straight into bytes. A sheet's rows are ASCII only (tags, references, style and
 * string indices, numbers; the texts live in the shared-strings part), so they need no string
 * building, no joining and no UTF-8 encoding: half a million cells cost a few tens of milliseconds.
 */

export class ByteWriter {
  private buf: Uint8Array;
  private pos = 0;

  /** `full` once `size` bytes are written (the caller then takes them). */
  constructor(private readonly size = 256 * 1024) {
    this.buf = new Uint8Array(size + 1024);
  }

  get length(): number {
    return this.pos;
  }

  get full(): boolean {
    return this.pos >= this.size;
  }

  /** ASCII text only (every char code below 128). */
  ascii(s: string): void {
    const n = s.length;
    if (this.pos + n > this.buf.length) this.grow(n);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) buf[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  /** A non-negative integer below 2^31, in decimal. */
  uint(n: number): void {
    if (this.pos + 10 > this.buf.length) this.grow(10);
    let digits = 1;
    for (let m = n; m >= 10; m = (m / 10) | 0) digits++;
    const end = this.pos + digits;
    let p = end;
    let m = n;
    do {
      this.buf[--p] = 48 + (m % 10);
      m = (m / 10) | 0;
    } while (m > 0);
    this.pos = end;
  }

  /** A number as JavaScript writes it (the shortest text that reads back to the same double). */
  number(v: number): void {
    if (v >= 0 && v < 0x80000000 && (v | 0) === v) this.uint(v);
    else this.ascii(String(v));
  }

  /** A copy of the bytes written since the last take (its own buffer, exactly as long); the writer starts over. */
  take(): Uint8Array {
    const out = this.buf.slice(0, this.pos);
    this.pos = 0;
    return out;
  }

  private grow(n: number): void {
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.pos + n + 1024));
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }
}
