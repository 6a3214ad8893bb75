/**
 * Grows a numeric column while values arrive (importers stream rows), starting in Int8 storage and
 * widening only when a value does not fit. This keeps an import's memory near the size of the stored
 * columns instead of 8 bytes per value.
 */
import { type NumericStorage, SYSMIS_INT8, SYSMIS_INT16, SYSMIS_INT32, sysmisSentinel } from './dataset';

type Level = 0 | 1 | 2 | 3; // Int8, Int16, Int32, Float64

function levelFor(v: number): Level {
  if (v !== v) return 0;
  if (!Number.isInteger(v) || Object.is(v, -0)) return 3;
  if (v > SYSMIS_INT8 && v <= 127) return 0;
  if (v > SYSMIS_INT16 && v <= 32767) return 1;
  if (v > SYSMIS_INT32 && v <= 2147483647) return 2;
  return 3;
}

function alloc(level: Level, n: number): NumericStorage {
  switch (level) {
    case 0:
      return new Int8Array(n);
    case 1:
      return new Int16Array(n);
    case 2:
      return new Int32Array(n);
    default:
      return new Float64Array(n);
  }
}

export class NumericColumnBuilder {
  private level: Level = 0;
  private data: NumericStorage;
  private sentinel: number;
  length = 0;

  constructor(initialCapacity = 1024) {
    this.data = alloc(0, Math.max(16, initialCapacity));
    this.sentinel = sysmisSentinel(this.data);
  }

  /** NaN means system-missing. */
  push(v: number): void {
    const need = levelFor(v);
    if (need > this.level) this.widen(need, this.data.length);
    if (this.length === this.data.length) this.widen(this.level, this.data.length * 2);
    this.data[this.length++] = v !== v ? this.sentinel : v;
  }

  private widen(level: Level, capacity: number): void {
    const next = alloc(level, capacity);
    const oldSentinel = this.sentinel;
    const newSentinel = sysmisSentinel(next);
    const old = this.data;
    if (level === this.level) {
      next.set(old.subarray(0, this.length) as never);
    } else {
      for (let i = 0; i < this.length; i++) {
        const v = old[i];
        next[i] = v === oldSentinel ? newSentinel : v;
      }
    }
    this.data = next;
    this.level = level;
    this.sentinel = newSentinel;
  }

  /** The filled part, trimmed to length (copied only when capacity exceeds length). */
  finish(): NumericStorage {
    if (this.data.length === this.length) return this.data;
    return this.data.slice(0, this.length);
  }
}

/** Dictionary-encodes strings as they arrive. */
export class StringColumnBuilder {
  private codes: Int32Array;
  private readonly index = new Map<string, number>();
  readonly dict: string[] = [];
  length = 0;

  constructor(initialCapacity = 1024) {
    this.codes = new Int32Array(Math.max(16, initialCapacity));
  }

  push(s: string): void {
    let code = this.index.get(s);
    if (code === undefined) {
      code = this.dict.length;
      this.dict.push(s);
      this.index.set(s, code);
    }
    if (this.length === this.codes.length) {
      const next = new Int32Array(this.codes.length * 2);
      next.set(this.codes);
      this.codes = next;
    }
    this.codes[this.length++] = code;
  }

  finish(): { codes: Int32Array; dict: string[] } {
    return { codes: this.codes.slice(0, this.length), dict: this.dict };
  }
}
