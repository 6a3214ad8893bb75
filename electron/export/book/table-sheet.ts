/**
 * Writes one table model into a worksheet: title, header rows with merged cells, percentages as
 * numbers with a number format, letters in their own narrow text column (so every value stays a
 * number Excel can compute with), symbols for suppressed/unknown/nil cells, and the footnotes.
 */
import type { Cell, Worksheet } from 'exceljs';
import type { ModelCell, ModelRow, TableModel, TableSymbols } from '../../../shared/format/table-model';
import type { BookStyles } from './xlsx-style';

/**
 * The cell at (row, col). Not `ws.getCell(r, c)`: that goes through exceljs' address cache, a
 * module-wide map that keeps every address ever used (about 200,000 per large book) for the life of
 * the process.
 */
export function cellAt(ws: Worksheet, r: number, c: number): Cell {
  return ws.getRow(r).getCell(c);
}

/** Columns before the values: row labels, and the statistic's name when a table shows several per category. */
function leadCols(model: TableModel): number {
  return model.statColumn ? 2 : 1;
}

/** Excel column (1-based) of model column `c`; column 1 holds the row labels. */
export function excelCol(model: TableModel, c: number): number {
  return 1 + leadCols(model) + c * (model.sigColumns ? 2 : 1);
}

export function tableWidth(model: TableModel): number {
  return excelCol(model, model.columns.length) - 1;
}

/** Column widths for tables laid out like `model` (value/letter columns alternate). */
export function columnWidths(model: TableModel, styles: BookStyles): { width: number }[] {
  const cols = [{ width: styles.widths.stub }];
  if (model.statColumn) cols.push({ width: styles.widths.stat });
  for (let c = 0; c < model.columns.length; c++) {
    cols.push({ width: styles.widths.value });
    if (model.sigColumns) cols.push({ width: styles.widths.sig });
  }
  return cols;
}

export interface BlockLayout {
  /** First header row. */
  headerTop: number;
  /** First body row. */
  bodyTop: number;
  /** Next free row after the notes. */
  next: number;
}

/** Header starts two rows below `top` (title, then a line the caller fills, e.g. a link back). */
export function blockLayout(top: number, model: TableModel): BlockLayout {
  const headerTop = top + 2;
  const bodyTop = headerTop + model.headerRows;
  return { headerTop, bodyTop, next: bodyTop + model.rows.length + 1 + model.notes.length + 1 };
}

export function writeTableBlock(ws: Worksheet, top: number, model: TableModel, styles: BookStyles, symbols: TableSymbols): BlockLayout {
  const layout = blockLayout(top, model);
  const title = cellAt(ws, top, 1);
  title.value = model.title;
  title.style = styles.title;
  if (model.mark) {
    // Beside the back link: every sheet of an unchecked table says so where it is read first.
    const mark = cellAt(ws, top + 1, 2);
    mark.value = model.mark;
    mark.style = { ...styles.title, font: { ...styles.title.font, color: { argb: 'FFB00020' } } };
  }
  writeHeader(ws, layout.headerTop, model, styles);
  model.rows.forEach((row, r) => writeBodyRow(ws, layout.bodyTop + r, model, row, styles, symbols));
  let n = layout.bodyTop + model.rows.length + 1;
  for (const note of model.notes) {
    const cell = cellAt(ws, n++, 1);
    cell.value = note.text;
    cell.style = styles.note;
  }
  return layout;
}

function writeHeader(ws: Worksheet, top: number, model: TableModel, styles: BookStyles): void {
  const last = top + model.headerRows - 1;
  const right = tableWidth(model);
  const lead = leadCols(model);
  for (let r = top; r <= last; r++) for (let c = 1; c <= right; c++) cellAt(ws, r, c).style = c <= lead ? styles.corner : styles.header;
  if (model.headerRows > 1 || lead > 1) ws.mergeCells(top, 1, last, lead);
  const extra = model.sigColumns ? 1 : 0;
  const lines = new Array<number>(model.headerRows).fill(1);
  const perCol = styles.widths.value + (model.sigColumns ? styles.widths.sig : 0);
  for (const b of model.header) {
    const r1 = top + b.row;
    const r2 = r1 + b.rowSpan - 1;
    const c1 = excelCol(model, b.col);
    const c2 = excelCol(model, b.col + b.colSpan - 1) + extra;
    cellAt(ws, r1, c1).value = b.label;
    if (r2 > r1 || c2 > c1) ws.mergeCells(r1, c1, r2, c2);
    if (b.rowSpan === 1) lines[b.row] = Math.max(lines[b.row], wrappedLines(b.label, perCol * b.colSpan));
  }
  // Excel does not grow rows for wrapped text in merged cells: size them from the longest label.
  lines.forEach((n, i) => {
    if (n > 1) ws.getRow(top + i).height = 12.5 * n;
  });
}

/** Lines a label needs in a cell `width` characters wide (wrapping at spaces, roughly). */
export function wrappedLines(label: string, width: number): number {
  const usable = Math.max(1, Math.floor(width * 0.95) - 1);
  let lines = 1;
  let used = 0;
  for (const word of label.split(/\s+/)) {
    const len = word.length;
    if (used > 0 && used + 1 + len > usable) {
      lines++;
      used = len;
    } else used += (used > 0 ? 1 : 0) + len;
    if (len > usable) lines += Math.floor(len / usable);
  }
  return lines;
}

function writeBodyRow(ws: Worksheet, r: number, model: TableModel, row: ModelRow, styles: BookStyles, symbols: TableSymbols): void {
  const base = row.kind !== 'category';
  const stub = cellAt(ws, r, 1);
  stub.value = row.label;
  stub.style = base ? styles.stubBase : styles.stub;
  if (model.statColumn) {
    const stat = cellAt(ws, r, 2);
    if (row.stat) stat.value = row.stat;
    stat.style = base ? styles.stubBase : styles.stub;
  }
  row.cells.forEach((cell, c) => {
    const col = excelCol(model, c);
    const target = cellAt(ws, r, col);
    if (cell.state === 'value' && cell.value !== null) {
      target.value = cell.value;
      target.style = styles.value(row.decimals, cell.bold, base);
    } else {
      target.value = symbolOf(cell, symbols);
      target.style = styles.symbol(base);
    }
    if (model.sigColumns) {
      const sig = cellAt(ws, r, col + 1);
      if (cell.sig) sig.value = cell.sig;
      sig.style = base ? styles.sigBase : styles.sig;
    }
  });
}

function symbolOf(cell: ModelCell, s: TableSymbols): string {
  return cell.state === 'suppressed' ? s.suppressed : cell.state === 'nil' ? s.nil : s.unknown;
}
