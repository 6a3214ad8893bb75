/**
 * CSV text of a table. Dutch Excel opens `;`-separated files with decimal commas directly; the BOM
 * makes it read UTF-8 (otherwise "ë" in "Gezondheid beleefd" turns into two characters).
 */
import { NUMBER_STYLES } from './number';
import { tableGrid } from './grid';
import type { TableModel, TableSymbols } from './table-model';

export type CsvDialect = 'nl' | 'en';

export interface CsvOptions {
  /** 'nl': `;` and decimal comma; 'en': `,` and decimal point. */
  dialect: CsvDialect;
  symbols: TableSymbols;
  bom?: boolean;
  notes?: boolean;
}

export function csvField(text: string, delimiter: string): string {
  return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function gridToCsv(grid: string[][], delimiter: string): string {
  return grid.map((row) => row.map((f) => csvField(f, delimiter)).join(delimiter)).join('\r\n') + '\r\n';
}

export function tableToCsv(models: TableModel[], opts: CsvOptions): string {
  const delimiter = opts.dialect === 'nl' ? ';' : ',';
  const style = { ...NUMBER_STYLES[opts.dialect], group: '' as const };
  const parts = models.map((m) => gridToCsv(tableGrid(m, { style, symbols: opts.symbols, notes: opts.notes }), delimiter));
  return (opts.bom === false ? '' : '\ufeff') + parts.join('\r\n');
}
