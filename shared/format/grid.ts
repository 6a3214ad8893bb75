/**
 * A table model laid out as a plain grid of texts: what CSV and tab-separated clipboard text are made
 * of. Every model column becomes a value cell plus (when the table shows letters) a text cell beside it,
 * so numbers stay numbers when the text is pasted or imported.
 */
import { type NumberStyle, formatNumber } from './number';
import type { ModelCell, TableModel, TableSymbols } from './table-model';

export interface GridOptions {
  style: NumberStyle;
  symbols: TableSymbols;
  /** Title line above the header and notes below the table. */
  title?: boolean;
  notes?: boolean;
}

export function cellText(cell: ModelCell, decimals: number, style: NumberStyle, symbols: TableSymbols): string {
  switch (cell.state) {
    case 'suppressed':
      return symbols.suppressed;
    case 'unknown':
      return symbols.unknown;
    case 'nil':
      return symbols.nil;
    default:
      return cell.value === null ? symbols.unknown : formatNumber(cell.value, decimals, style);
  }
}

/** Columns before the values: the row labels, and the statistic's name when a table shows several. */
export function leadColumns(model: TableModel): number {
  return model.statColumn ? 2 : 1;
}

/** Grid column of model column `c`. */
export function gridCol(model: TableModel, c: number): number {
  return leadColumns(model) + c * (model.sigColumns ? 2 : 1);
}

export function tableGrid(model: TableModel, opts: GridOptions): string[][] {
  const width = gridCol(model, model.columns.length);
  const grid: string[][] = [];
  const blank = (): string[] => new Array<string>(width).fill('');
  if (opts.title !== false) {
    const line = blank();
    line[0] = model.title;
    grid.push(line);
  }
  if (model.mark) {
    const line = blank();
    line[0] = model.mark;
    grid.push(line);
  }
  const header: string[][] = Array.from({ length: model.headerRows }, blank);
  for (const b of model.header) header[b.row][gridCol(model, b.col)] = b.label;
  grid.push(...header);
  for (const row of model.rows) {
    const line = blank();
    line[0] = row.label;
    if (model.statColumn) line[1] = row.stat;
    row.cells.forEach((cell, c) => {
      const g = gridCol(model, c);
      line[g] = cellText(cell, row.decimals, opts.style, opts.symbols);
      if (model.sigColumns) line[g + 1] = cell.sig;
    });
    grid.push(line);
  }
  if (opts.notes !== false) {
    grid.push(blank());
    for (const n of model.notes) {
      const line = blank();
      line[0] = n.text;
      grid.push(line);
    }
  }
  return grid;
}
