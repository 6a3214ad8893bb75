/**
 * Fuzz: mutated copies of the Stata fixtures (2,000 in all). Each read must give a dataset or an
 * ImportError naming the file, raised by a deliberate check: the reader has no catch-all, so a
 * TypeError or RangeError fails this test. A hang fails it through vitest's timeout.
 */
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportError } from '../import-error';
import { applyMutation, mutation } from './mutations';
import { readDta } from './read';

const dir = mkdtempSync(join(tmpdir(), 'duiding-dtaf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const files = ['panel-114.dta', 'panel-117.dta', 'panel-118.dta', 'panel-119.dta', 'types-114-msf.dta'];

describe('fuzzed Stata files', () => {
  it.each(files)('%s: 400 mutations give data or ImportError', async (f) => {
    const bytes = readFileSync(join(__dirname, '../../../tests/fixtures/dta', f));
    const p = join(dir, f);
    let errors = 0;
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        writeFileSync(p, applyMutation(bytes, m));
        try {
          await readDta(p);
        } catch (e) {
          if (!(e instanceof ImportError)) throw e;
          expect(e.file).toBe(p);
          errors++;
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 400), seed: Number(process.env.FUZZ_SEED ?? 20261125) },
    );
    // The mutations must reach the error paths, or this test would prove nothing.
    expect(errors).toBeGreaterThan(40);
  });
});
