/**
 * Excel .xlsx import through exceljs (not the npm `xlsx` package, which is unmaintained and has open
 * CVEs for reading files). A sheet is chosen by name or 1-based position, and a header row (0 = none);
 * rows above the header are titles and are skipped, as are wholly empty rows. A column whose cells
 * are all numbers becomes numeric, all dates a DATE/DATETIME variable (SPSS seconds since 1582-10-14),
 * anything mixed becomes text, written as Excel shows it.
 */
import ExcelJS from 'exceljs';
import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { NumericColumnBuilder, StringColumnBuilder } from '../../../shared/model/column-builder';
import type { Column, Dataset, VariableMeta } from '../../../shared/model/dataset';
import { newVariable } from '../../../shared/model/dataset';
import { columnNames } from '../csv/names';
import { ImportCancelled, ImportError } from '../import-error';
import type { ImportOptions } from '../types';
import { asText, type Plain, plain } from './cells';
import { precheckXlsx, XLSX_LIMITS } from './precheck';

export interface XlsxReadOptions extends ImportOptions {
  /** Sheet name, or 1-based position; default the first sheet. */
  sheet?: string | number;
  /** 1-based row holding the variable names; 0 for none. Default 1. */
  headerRow?: number;
}

const UNIX_TO_SPSS = 141428 * 86400;
const MAX_CATEGORIES = 24;

/**
 * exceljs holds the whole workbook in memory (its streaming reader would need styles before sheets to
 * see dates, and spills sheets to unencrypted temp files), so very large workbooks are refused with
 * advice instead of exhausting memory.
 */
export const MAX_XLSX_BYTES = 150 * 1024 * 1024;

async function load(path: string, signal?: AbortSignal): Promise<ExcelJS.Workbook> {
  const size = (await stat(path).catch(() => null))?.size ?? 0;
  if (size > MAX_XLSX_BYTES) {
    throw new ImportError(path, `workbook of ${Math.round(size / 1048576)} MB is too large to import from Excel; save the sheet as CSV and import that`);
  }
  // What the file declares is bounded before exceljs allocates anything for it (precheck.ts).
  await precheckXlsx(path, XLSX_LIMITS, signal);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : `not a readable .xlsx workbook (${(e as Error).message})`;
    throw new ImportError(path, why);
  }
  return wb;
}

export async function listSheets(path: string): Promise<{ name: string; rows: number; columns: number }[]> {
  const wb = await load(path);
  return wb.worksheets.map((ws) => ({ name: ws.name, rows: ws.actualRowCount, columns: ws.actualColumnCount }));
}

function pickSheet(path: string, wb: ExcelJS.Workbook, sheet: string | number | undefined): ExcelJS.Worksheet {
  const sheets = wb.worksheets;
  const ws = sheet === undefined ? sheets[0] : typeof sheet === 'number' ? sheets[sheet - 1] : sheets.find((s) => s.name === sheet);
  if (!ws) {
    const names = sheets.map((s) => s.name).join(', ') || 'none';
    throw new ImportError(path, `no sheet ${JSON.stringify(sheet ?? 1)} (sheets: ${names})`);
  }
  return ws;
}

function decimalsOf(v: number): number {
  const s = String(v);
  if (s.includes('e')) return 2;
  const k = s.indexOf('.');
  return k < 0 ? 0 : Math.min(16, s.length - k - 1);
}

function buildColumn(cells: Plain[]): { column: Column; meta: Partial<VariableMeta> & { type: 'numeric' | 'string' } } {
  const present = cells.filter((c) => c.t !== 'empty');
  if (present.length > 0 && present.every((c) => c.t === 'date')) {
    const b = new NumericColumnBuilder(cells.length);
    let timed = false;
    for (const c of cells) {
      const v = c.t === 'date' ? c.v.getTime() / 1000 + UNIX_TO_SPSS : NaN;
      if (v === v && v % 86400 !== 0) timed = true;
      b.push(v);
    }
    const format = timed ? { type: 'DATETIME', width: 20, decimals: 0 } : { type: 'DATE', width: 11, decimals: 0 };
    return { column: { kind: 'numeric', data: b.finish() }, meta: { type: 'numeric', format, measure: 'scale' } };
  }
  if (present.every((c) => c.t === 'num')) {
    const b = new NumericColumnBuilder(cells.length);
    let decimals = 0;
    const distinct = new Set<number>();
    let integers = true;
    for (const c of cells) {
      if (c.t !== 'num') {
        b.push(NaN);
        continue;
      }
      b.push(c.v);
      decimals = Math.max(decimals, decimalsOf(c.v));
      if (!Number.isInteger(c.v)) integers = false;
      if (distinct.size <= MAX_CATEGORIES) distinct.add(c.v);
    }
    const categorical = integers && distinct.size > 0 && distinct.size <= MAX_CATEGORIES;
    return {
      column: { kind: 'numeric', data: b.finish() },
      meta: { type: 'numeric', format: { type: 'F', width: 8, decimals }, measure: categorical ? 'nominal' : 'scale' },
    };
  }
  const b = new StringColumnBuilder(cells.length);
  for (const c of cells) b.push(asText(c));
  const { codes, dict } = b.finish();
  let width = 1;
  for (const s of dict) width = Math.max(width, Buffer.byteLength(s, 'utf8'));
  return {
    column: { kind: 'string', codes, dict },
    meta: { type: 'string', width, format: { type: 'A', width, decimals: 0 }, measure: 'nominal' },
  };
}

