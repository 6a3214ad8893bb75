/**
 * Writes one table model into a worksheet: title, header rows with merged cells, percentages as
 * numbers with a number format, letters in their own narrow text column (so every value stays a
 * number Excel can compute with), symbols for suppressed/unknown/nil cells, and the footnotes.
 */
import type { ModelCell, ModelRow, TableModel, TableSymbols } from '../../../shared/format/table-model';
import type { SheetWriter } from '../xlsx/sheet';
import type { BookStyles } from './xlsx-style';

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
export function columnWidths(model: TableModel, styles: BookStyles): number[] {
  const cols = [styles.widths.stub];
  if (model.statColumn) cols.push(styles.widths.stat);
  for (let c = 0; c < model.columns.length; c++) {
    cols.push(styles.widths.value);
    if (model.sigColumns) cols.push(styles.widths.sig);
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

export function writeTableBlock(ws: SheetWriter, top: number, model: TableModel, styles: BookStyles, symbols: TableSymbols): BlockLayout {
  const layout = blockLayout(top, model);
  ws.set(top, 1, model.title, styles.title);
  // Beside the back link: every sheet of an unchecked table says so where it is read first.
  if (model.mark) ws.set(top + 1, 2, model.mark, styles.mark);
  writeHeader(ws, layout.headerTop, model, styles);
  const values = valueStyles(styles);
  model.rows.forEach((row, r) => writeBodyRow(ws, layout.bodyTop + r, model, row, styles, values, symbols));
  let n = layout.bodyTop + model.rows.length + 1;
  for (const note of model.notes) ws.set(n++, 1, note.text, styles.note);
  return layout;
}

function writeHeader(ws: SheetWriter, top: number, model: TableModel, styles: BookStyles): void {
  const last = top + model.headerRows - 1;
  const right = tableWidth(model);
  const lead = leadCols(model);
  for (let r = top; r <= last; r++) for (let c = 1; c <= right; c++) ws.style(r, c, c <= lead ? styles.corner : styles.header);
  if (model.headerRows > 1 || lead > 1) ws.merge(top, 1, last, lead);
  const extra = model.sigColumns ? 1 : 0;
  const lines = new Array<number>(model.headerRows).fill(1);
  const perCol = styles.widths.value + (model.sigColumns ? styles.widths.sig : 0);
  for (const b of model.header) {
    const r1 = top + b.row;
    const r2 = r1 + b.rowSpan - 1;
    const c1 = excelCol(model, b.col);
    const c2 = excelCol(model, b.col + b.colSpan - 1) + extra;
    ws.set(r1, c1, b.label, styles.header);
    if (r2 > r1 || c2 > c1) ws.merge(r1, c1, r2, c2);
    if (b.rowSpan === 1) lines[b.row] = Math.max(lines[b.row], wrappedLines(b.label, perCol * b.colSpan));
  }
  // Excel does not grow rows for wrapped text in merged cells: size them from the longest label.
  lines.forEach((n, i) => {
    if (n > 1) ws.height(top + i, 12.5 * n);
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

/** Value style by decimals, bold and base row, looked up without building a key per cell. */
function valueStyles(styles: BookStyles): (decimals: number, bold: boolean, base: boolean) => number {
  const cache: number[] = [];
  return (decimals, bold, base) => {
    const k = decimals * 4 + (bold ? 2 : 0) + (base ? 1 : 0);
    return (cache[k] ??= styles.value(decimals, bold, base));
  };
}

function writeBodyRow(
  ws: SheetWriter,
  r: number,
  model: TableModel,
  row: ModelRow,
  styles: BookStyles,
  value: (decimals: number, bold: boolean, base: boolean) => number,
  symbols: TableSymbols,
): void {
  const base = row.kind !== 'category';
  const stubStyle = base ? styles.stubBase : styles.stub;
  ws.set(r, 1, row.label, stubStyle);
  if (model.statColumn) ws.set(r, 2, row.stat, stubStyle);
  const step = model.sigColumns ? 2 : 1;
  const sigStyle = base ? styles.sigBase : styles.sig;
  const symbolStyle = styles.symbol(base);
  let col = excelCol(model, 0);
  for (const cell of row.cells) {
    if (cell.state === 'value' && cell.value !== null && Number.isFinite(cell.value)) ws.set(r, col, cell.value, value(row.decimals, cell.bold, base));
    else ws.set(r, col, symbolOf(cell, symbols), symbolStyle);
    if (model.sigColumns) ws.set(r, col + 1, cell.sig, sigStyle);
    col += step;
  }
}

function symbolOf(cell: ModelCell, s: TableSymbols): string {
  return cell.state === 'suppressed' ? s.suppressed : cell.state === 'nil' ? s.nil : s.unknown;
}
