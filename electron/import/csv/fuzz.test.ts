/**
 * Fuzz: mutated copies of the CSV fixtures (750 in all). Every read gives a dataset or an ImportError
 * naming the file; nothing else escapes and nothing hangs.
 */
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMutation, mutation } from '../dta/mutations';
import { ImportError } from '../import-error';
import { readCsv } from './read';

const dir = mkdtempSync(join(tmpdir(), 'duiding-csvf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fuzzed CSV files', () => {
  it.each(['dutch-1252.csv', 'noheader.tsv', 'ragged.csv'])('%s: 250 mutations give data or ImportError', async (f) => {
    const bytes = readFileSync(join(__dirname, '../../../tests/fixtures/csv', f));
    const p = join(dir, f);
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        writeFileSync(p, applyMutation(bytes, m));
        try {
          await readCsv(p);
        } catch (e) {
          if (!(e instanceof ImportError)) throw e;
          expect(e.file).toBe(p);
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 250), seed: Number(process.env.FUZZ_SEED ?? 20261125) },
    );
  });
});
