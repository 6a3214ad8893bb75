/**
 * The checker's sheet read back with exceljs: title, rule line, the audit-head line in row 3, the
 * header in row 4 (frozen above the body), and each value in its own column whichever of the
 * optional columns (largest contributions, released cells) the rows need.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseBookSpec } from '../../../shared/book/book';
import { XlsxWriter } from '../xlsx/workbook';
import { CHECKER_HEADER_ROW, CHECKER_WIDTHS, type CheckerRow, writeCheckerSheet } from './checker-sheet';
import { loadHouseStyle } from './style';
import { makeStyles } from './xlsx-style';

const spec = parseBookSpec({ version: 2, title: 'T', dataset: 'd', banner: { total: true, items: [] }, questions: ['q'] });

async function written(rows: CheckerRow[]): Promise<ExcelJS.Worksheet> {
  const path = join(mkdtempSync(join(tmpdir(), 'duiding-checker-')), 'c.xlsx');
  const xlsx = await XlsxWriter.create(path);
  const styles = makeStyles(await loadHouseStyle('default'), xlsx.styles);
  const ws = xlsx.addSheet('Controle', { frozen: { cols: 0, rows: CHECKER_HEADER_ROW }, widths: CHECKER_WIDTHS });
  writeCheckerSheet(ws, rows, spec, styles, 'Outputregels: x', 'abc123');
  await xlsx.commit(ws);
  await xlsx.close();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.getWorksheet('Controle')!;
}

const values = (ws: ExcelJS.Worksheet, r: number) => (ws.getRow(r).values as unknown[]).slice(1);

describe("checker's sheet", () => {
  it('puts the audit head in row 3 and the header in row 4, frozen above the body', async () => {
    const ws = await written([{ table: 'q1', row: 'Ja', col: 'Totaal', n: 120 }]);
    expect(ws.getCell(1, 1).value).toBe('Controleblad voor de outputcontrole');
    expect(ws.getCell(2, 1).value).toBe('Outputregels: x');
    expect(ws.getCell(3, 1).value).toBe('Auditlog van het project, laatste hash: abc123');
    expect(values(ws, 4)).toEqual(['Tabel (variabele)', 'Rij', 'Kolom', 'n (ongewogen)']);
    expect(values(ws, 5)).toEqual(['q1', 'Ja', 'Totaal', 120]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
  });

  it('gives the largest contributions and the released cells their own columns', async () => {
    const override = { reason: 'Afgestemd', date: '2026-11-24' };
    const plain = await written([
      { table: 'q1', row: 'Ja', col: 'Totaal', n: 12 },
      { table: 'q1', row: 'Nee', col: 'Totaal', n: 8, override },
    ]);
    expect(values(plain, 4)[4]).toMatch(/^Vrijgegeven/);
    expect(values(plain, 6)).toEqual(['q1', 'Nee', 'Totaal', 8, 'Afgestemd (2026-11-24)']);
    const magnitude = await written([
      { table: 'omzet', row: 'A', col: 'Totaal', n: 30, top1: 500.5, top2: 200 },
      { table: 'omzet', row: 'B', col: 'Totaal', n: 12, top1: 90, top2: 80, override },
    ]);
    expect(values(magnitude, 4).slice(4)).toEqual(['Grootste bijdrage', 'Op één na grootste bijdrage', expect.stringMatching(/^Vrijgegeven/)]);
    expect(values(magnitude, 5)).toEqual(['omzet', 'A', 'Totaal', 30, 500.5, 200]);
    expect(values(magnitude, 6)).toEqual(['omzet', 'B', 'Totaal', 12, 90, 80, 'Afgestemd (2026-11-24)']);
  });
});
