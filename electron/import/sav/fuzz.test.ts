/**
 * Mutation fuzzing with the real fixtures: bit flips, truncations, overwritten 32-bit fields (lengths,
 * counts, codes) and shuffled byte runs. Every mutated file must give a Dataset or an ImportError
 * raised by a deliberate check; anything else (TypeError, RangeError, a catch-all "unreadable file")
 * is a bug. The mutations are seeded, so a failure names a case that reproduces.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../import-error';
import { readSavBytes } from './index';

const FIX = join(__dirname, '../../../tests/fixtures/sav');

const PER_FIXTURE = 200;
const INTERESTING = [0, -1, 1, 2, 3, 7, 8, 252, 255, 256, 0x7fffffff, -0x80000000, 0x10000, 1_000_000_000];

/** mulberry32: small, seedable, good enough to spread mutations. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(src: Buffer, seed: number): Buffer {
  const r = rng(seed);
  const pick = (n: number): number => Math.floor(r() * n);
  const b = Buffer.from(src);
  // Mutations aim at the dictionary more often than at the bulk data, where the parsing decisions are.
  const dictEnd = Math.min(b.length, 4096);
  const at = (): number => (r() < 0.7 ? pick(dictEnd) : pick(b.length));
  switch (seed % 4) {
    case 0: {
      const flips = 1 + pick(8);
      for (let i = 0; i < flips; i++) b[at()] ^= 1 << pick(8);
      return b;
    }
    case 1:
      return b.subarray(0, pick(b.length));
    case 2: {
      const fields = 1 + pick(3);
      for (let i = 0; i < fields; i++) {
        const p = at() & ~3;
        if (p + 4 <= b.length) b.writeInt32LE(INTERESTING[pick(INTERESTING.length)], p);
      }
      return b;
    }
    default: {
      const from = at();
      const to = at();
      const len = Math.min(1 + pick(64), b.length - Math.max(from, to));
      if (len > 0) b.copy(b, to, from, from + len);
      return b;
    }
  }
}

const fixtures = readdirSync(FIX)
  .filter((f) => /\.z?sav$/.test(f))
  .sort();

describe('readSav under mutation', () => {
  fixtures.forEach((f, fi) => {
    it(`${f}: ${PER_FIXTURE} mutants give a dataset or a deliberate ImportError`, async () => {
      const original = readFileSync(join(FIX, f));
      let datasets = 0;
      for (let i = 0; i < PER_FIXTURE; i++) {
        const seed = fi * 100_000 + i;
        try {
          const ds = await readSavBytes(mutate(original, seed), f);
          expect(ds.columns.length).toBe(ds.variables.length);
          for (const c of ds.columns) expect(c.kind === 'numeric' ? c.data.length : c.codes.length).toBe(ds.rows);
          datasets++;
        } catch (e) {
          if (!(e instanceof ImportError) || e.reason.startsWith('unreadable file')) {
            throw new Error(`seed ${seed} on ${f}: ${(e as Error).stack ?? String(e)}`);
          }
          expect(e.offset === null || (e.offset >= 0 && e.offset <= original.length * 2), `seed ${seed}: offset ${e.offset}`).toBe(true);
        }
      }
      // Mutations in padding, labels and data leave many files readable; all-failing would mean a broken harness.
      expect(datasets).toBeGreaterThan(0);
    });
  });
});
