/**
 * Mutations of real fixture files for the CSV and Stata fuzz tests, as fast-check arbitraries (so
 * failures shrink and replay from the printed seed): bit flips, 32-bit fields overwritten with
 * boundary values (counts and lengths become 0, -1, 2^31 ...), truncation, deleted and duplicated spans.
 */
import fc from 'fast-check';

export type Mutation =
  | { kind: 'flip'; at: number[]; bit: number }
  | { kind: 'field'; at: number; value: number; little: boolean }
  | { kind: 'truncate'; at: number }
  | { kind: 'delete' | 'duplicate'; at: number; len: number };

const INTERESTING = [0, -1, 1, 2, 7, 255, 256, 0x7fff, 0xffff, 0x7fffffff, -0x80000000, 1_000_000_000];

/** Positions are fractions of the file length, so one arbitrary serves files of any size. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.array(fc.nat(1_000_000), { minLength: 1, maxLength: 8 }), bit: fc.nat(7) }),
  fc.record({ kind: fc.constant('field' as const), at: fc.nat(1_000_000), value: fc.constantFrom(...INTERESTING), little: fc.boolean() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(1_000_000) }),
  fc.record({ kind: fc.constantFrom('delete' as const, 'duplicate' as const), at: fc.nat(1_000_000), len: fc.integer({ min: 1, max: 64 }) }),
);

export function applyMutation(src: Uint8Array, m: Mutation): Uint8Array {
  const n = src.length;
  const pos = (x: number): number => Math.floor((x / 1_000_001) * n);
  const out = Uint8Array.from(src);
  switch (m.kind) {
    case 'flip':
      for (const a of m.at) out[pos(a)] ^= 1 << m.bit;
      return out;
    case 'field': {
      const p = pos(m.at);
      if (p + 4 <= n) new DataView(out.buffer).setInt32(p, m.value, m.little);
      return out;
    }
    case 'truncate':
      return out.subarray(0, pos(m.at));
    case 'delete': {
      const p = pos(m.at);
      return Uint8Array.from([...out.subarray(0, p), ...out.subarray(Math.min(n, p + m.len))]);
    }
    default: {
      const p = pos(m.at);
      return Uint8Array.from([...out.subarray(0, Math.min(n, p + m.len)), ...out.subarray(p)]);
    }
  }
}
