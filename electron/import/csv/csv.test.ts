/**
 * CSV import on committed fixtures (tests/fixtures/csv/make.mjs writes them byte for byte). Expected
 * values are the ones written into the fixtures; SPSS dates are checked against Date.UTC arithmetic
 * from the SPSS epoch 1582-10-14, independent of the reader's constant.
 */
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../shared/model/dataset';
import { numericAt } from '../../../shared/model/dataset';
import { ImportCancelled, ImportError } from '../import-error';
import { previewCsv, readCsv, sniffCsv } from './index';

const fx = (name: string): string => join(__dirname, '../../../tests/fixtures/csv', name);
const spssDate = (y: number, m: number, d: number, h = 0, mi = 0): number => (Date.UTC(y, m - 1, d, h, mi) - Date.UTC(1582, 9, 14)) / 1000;

function col(ds: Dataset, name: string): (number | string)[] {
  const k = ds.variables.findIndex((v) => v.name === name);
  if (k < 0) throw new Error(`no ${name}`);
  const c = ds.columns[k];
  return Array.from({ length: ds.rows }, (_, i) => (c.kind === 'numeric' ? numericAt(c, i) : c.dict[c.codes[i]]));
}

async function importError(p: Promise<unknown>): Promise<ImportError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected an ImportError');
}

describe('sniffCsv', () => {
  it('recognises a Dutch Excel export', async () => {
    expect(await sniffCsv(fx('dutch-1252.csv'))).toEqual({
      delimiter: ';',
      decimal: ',',
      quote: '"',
      header: true,
      encoding: 'windows-1252',
      bom: false,
    });
  });
  it('recognises UTF-8 with BOM and tab-separated without header', async () => {
    expect(await sniffCsv(fx('utf8-bom.csv'))).toMatchObject({ delimiter: ',', decimal: '.', encoding: 'utf-8', bom: true, header: true });
    expect(await sniffCsv(fx('noheader.tsv'))).toMatchObject({ delimiter: '\t', header: false, encoding: 'utf-8' });
  });
});

describe('readCsv', () => {
  it('reads Windows-1252, decimal commas, dd-mm-yyyy dates, quotes and embedded line breaks', async () => {
    const ds = await readCsv(fx('dutch-1252.csv'));
    expect(ds.name).toBe('dutch-1252');
    expect(ds.rows).toBe(4);
    expect(ds.variables.map((v) => [v.name, v.label, v.type])).toEqual([
      ['respnr', '', 'numeric'],
      ['Gemeente', '', 'string'],
      ['Leeftijd_jaren', 'Leeftijd (jaren)', 'numeric'],
      ['Inkomen', 'Inkomen €', 'numeric'],
      ['Geboortedatum', '', 'numeric'],
      ['Opmerking', '', 'string'],
    ]);
    expect(col(ds, 'Gemeente')).toEqual(['Utrecht', 'Zeist', '’s-Hertogenbosch', 'Enschede']);
    expect(col(ds, 'Leeftijd_jaren')).toEqual([34, NaN, 71, 18]);
    expect(col(ds, 'Inkomen')).toEqual([2500.5, 1800, -12.5, 0.75]);
    expect(ds.variables[3].format).toEqual({ type: 'F', width: 8, decimals: 2 });
    expect(col(ds, 'Geboortedatum')).toEqual([spssDate(1990, 2, 3), spssDate(1985, 12, 31), spssDate(1952, 2, 29), NaN]);
    expect(ds.variables[4].format.type).toBe('DATE');
    expect(col(ds, 'Opmerking')).toEqual(['geen', 'zegt: "prima"; tevreden', 'twee\r\nregels', 'café']);
    expect(ds.variables[5].width).toBe(Buffer.byteLength('zegt: "prima"; tevreden'));
  });

  it('retypes a column that turns out to be text after the sample, and reads date-times', async () => {
    const ds = await readCsv(fx('utf8-bom.csv'));
    expect(ds.rows).toBe(1500);
    expect(ds.variables[0].name).toBe('id');
    const code = col(ds, 'code');
    expect(code[0]).toBe('1');
    expect(code[1399]).toBe('A7');
    expect(col(ds, 'naam')[0]).toBe('Zoë 1');
    expect(col(ds, 'datum')[0]).toBe(spssDate(2024, 1, 2));
    expect(col(ds, 'tijdstip')[1]).toBe(spssDate(2024, 3, 1, 12, 2));
    expect(ds.variables[3].format.type).toBe('DATETIME');
  });

  it('honours type overrides and reports a cell that does not fit with its line', async () => {
    const ds = await readCsv(fx('noheader.tsv'), { types: { V1: 'string' } });
    expect(ds.variables.map((v) => v.name)).toEqual(['V1', 'V2', 'V3']);
    expect(col(ds, 'V1')).toEqual(['1', '2', '3']);
    expect(col(ds, 'V2')).toEqual([2.5, 3, NaN]);
    const e = await importError(readCsv(fx('noheader.tsv'), { types: { V3: 'numeric' } }));
    expect(e.line).toBe(1);
    expect(e.reason).toContain("'ja' is not a number");
  });

  it('switches to Windows-1252 when invalid UTF-8 appears after the sniffed sample', async () => {
    const ds = await readCsv(fx('late-1252.csv'));
    expect(ds.rows).toBe(30001);
    expect(col(ds, 'naam')[30000]).toBe('René');
    const e = await importError(readCsv(fx('late-1252.csv'), { encoding: 'utf-8' }));
    expect(e.offset).toBe(Buffer.byteLength('id;naam\n' + Array.from({ length: 30000 }, (_, i) => `${i};Jan`).join('\n') + '\n30000;Ren'));
  });

  it('names the line of a ragged row', async () => {
    const e = await importError(readCsv(fx('ragged.csv')));
    expect(e.line).toBe(4);
    expect(e.file).toBe(fx('ragged.csv'));
  });

  it('reports an unclosed quote and an empty file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csv-'));
    writeFileSync(join(dir, 'q.csv'), 'a,b\n1,2\n3,"open\n4,5\n');
    expect((await importError(readCsv(join(dir, 'q.csv')))).line).toBe(3);
    writeFileSync(join(dir, 'e.csv'), '');
    await importError(readCsv(join(dir, 'e.csv')));
    await importError(readCsv(join(dir, 'missing.csv')));
  });

  it('reports progress and stops on cancel', async () => {
    const seen: number[] = [];
    await readCsv(fx('late-1252.csv'), { onProgress: (p) => seen.push(p.bytes) });
    expect(seen.at(-1)).toBe(288909);
    const ac = new AbortController();
    ac.abort();
    await expect(readCsv(fx('dutch-1252.csv'), { signal: ac.signal })).rejects.toBeInstanceOf(ImportCancelled);
  });
});

describe('previewCsv', () => {
  it('shows options, inferred types and the first rows before anything is stored', async () => {
    const p = await previewCsv(fx('dutch-1252.csv'));
    expect(p.columns.map((c) => c.inferredType)).toEqual(['numeric', 'string', 'numeric', 'numeric', 'date', 'string']);
    expect(p.rows[0]).toEqual(['1', 'Utrecht', '34', '2500,50', '03-02-1990', 'geen']);
    const q = await previewCsv(fx('dutch-1252.csv'), { header: false });
    expect(q.rows).toHaveLength(5);
    expect(q.columns[0]).toMatchObject({ name: 'V1', inferredType: 'string' });
  });
});
