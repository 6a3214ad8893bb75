/**
 * Bad input, cancel and progress: each malformed file must end in an ImportError that names the byte
 * offset, without allocating from the untrusted field that is wrong.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportCancelled, ImportError } from '../import-error';
import type { ImportProgress } from '../types';
import { readSav, readSavDictionary } from './index';

const FIX = join(__dirname, '../../../tests/fixtures/sav');
const dir = mkdtempSync(join(tmpdir(), 'duiding-savr-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function mutated(fixture: string, change: (b: Buffer) => Buffer | void): string {
  const b = readFileSync(join(FIX, fixture));
  const out = change(b) ?? b;
  const p = join(dir, `m${n++}-${fixture}`);
  writeFileSync(p, out);
  return p;
}

async function importError(path: string): Promise<ImportError> {
  const e = await readSav(path).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ImportError);
  return e as ImportError;
}

describe('readSav on bad input', () => {
  it('rejects a wrong magic at offset 0', async () => {
    const e = await importError(mutated('ours-none.sav', (b) => void b.write('XXXX', 0, 'latin1')));
    expect(e.offset).toBe(0);
    expect(e.reason).toMatch(/not an SPSS system file/);
  });

  it('reports a missing file as an ImportError', async () => {
    const e = await importError(join(dir, 'does-not-exist.sav'));
    expect(e.reason).toMatch(/cannot open/);
  });

  for (const cut of [10, 150, 400, 2000, 6000, 20000, 40000]) {
    it(`rejects ours-none.sav truncated to ${cut} bytes`, async () => {
      const e = await importError(mutated('ours-none.sav', (b) => b.subarray(0, cut)));
      expect(e.offset).not.toBeNull();
      expect(e.offset!).toBeLessThanOrEqual(cut);
    });
  }

  it('rejects a compressed file cut inside a case', async () => {
    const full = readFileSync(join(FIX, 'pspp-panel-bytecode.sav')).length;
    const e = await importError(mutated('pspp-panel-bytecode.sav', (b) => b.subarray(0, full - 100)));
    expect(e.reason).toMatch(/ends/);
  });

  it('treats a header claiming a billion cases as a hint, not an allocation', async () => {
    const e = await importError(mutated('ours-none.sav', (b) => void b.writeInt32LE(1_000_000_000, 80)));
    expect(e.reason).toMatch(/after 50 of 1000000000 cases/);
  });

  it('rejects an extension record claiming 2 GB', async () => {
    const e = await importError(
      mutated('ours-none.sav', (b) => {
        const at = b.indexOf(Buffer.from([7, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0]));
        b.writeInt32LE(0x7fffffff, at + 12);
      }),
    );
    expect(e.reason).toMatch(/more than the file holds/);
  });

  it('rejects invalid UTF-8 in the case data of a UTF-8 file, naming the offset', async () => {
    let at = -1;
    const p = mutated('ours-none.sav', (b) => {
      at = b.indexOf(Buffer.from('Ëlsloo', 'utf8'));
      b[at] = 0xff;
    });
    const e = await importError(p);
    expect(e.reason).toMatch(/invalid UTF-8/);
    expect(e.offset!).toBeGreaterThan(at - 2000);
  });

  it('rejects invalid UTF-8 in a variable label at its offset', async () => {
    let at = -1;
    const e = await importError(
      mutated('ours-none.sav', (b) => {
        at = b.indexOf(Buffer.from('Bruto jaarinkomen (€)', 'utf8')) + 19;
        b[at] = 0xff;
      }),
    );
    expect(e.reason).toMatch(/invalid UTF-8/);
    expect(e.offset).toBe(at);
  });

  it('rejects an unknown character encoding', async () => {
    const e = await importError(mutated('ours-none.sav', (b) => void b.write('QQQ-8', b.indexOf('UTF-8'), 'latin1')));
    expect(e.reason).toMatch(/unsupported character encoding/);
  });

  it('rejects a value label record pointing at no variable', async () => {
    const e = await importError(
      mutated('pspp-cp1252.sav', (b) => {
        const at = b.indexOf(Buffer.from([4, 0, 0, 0, 1, 0, 0, 0]), b.indexOf('Matig'));
        b.writeInt32LE(99, at + 8);
      }),
    );
    expect(e.reason).toMatch(/dictionary index 99/);
  });
});

describe('readSav progress and cancel', () => {
  it('reports progress ending with every case and byte', async () => {
    const seen: ImportProgress[] = [];
    const ds = await readSav(join(FIX, 'haven-none.sav'), { chunkSize: 1024, onProgress: (p) => seen.push(p) });
    const last = seen[seen.length - 1];
    expect(last).toEqual({ bytes: last.totalBytes, totalBytes: readFileSync(join(FIX, 'haven-none.sav')).length, cases: ds.rows });
  });

  it('throws ImportCancelled when the signal aborts mid-read', async () => {
    const ac = new AbortController();
    let calls = 0;
    const run = readSav(join(FIX, 'haven-none.sav'), {
      chunkSize: 512,
      signal: ac.signal,
      onProgress: () => {
        if (++calls === 1) ac.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(ImportCancelled);
  });

  it('reads the dictionary alone for previews', async () => {
    const full = await readSav(join(FIX, 'pspp-panel-zlib.zsav'));
    const { columns, ...info } = full;
    expect(columns.length).toBe(info.variables.length);
    expect(await readSavDictionary(join(FIX, 'pspp-panel-zlib.zsav'))).toEqual(info);
    expect((await readSavDictionary(join(FIX, 'ours-bigendian-nan.sav'))).rows).toBe(-1);
  });

  it('names the dataset after the file unless told otherwise', async () => {
    expect((await readSav(join(FIX, 'pspp-quirks.sav'))).name).toBe('pspp-quirks');
    expect((await readSav(join(FIX, 'pspp-quirks.sav'), { name: 'golf1' })).name).toBe('golf1');
  });
});
