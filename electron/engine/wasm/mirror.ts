/**
 * Copies of typed arrays inside the kernels' WebAssembly memory, made on first use and kept while the
 * array lives (a column of a loaded dataset is tabulated again and again as the user drags variables).
 *
 * This relies on arrays handed to the engine never changing after they are built — true for dataset
 * columns and for converted weights (kept with their column, shared/engine/weights.ts). Filters, made
 * afresh for every request, are not mirrored but copied for the one call. A copy goes when its array is collected
 * (FinalizationRegistry) or, when the memory budget is full, least recently used first — never one
 * that the current call uses.
 */
import type { Arena } from './arena';

interface Entry {
  start: number;
  bytes: number;
  key: WeakRef<ArrayBufferView>;
  call: number;
  live: boolean;
}

export class Mirror {
  private readonly byArray = new WeakMap<ArrayBufferView, Entry>();
  /** Live entries, least recently used first (a Set iterates in insertion order). */
  private readonly lru = new Set<Entry>();
  private readonly gone = new FinalizationRegistry<Entry>((e) => this.drop(e));
  private used = 0;
  private call = 0;

  constructor(
    private readonly arena: Arena,
    private readonly budget = 1.5 * 1024 ** 3,
  ) {}

  /** Starts a call: copies made or used from now on are not evicted until the next call begins. */
  beginCall(): void {
    this.call++;
  }

  /** Byte offset of the array's bytes in the memory, copying them on first sight; null if no room. */
  offsetOf(arr: ArrayBufferView): number | null {
    const hit = this.byArray.get(arr);
    if (hit && hit.live) {
      hit.call = this.call;
      this.lru.delete(hit);
      this.lru.add(hit);
      return hit.start;
    }
    const bytes = arr.byteLength;
    const start = this.room(bytes);
    if (start === null) return null;
    new Uint8Array(this.arena.memory.buffer, start, bytes).set(new Uint8Array(arr.buffer, arr.byteOffset, bytes));
    const e: Entry = { start, bytes, key: new WeakRef(arr), call: this.call, live: true };
    this.byArray.set(arr, e);
    this.lru.add(e);
    this.gone.register(arr, e, e);
    this.used += bytes;
    return start;
  }

  /** Bytes held by live copies. */
  bytesHeld(): number {
    return this.used;
  }

  private room(bytes: number): number | null {
    for (const e of this.lru) {
      if (this.used + bytes <= this.budget) break;
      if (e.call !== this.call) this.evict(e);
    }
    if (this.used + bytes > this.budget) return null;
    let start = this.arena.alloc(bytes);
    while (start === null) {
      const victim = [...this.lru].find((e) => e.call !== this.call);
      if (!victim) return null;
      this.evict(victim);
      start = this.arena.alloc(bytes);
    }
    return start;
  }

  private evict(e: Entry): void {
    const arr = e.key.deref();
    if (arr) this.byArray.delete(arr);
    this.gone.unregister(e);
    this.drop(e);
  }

  private drop(e: Entry): void {
    if (!e.live) return;
    e.live = false;
    this.lru.delete(e);
    this.used -= e.bytes;
    this.arena.release(e.start, e.bytes);
  }
}
