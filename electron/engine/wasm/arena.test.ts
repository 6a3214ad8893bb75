import { describe, expect, it } from 'vitest';
import { Arena } from './arena';

const memory = () => new WebAssembly.Memory({ initial: 1, maximum: 64, shared: true });

describe('Arena', () => {
  it('hands out aligned, disjoint blocks and grows the memory when needed', () => {
    const mem = memory();
    const a = new Arena(mem);
    const x = a.alloc(100) as number;
    const y = a.alloc(70_000) as number;
    expect(x % 64).toBe(0);
    expect(y % 64).toBe(0);
    expect(y).toBeGreaterThanOrEqual(x + 100);
    expect(mem.buffer.byteLength).toBeGreaterThanOrEqual(y + 70_000);
    expect(x).toBeGreaterThan(0);
  });

  it('reuses released space and merges neighbours', () => {
    const a = new Arena(memory());
    const x = a.alloc(64) as number;
    const y = a.alloc(64) as number;
    const z = a.alloc(64) as number;
    a.alloc(64);
    a.release(x, 64);
    a.release(z, 64);
    a.release(y, 64);
    // x, y, z merged into one span of 192 bytes at x.
    expect(a.alloc(192)).toBe(x);
  });

  it('returns the top to the unallocated region and counts bytes in use', () => {
    const a = new Arena(memory());
    const x = a.alloc(1000) as number;
    const y = a.alloc(1000) as number;
    expect(a.inUse()).toBe(2048);
    a.release(y, 1000);
    a.release(x, 1000);
    expect(a.inUse()).toBe(0);
    expect(a.alloc(10)).toBe(x);
  });

  it('refuses a block beyond its limit instead of throwing', () => {
    const a = new Arena(memory(), 64, 200_000);
    expect(a.alloc(150_000)).not.toBeNull();
    expect(a.alloc(100_000)).toBeNull();
  });
});
