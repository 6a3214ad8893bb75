/**
 * Reads a written workbook back the way a test must see it: through exceljs (cell values, types,
 * merges, views) and as raw XML (internal hyperlinks, and a last scan for leaked numbers).
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

export interface ReadBook {
  wb: ExcelJS.Workbook;
  /** Every XML part of the package by path. */
  xml: Record<string, string>;
}

export async function readBook(path: string): Promise<ReadBook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const zip = await JSZip.loadAsync(readFileSync(path));
  const xml: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) xml[name] = await zip.files[name].async('string');
  return { wb, xml };
}

/** Sheet-to-sheet links of the n-th sheet (1-based, package order): cell address -> "Sheet!A1". */
export function internalLinks(book: ReadBook, sheetNo: number): Map<string, string> {
  const text = book.xml[`xl/worksheets/sheet${sheetNo}.xml`] ?? '';
  const out = new Map<string, string>();
  for (const m of text.matchAll(/<hyperlink ref="([A-Z]+\d+)"[^>]*?location="([^"]+)"/g)) {
    out.set(
      m[1],
      m[2]
        .replace(/&apos;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&'),
    );
  }
  return out;
}

export interface FoundCell {
  sheet: string;
  address: string;
  value: ExcelJS.CellValue;
}

/** Every non-empty cell of every sheet. */
export function allCells(wb: ExcelJS.Workbook): FoundCell[] {
  const out: FoundCell[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        out.push({ sheet: ws.name, address: cell.address, value: cell.value });
      });
    });
  }
  return out;
}

/** Row number of the first cell in column A whose text equals `label`, at or after `from`. */
export function findRow(ws: ExcelJS.Worksheet, label: string, from = 1): number {
  for (let r = from; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === label) return r;
  return -1;
}
