/**
 * Workbooks are written here with exceljs, so the expected values are exactly the ones put in; dates
 * are checked against Date.UTC arithmetic from the SPSS epoch 1582-10-14.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../../shared/model/dataset';
import { numericAt } from '../../../shared/model/dataset';
import { ImportError } from '../import-error';
import { listSheets, previewXlsx, readXlsx } from './index';

const dir = mkdtempSync(join(tmpdir(), 'xlsx-'));
const file = join(dir, 'enquete.xlsx');
const spss = (ms: number): number => (ms - Date.UTC(1582, 9, 14)) / 1000;

function col(ds: Dataset, name: string): (number | string)[] {
  const k = ds.variables.findIndex((v) => v.name === name);
  const c = ds.columns[k];
  return Array.from({ length: ds.rows }, (_, i) => (c.kind === 'numeric' ? numericAt(c, i) : c.dict[c.codes[i]]));
}

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const info = wb.addWorksheet('Toelichting');
  info.getCell('A1').value = 'Alleen tekst';
  const ws = wb.addWorksheet('Data 2024');
  ws.getCell('A1').value = 'Enquête leefbaarheid 2024';
  ws.addRow([]);
  ws.getRow(2).values = ['respnr', 'Gemeente', 'Score (0-10)', 'Datum', 'Tijdstip', 'Gemengd', 'Formule', 'Akkoord'];
  const rows: ExcelJS.CellValue[][] = [
    [
      1,
      'Utrecht',
      7.5,
      new Date(Date.UTC(2024, 1, 29)),
      new Date(Date.UTC(2024, 2, 1, 12, 30)),
      3,
      { formula: 'A3*2', result: 2 } as ExcelJS.CellFormulaValue,
      true,
    ],
    [
      2,
      { richText: [{ text: '’s-' }, { text: 'Hertogenbosch' }] } as ExcelJS.CellRichTextValue,
      null,
      new Date(Date.UTC(1999, 11, 31)),
      null,
      'onbekend',
      { formula: 'A4*2', result: 4 } as ExcelJS.CellFormulaValue,
      false,
    ],
    [],
    [
      3,
      'Café',
      10,
      null,
      new Date(Date.UTC(2024, 2, 2, 8, 0)),
      4.25,
      { formula: '1/0', result: { error: '#DIV/0!' } } as unknown as ExcelJS.CellFormulaValue,
      true,
    ],
  ];
  rows.forEach((r, i) => {
    ws.getRow(3 + i).values = r;
  });
  await wb.xlsx.writeFile(file);
});

describe('listSheets', () => {
  it('names every sheet in order', async () => {
    expect((await listSheets(file)).map((s) => s.name)).toEqual(['Toelichting', 'Data 2024']);
  });
});

describe('previewXlsx', () => {
  it('shows sheets, inferred types and the first rows as text', async () => {
    const p = await previewXlsx(file, { sheet: 'Data 2024', headerRow: 2 });
    expect(p.sheets).toEqual(['Toelichting', 'Data 2024']);
    expect(p.columns.map((c) => c.inferredType)).toEqual(['numeric', 'string', 'numeric', 'date', 'date', 'string', 'numeric', 'numeric']);
    expect(p.rows[0].slice(0, 4)).toEqual(['1', 'Utrecht', '7.5', '2024-02-29']);
  });
});

describe('readXlsx', () => {
  it('reads typed columns below a title row, skipping empty rows', async () => {
    const ds = await readXlsx(file, { sheet: 'Data 2024', headerRow: 2 });
    expect(ds.rows).toBe(3);
    expect(ds.variables.map((v) => [v.name, v.type])).toEqual([
      ['respnr', 'numeric'],
      ['Gemeente', 'string'],
      ['Score_0_10', 'numeric'],
      ['Datum', 'numeric'],
      ['Tijdstip', 'numeric'],
      ['Gemengd', 'string'],
      ['Formule', 'numeric'],
      ['Akkoord', 'numeric'],
    ]);
    expect(ds.variables[2].label).toBe('Score (0-10)');
    expect(col(ds, 'Gemeente')).toEqual(['Utrecht', '’s-Hertogenbosch', 'Café']);
    expect(col(ds, 'Score_0_10')).toEqual([7.5, NaN, 10]);
    expect(ds.variables[2].format.decimals).toBe(1);
    expect(col(ds, 'Datum')).toEqual([spss(Date.UTC(2024, 1, 29)), spss(Date.UTC(1999, 11, 31)), NaN]);
    expect(ds.variables[3].format.type).toBe('DATE');
    expect(col(ds, 'Tijdstip')).toEqual([spss(Date.UTC(2024, 2, 1, 12, 30)), NaN, spss(Date.UTC(2024, 2, 2, 8))]);
    expect(ds.variables[4].format.type).toBe('DATETIME');
    expect(col(ds, 'Gemengd')).toEqual(['3', 'onbekend', '4.25']);
    expect(col(ds, 'Formule')).toEqual([2, 4, NaN]);
    expect(col(ds, 'Akkoord')).toEqual([1, 0, 1]);
  });

  it('reads by position and without a header row', async () => {
    const ds = await readXlsx(file, { sheet: 2, headerRow: 0 });
    expect(ds.variables[0].name).toBe('V1');
    expect(col(ds, 'V1')[0]).toBe('Enquête leefbaarheid 2024');
  });

  it('gives ImportError for a missing sheet, a non-workbook and a missing file', async () => {
    await expect(readXlsx(file, { sheet: 'Data 2025' })).rejects.toThrow(/sheets: Toelichting, Data 2024/);
    const bad = join(dir, 'kapot.xlsx');
    writeFileSync(bad, 'PK\u0003\u0004 dit is geen zip');
    await expect(readXlsx(bad)).rejects.toBeInstanceOf(ImportError);
    await expect(listSheets(join(dir, 'weg.xlsx'))).rejects.toBeInstanceOf(ImportError);
  });
});
