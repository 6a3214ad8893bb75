import { describe, expect, it } from 'vitest';
import { Arena } from './arena';
import { Mirror } from './mirror';

function setup(budget: number) {
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 256, shared: true });
  const arena = new Arena(memory);
  return { memory, arena, mirror: new Mirror(arena, budget) };
}

describe('Mirror', () => {
  it('copies an array once and finds it again', () => {
    const { memory, mirror } = setup(1 << 20);
    const a = Float64Array.from([1.5, -2, Number.NaN]);
    mirror.beginCall();
    const at = mirror.offsetOf(a) as number;
    expect(Array.from(new Float64Array(memory.buffer, at, 3))).toEqual([1.5, -2, Number.NaN]);
    mirror.beginCall();
    expect(mirror.offsetOf(a)).toBe(at);
    expect(mirror.bytesHeld()).toBe(24);
  });

  it('copies a view, not its whole buffer', () => {
    const { memory, mirror } = setup(1 << 20);
    const whole = Int8Array.from([9, 9, 1, 2, 3, 9]);
    const view = whole.subarray(2, 5);
    mirror.beginCall();
    const at = mirror.offsetOf(view) as number;
    expect(Array.from(new Int8Array(memory.buffer, at, 3))).toEqual([1, 2, 3]);
  });

  it('evicts the least recently used copy when over budget, never one of the current call', () => {
    const { mirror } = setup(3000);
    const a = new Uint8Array(1000);
    const b = new Uint8Array(1000);
    const c = new Uint8Array(1000);
    mirror.beginCall();
    const atA = mirror.offsetOf(a);
    mirror.offsetOf(b);
    mirror.beginCall();
    mirror.offsetOf(b);
    mirror.offsetOf(c);
    // Budget 3000: a (least recently used, not in this call) goes; b and c stay.
    const d = new Uint8Array(1000);
    expect(mirror.offsetOf(d)).not.toBeNull();
    expect(mirror.bytesHeld()).toBe(3000);
    mirror.beginCall();
    const again = mirror.offsetOf(a);
    expect(again).not.toBeNull();
    expect(atA).not.toBeNull();
    // Everything in one call over budget: refused rather than evicting what this call uses.
    const e = new Uint8Array(2500);
    const f = new Uint8Array(2500);
    mirror.beginCall();
    expect(mirror.offsetOf(e)).not.toBeNull();
    expect(mirror.offsetOf(f)).toBeNull();
  });
});
