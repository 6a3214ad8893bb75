/**
 * Block allocator over a WebAssembly memory: first fit over a sorted free list, neighbours merged on
 * free, the memory grown (never shrunk) when no block fits. Blocks are 64-byte aligned so that every
 * typed array fits and no two blocks share a cache line (two threads write their own accumulators).
 */
const ALIGN = 64;
const PAGE = 65536;
export const MAX_BYTES = 2 ** 31 - PAGE;
/** Pages to declare as the shared memory's maximum. */
export const MAX_PAGES = MAX_BYTES / PAGE + 1;

interface Span {
  start: number;
  size: number;
}

export class Arena {
  private free: Span[] = [];
  private top: number;
  private readonly base: number;

  constructor(
    readonly memory: WebAssembly.Memory,
    /** Bytes below this stay unused (offset 0 is never handed out, so 0 can mean "none"). */
    reserved = ALIGN,
    /** Kernels test pointers with signed compares (-1 = absent), so offsets stay below 2 GiB. */
    private readonly maxBytes = MAX_BYTES,
  ) {
    this.base = roundUp(reserved);
    this.top = this.base;
  }

  /** Byte offset of a new block of at least `bytes`, or null when the memory cannot hold it. */
  alloc(bytes: number): number | null {
    const size = roundUp(Math.max(bytes, 1));
    for (let k = 0; k < this.free.length; k++) {
      const s = this.free[k];
      if (s.size < size) continue;
      const start = s.start;
      if (s.size === size) this.free.splice(k, 1);
      else this.free[k] = { start: start + size, size: s.size - size };
      return start;
    }
    const start = this.top;
    const end = start + size;
    if (end > this.maxBytes) return null;
    const have = this.memory.buffer.byteLength;
    if (end > have) {
      try {
        this.memory.grow(Math.ceil((end - have) / PAGE));
      } catch {
        return null;
      }
    }
    this.top = end;
    return start;
  }

  release(start: number, bytes: number): void {
    const size = roundUp(Math.max(bytes, 1));
    let k = 0;
    while (k < this.free.length && this.free[k].start < start) k++;
    this.free.splice(k, 0, { start, size });
    // Merge with the following, then with the preceding span.
    if (k + 1 < this.free.length && start + size === this.free[k + 1].start) {
      this.free[k].size += this.free[k + 1].size;
      this.free.splice(k + 1, 1);
    }
    if (k > 0 && this.free[k - 1].start + this.free[k - 1].size === start) {
      this.free[k - 1].size += this.free[k].size;
      this.free.splice(k, 1);
      k--;
    }
    // A free span at the top goes back to the unallocated region.
    const last = this.free[this.free.length - 1];
    if (last && last.start + last.size === this.top) {
      this.top = last.start;
      this.free.pop();
    }
  }

  /** Bytes handed out and not released (for tests and diagnostics). */
  inUse(): number {
    return this.top - this.free.reduce((s, f) => s + f.size, 0) - this.base;
  }
}

function roundUp(n: number): number {
  return Math.ceil(n / ALIGN) * ALIGN;
}