interface SheetData {
  ws: ExcelJS.Worksheet;
  width: number;
  names: { name: string; label: string }[];
  rows: Plain[][];
}

async function sheetData(path: string, o: XlsxReadOptions, totalBytes: number): Promise<SheetData> {
  if (o.signal?.aborted) throw new ImportCancelled();
  const wb = await load(path, o.signal);
  if (o.signal?.aborted) throw new ImportCancelled();
  const ws = pickSheet(path, wb, o.sheet);
  const headerRow = o.headerRow ?? 1;
  if (!Number.isInteger(headerRow) || headerRow < 0) throw new ImportError(path, `header row ${headerRow} is not a row number`);
  const width = ws.actualColumnCount === 0 ? 0 : ws.columnCount;
  let header: string[] | null = null;
  const rows: Plain[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (n < headerRow) return;
    const cells = Array.from({ length: width }, (_, k) => plain(row.getCell(k + 1).value));
    if (n === headerRow) {
      header = cells.map(asText);
      return;
    }
    if (!cells.some((c) => c.t !== 'empty')) return;
    rows.push(cells);
    if (rows.length % 10000 === 0) o.onProgress?.({ bytes: 0, totalBytes, cases: rows.length });
  });
  if (headerRow > 0 && header === null) throw new ImportError(path, `sheet '${ws.name}' has no row ${headerRow}`, { line: headerRow });
  return { ws, width, names: columnNames(header, width), rows };
}

export interface XlsxPreview {
  sheets: string[];
  sheet: string;
  columns: { name: string; label: string; inferredType: 'numeric' | 'string' | 'date' }[];
  /** The first 50 data rows as Excel would show them. */
  rows: string[][];
}

/** What the import dialog shows before anything is stored. */
export async function previewXlsx(path: string, o: Pick<XlsxReadOptions, 'sheet' | 'headerRow'> = {}): Promise<XlsxPreview> {
  const d = await sheetData(path, o, 0);
  const columns = d.names.map((n, k) => {
    const { meta } = buildColumn(d.rows.map((r) => r[k]));
    const inferredType = meta.type === 'string' ? 'string' : meta.format?.type.startsWith('DATE') ? 'date' : 'numeric';
    return { ...n, inferredType } as const;
  });
  return {
    sheets: d.ws.workbook.worksheets.map((w) => w.name),
    sheet: d.ws.name,
    columns,
    rows: d.rows.slice(0, 50).map((r) => r.map(asText)),
  };
}

export async function readXlsx(path: string, o: XlsxReadOptions = {}): Promise<Dataset> {
  const totalBytes = (await stat(path).catch(() => ({ size: 0 }))).size;
  const { width, names, rows } = await sheetData(path, o, totalBytes);
  const variables: VariableMeta[] = [];
  const columns: Column[] = [];
  for (let k = 0; k < width; k++) {
    if (o.signal?.aborted) throw new ImportCancelled();
    const { column, meta } = buildColumn(rows.map((r) => r[k]));
    variables.push(newVariable(names[k].name, meta.type, { ...meta, label: names[k].label }));
    columns.push(column);
  }
  o.onProgress?.({ bytes: totalBytes, totalBytes, cases: rows.length });
  return {
    name: o.name ?? basename(path, extname(path)),
    rows: rows.length,
    variables,
    columns,
    weight: null,
    fileLabel: '',
    documents: [],
    mrSets: [],
  };
}
