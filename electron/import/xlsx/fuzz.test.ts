/**
 * Hostile and fuzzed workbooks (tests/fixtures/xlsx/make.mjs), each read in the import worker with a
 * 256 MB heap cap, as the app reads them: the 7 KB workbook with a cell at XFD1048576 and the one with
 * row 4294967295 (which made exceljs take a gigabyte, or loop for ever on the backend's thread) are
 * refused with an ImportError before exceljs sees them; mutated workbooks (zip bytes, and the cell and
 * row numbers in the sheet) give a dataset or an ImportError, never a crash, a hang or the cap.
 * The limits of the scan itself (zip bomb, over-long text) are checked with small limits.
 */
import fc from 'fast-check';
import JSZip from 'jszip';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMutation, mutation } from '../dta/mutations';
import { ImportCancelled, ImportError } from '../import-error';
import { previewInWorker, readInWorker } from '../run-in-worker';
import { precheckXlsx, XLSX_LIMITS } from './precheck';

const FIXTURES = join(__dirname, '../../../tests/fixtures/xlsx');
const HEAP_MB = 256;
const dir = mkdtempSync(join(tmpdir(), 'duiding-xlsxf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Reads in a capped worker; a read that is still going after 30 s is stopped and reported as a hang. */
async function readCapped(path: string): Promise<'data' | ImportError> {
  try {
    await readInWorker(path, {}, { heapMb: HEAP_MB, signal: AbortSignal.timeout(30_000) });
    return 'data';
  } catch (e) {
    if (e instanceof ImportCancelled) throw new Error(`${path}: still reading after 30 s`);
    if (e instanceof ImportError) return e;
    throw e;
  }
}

describe('hostile workbooks of issue 16', () => {
  it('a cell at XFD1048576: refused by its declared extent, within the memory cap', async () => {
    const e = await readCapped(join(FIXTURES, 'xfd-1048576.xlsx'));
    expect(e).toBeInstanceOf(ImportError);
    expect((e as ImportError).message).toMatch(/cells span 1,048,576 rows × 16,384 columns/);
    await expect(previewInWorker(join(FIXTURES, 'xfd-1048576.xlsx'), {}, { heapMb: HEAP_MB })).rejects.toThrow(/16,384 columns/);
  });

  it('row 4294967295: refused at once instead of looping for ever', async () => {
    const e = await readCapped(join(FIXTURES, 'row-4294967295.xlsx'));
    expect((e as ImportError).message).toMatch(/row number 4294967295 is beyond Excel's last row/);
    await expect(previewInWorker(join(FIXTURES, 'row-4294967295.xlsx'), {}, { heapMb: HEAP_MB })).rejects.toBeInstanceOf(ImportError);
  });

  it('the valid workbook they came from reads', async () => {
    expect(await readCapped(join(FIXTURES, 'small.xlsx'))).toBe('data');
  });
});

describe('the scan of what a workbook declares', () => {
  async function workbook(name: string, sheet: (s: string) => string, strings?: (s: string) => string): Promise<string> {
    const zip = await JSZip.loadAsync(readFileSync(join(FIXTURES, 'small.xlsx')));
    zip.file('xl/worksheets/sheet1.xml', sheet(await zip.file('xl/worksheets/sheet1.xml')!.async('string')));
    if (strings) zip.file('xl/sharedStrings.xml', strings(await zip.file('xl/sharedStrings.xml')!.async('string')));
    const p = join(dir, name);
    writeFileSync(p, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    return p;
  }

  it('stops a zip bomb at the inflated-size limit', async () => {
    const p = await workbook('bomb.xlsx', (s) => s.replace('</sheetData>', `</sheetData>${' '.repeat(3_000_000)}<!--${'-'.repeat(500_000)}-->`));
    await expect(precheckXlsx(p, { ...XLSX_LIMITS, maxInflatedBytes: 1_000_000 })).rejects.toThrow(/unpacks to more than 1 MB/);
    await expect(precheckXlsx(p)).resolves.toBeUndefined();
  });

  it('refuses a text longer than a cell holds, and more cells than a reader can hold', async () => {
    const long = await workbook(
      'lang.xlsx',
      (s) => s,
      (s) => s.replace('<t>prima</t>', `<t>${'x'.repeat(300_000)}</t>`),
    );
    await expect(precheckXlsx(long)).rejects.toThrow(/longer than an Excel cell can hold/);
    await expect(precheckXlsx(join(FIXTURES, 'small.xlsx'), { ...XLSX_LIMITS, maxCells: 100 })).rejects.toThrow(/more than 100 cells/);
  });

  it('reads positions written without r attributes, and refuses malformed ones', async () => {
    const bare = await workbook('kaal.xlsx', (s) => s.replace(/ r="[A-Z]+\d+"/g, ''));
    await expect(precheckXlsx(bare)).resolves.toBeUndefined();
    const bad = await workbook('fout.xlsx', (s) => s.replace('r="A2"', 'r="2A"'));
    await expect(precheckXlsx(bad)).rejects.toThrow(/malformed cell reference "2A"/);
  });
});

describe('fuzzed workbooks, read in a capped worker', () => {
  const seedBytes = readFileSync(join(FIXTURES, 'small.xlsx'));

  it('mutated zip bytes give data or an ImportError', async () => {
    const p = join(dir, 'bytes.xlsx');
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        writeFileSync(p, applyMutation(seedBytes, m));
        await readCapped(p);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 40), seed: Number(process.env.FUZZ_SEED ?? 20261206) },
    );
  });

  it('mutated row and cell numbers give data or an ImportError', async () => {
    const zip = await JSZip.loadAsync(seedBytes);
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const refs = [...sheet.matchAll(/ r="([A-Z]*)(\d+)"/g)].length;
    const numbers = fc.constantFrom(0, 1, 2, 1_048_576, 1_048_577, 2 ** 31 - 1, 2 ** 32 - 1, 2 ** 53, 99999999999);
    const letters = fc.constantFrom('A', 'Z', 'XFD', 'XFE', 'ZZZ', 'AAAA', '');
    const p = join(dir, 'refs.xlsx');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(refs - 1), letters, numbers), { minLength: 1, maxLength: 4 }), async (changes) => {
        let k = 0;
        const changed = sheet.replace(/ r="([A-Z]*)(\d+)"/g, (whole, col: string) => {
          const hit = changes.find(([at]) => at === k);
          k++;
          return hit ? ` r="${col ? hit[1] : ''}${hit[2]}"` : whole;
        });
        zip.file('xl/worksheets/sheet1.xml', changed);
        writeFileSync(p, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
        await readCapped(p);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 40), seed: Number(process.env.FUZZ_SEED ?? 20261206) },
    );
  });
});
