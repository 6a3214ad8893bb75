/** `duiding describe FILE --json` and `duiding import FILE --project P` on each of the four formats. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../electron/cli';
import { ProjectStore } from '../../electron/store/project-store';
import { readXlsx } from '../../electron/import/xlsx/index';

const FIX = join(__dirname, '../fixtures');
const dir = mkdtempSync(join(tmpdir(), 'duiding-formats-'));
const xlsx = join(dir, 'panel.xlsx');
const titled = join(dir, 'titled.xlsx');

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  try {
    return { code: await runCli(argv, (s) => (out += s)), out, err };
  } finally {
    spy.mockRestore();
  }
}

async function workbook(path: string, title: boolean) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Wijkdata');
  if (title) ws.addRow(['Wijkgegevens 2025']);
  ws.addRow(['wijk', 'inwoners', 'peildatum']);
  ws.addRow(['Centrum', 24650, new Date(Date.UTC(2025, 0, 1))]);
  ws.addRow(['Oosterpark', 17230, new Date(Date.UTC(2025, 0, 1))]);
  await wb.xlsx.writeFile(path);
}

beforeAll(async () => {
  await workbook(xlsx, false);
  // As a municipality would send it: a title row above the header.
  await workbook(titled, true);
});

const FILES = [
  ['sav', join(FIX, 'sav/pspp-cp1252.sav')],
  ['zsav', join(FIX, 'sav/haven-zsav.zsav')],
  ['csv', join(FIX, 'csv/dutch-1252.csv')],
  ['dta', join(FIX, 'dta/panel-118.dta')],
  ['xlsx', xlsx],
] as const;

describe.each(FILES)('%s', (_fmt, file) => {
  it('describes and imports', async () => {
    const d = await cli('describe', file, '--json');
    expect(d.err).toBe('');
    const doc = JSON.parse(d.out);
    expect(doc.rows).toBeGreaterThan(0);
    expect(doc.variables.length).toBeGreaterThan(0);
    const project = join(dir, `${_fmt}.duiding`);
    const imp = await cli('import', file, '--project', project, '--name', 'golf');
    expect(imp.err).toBe('');
    const store = ProjectStore.open(project);
    const back = store.datasetInfo('golf');
    store.close();
    expect(back.rows).toBe(doc.rows);
    expect(back.variables.map((v) => v.name)).toEqual(doc.variables.map((v: { name: string }) => v.name));
  });
});

describe('xlsx', () => {
  it('types the columns: text, numbers, dates as SPSS dates', async () => {
    const doc = JSON.parse((await cli('describe', xlsx, '--json')).out);
    expect(doc.variables.map((v: { name: string }) => v.name)).toEqual(['wijk', 'inwoners', 'peildatum']);
    expect(doc.variables.map((v: { type: string }) => v.type)).toEqual(['string', 'numeric', 'numeric']);
    expect(doc.variables[2].format.type).toMatch(/DATE/);
  });

  it('reads below a title row when the header row is chosen', async () => {
    const ds = await readXlsx(titled, { headerRow: 2 });
    expect(ds.variables.map((v) => v.name)).toEqual(['wijk', 'inwoners', 'peildatum']);
    expect(ds.rows).toBe(2);
  });
});
