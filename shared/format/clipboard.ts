/**
 * Clipboard payload for "copy as table": HTML for Word (keeps the table structure) and tab-separated
 * text for Excel and plain editors. Both come from the same model, so what is pasted is what was checked.
 */
import { NUMBER_STYLES, type NumberLocale } from './number';
import { tableGrid } from './grid';
import { tableToHtml } from './html';
import type { TableModel, TableSymbols } from './table-model';

export interface ClipboardPayload {
  html: string;
  text: string;
}

/** Tabs and newlines inside a label would break the grid when pasted, so they become spaces. */
export function tableToTsv(model: TableModel, symbols: TableSymbols, language: NumberLocale): string {
  const style = { ...NUMBER_STYLES[language], group: '' as const };
  const grid = tableGrid(model, { style, symbols });
  return grid.map((row) => row.map((f) => f.replace(/[\t\r\n]+/g, ' ')).join('\t')).join('\n') + '\n';
}

export function tableToClipboard(model: TableModel, symbols: TableSymbols, language: NumberLocale): ClipboardPayload {
  return {
    html: tableToHtml(model, { symbols, language, fragment: true }),
    text: tableToTsv(model, symbols, language),
  };
}
