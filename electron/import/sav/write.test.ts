/**
 * The writer's proof: tests/fixtures/sav/ours-* were written by this writer and then read by PSPP and
 * R haven (oracle.test.ts checks what they reported). Here we check the writer still produces exactly
 * those bytes, and that reading them back returns the dataset that was written.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Dataset, numericAt } from '../../../shared/model/dataset';
import { WRITER_CREATED, WRITER_FIXTURES, writerDataset } from '../../../tests/oracle/sav/writer-dataset';
import { readSav } from './index';
import { writeSav } from './write';

const FIX = join(__dirname, '../../../tests/fixtures/sav');
const dir = mkdtempSync(join(tmpdir(), 'duiding-sav-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function values(ds: Dataset, i: number): (number | string)[] {
  const c = ds.columns[i];
  const out: (number | string)[] = [];
  for (let r = 0; r < ds.rows; r++) out.push(c.kind === 'string' ? c.dict[c.codes[r]] : numericAt(c, r));
  return out;
}

describe('writeSav', () => {
  for (const f of WRITER_FIXTURES) {
    it(`reproduces ${f.file} byte for byte`, async () => {
      const out = join(dir, f.file);
      await writeSav(out, writerDataset(), { ...f.options, created: WRITER_CREATED });
      expect(readFileSync(out).equals(readFileSync(join(FIX, f.file)))).toBe(true);
    });
  }

  it('round-trips data and metadata through our reader', async () => {
    const ds = writerDataset();
    const out = join(dir, 'roundtrip.zsav');
    await writeSav(out, ds, { compression: 'zlib', zlibBlockSize: 1000 });
    const back = await readSav(out);
    expect(back.rows).toBe(ds.rows);
    expect(back.weight).toBe(ds.weight);
    expect(back.fileLabel).toBe(ds.fileLabel);
    expect(back.documents).toEqual(ds.documents);
    expect(back.mrSets).toEqual(ds.mrSets);
    ds.variables.forEach((v, i) => {
      const b = back.variables[i];
      const shown = {
        ...b,
        role: b.role === 'weight' ? 'input' : b.role,
        displayWidth: v.displayWidth === undefined ? undefined : b.displayWidth,
        alignment: v.alignment === undefined ? undefined : b.alignment,
      };
      expect(shown).toEqual(v);
      expect(values(back, i)).toEqual(values(ds, i));
    });
  });

  it('skips numeric value labels whose key is not a number', async () => {
    const ds = writerDataset();
    const vars = ds.variables.map((v, i) => (i === 1 ? { ...v, valueLabels: { '1': 'Man', abc: 'kapot', '': 'leeg' } } : v));
    const out = join(dir, 'labels.sav');
    await writeSav(out, { ...ds, variables: vars });
    expect((await readSav(out)).variables[1].valueLabels).toEqual({ '1': 'Man' });
  });

  it('leaves no file behind when the dataset cannot be written', async () => {
    const ds = writerDataset();
    const bad: Dataset = {
      ...ds,
      variables: ds.variables.slice(0, 1),
      columns: [{ kind: 'string', codes: new Int32Array(ds.rows), dict: ['x'.repeat(40000)] }],
    };
    bad.variables = [{ ...ds.variables[0], type: 'string', width: 8 }];
    await expect(writeSav(join(dir, 'bad.sav'), bad)).rejects.toThrow(/32767/);
    expect(() => readFileSync(join(dir, 'bad.sav'))).toThrow();
  });
});
