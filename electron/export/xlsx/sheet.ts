/**
 * One worksheet part, written as SpreadsheetML (ECMA-376 Part 1, 18.3.1.99 CT_Worksheet, whose
 * child order is fixed: sheetPr, sheetViews, sheetFormatPr, cols, sheetData, mergeCells, hyperlinks,
 * pageMargins, pageSetup, drawing). Cells wait in their rows until `flush` (rows go out in order, a
 * flushed row cannot change) or `commit`; merges and links are kept for the tail. Cells hold a
 * value and a style index, nothing else: no cell objects, no per-cell style lookups. Rows are
 * written as bytes (bytes.ts), texts as indices into the shared strings.
 */
import type { ByteWriter } from './bytes';
import { type PictureAnchor, REL_DRAWING, drawingRels, drawingXml } from './drawing';
import type { SharedStrings } from './shared-strings';
import type { ZipEntry, ZipWriter } from './zip';
import { XML_HEAD, cellRef, colName, quoteSheet, xmlEscape } from './xml';

export interface PageSetup {
  landscape?: boolean;
  /** 9 = A4. */
  paperSize?: number;
  /** One page wide, as many pages tall as needed. */
  fitToWidth?: boolean;
  /** Inches. */
  margins?: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** Rows printed on top of every page (1-based, first and last). */
  titleRows?: [number, number];
}

export interface SheetSetup {
  /** Columns left of and rows above the frozen panes. */
  frozen?: { cols: number; rows: number };
  /** Widths of columns 1, 2, … in characters. */
  widths?: number[];
  page?: PageSetup;
}

export type CellValue = string | number | null | undefined;

interface Row {
  values: CellValue[];
  styles: number[];
  height?: number;
}

/** A picture whose PNG is drawn only when the sheet is done, so it is never held beside the sheet's rows. */
export interface SheetPicture extends PictureAnchor {
  png: () => Buffer;
}

/** What a sheet needs from its workbook. */
export interface SheetContext {
  zip: ZipWriter;
  strings: SharedStrings;
  /** Shared by the workbook's sheets, which are written one at a time. */
  bytes: ByteWriter;
  /** Next free number of a media file or drawing part (1-based). */
  nextMedia(): number;
  nextDrawing(): number;
}

const NS =
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';

const DEFAULT_MARGINS = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

export class SheetWriter {
  private readonly rows = new Map<number, Row>();
  /** Rows up to this one are written. */
  private flushed = 0;
  private readonly merges: string[] = [];
  private readonly links: string[] = [];
  private readonly pictures: SheetPicture[] = [];
  private readonly entry: ZipEntry;
  private committed = false;
  /** Last row touched: most writes go to the same row one after another. */
  private lastRow: Row | null = null;
  private lastRowNo = 0;

  constructor(
    private readonly ctx: SheetContext,
    /** 1-based position in the workbook (also the part's number). */
    readonly index: number,
    readonly name: string,
    readonly setup: SheetSetup,
    selected: boolean,
  ) {
    this.entry = ctx.zip.entry(`xl/worksheets/sheet${index}.xml`);
    this.entry.write(XML_HEAD + NS + head(setup, selected) + '<sheetData>');
  }

  /** Sets a cell's value and style (style 0: the workbook default). Empty strings and null leave the value empty. */
  set(row: number, col: number, value: CellValue, style = 0): void {
    const r = this.row(row);
    r.values[col] = value;
    r.styles[col] = style;
  }

  /** Sets a cell's style and keeps its value. */
  style(row: number, col: number, style: number): void {
    this.row(row).styles[col] = style;
  }

  height(row: number, points: number): void {
    this.row(row).height = points;
  }

  merge(r1: number, c1: number, r2: number, c2: number): void {
    this.merges.push(`<mergeCell ref="${cellRef(r1, c1)}:${cellRef(r2, c2)}"/>`);
  }

  /** A link from this cell to a cell of a sheet of this workbook (a `location`, not a relationship: Excel would open a file). */
  link(row: number, col: number, sheet: string, targetRow = 1, targetCol = 1): void {
    const location = `${quoteSheet(sheet)}!${colName(targetCol)}${targetRow}`;
    this.links.push(`<hyperlink ref="${cellRef(row, col)}" location="${xmlEscape(location)}"/>`);
  }

  picture(p: SheetPicture): void {
    this.pictures.push(p);
  }

  /**
   * Writes row `r` at once, below every row written or held so far (which go first): for long
   * sheets of plain rows, such as the checker's, with no row kept in memory.
   */
  append(r: number, values: CellValue[], style = 0): void {
    if (this.rows.size) this.flush();
    if (r <= this.flushed) throw new Error(`sheet ${this.name}: row ${r} is already written`);
    const w = this.ctx.bytes;
    this.rowXml(w, r, values, style, 1);
    this.flushed = r;
    if (w.full) this.entry.write(w.take());
  }

  /** Writes every row held so far; later cells must be in rows below them. */
  flush(): void {
    const numbers = [...this.rows.keys()].sort((a, b) => a - b);
    const w = this.ctx.bytes;
    for (const r of numbers) {
      const row = this.rows.get(r)!;
      this.rowXml(w, r, row.values, row.styles, 0, row.height);
      if (w.full) this.entry.write(w.take());
    }
    if (w.length) this.entry.write(w.take());
    if (numbers.length) this.flushed = numbers[numbers.length - 1];
    this.rows.clear();
    this.lastRow = null;
    this.lastRowNo = 0;
  }

  /**
   * Ends the part: rows, merges, links, print setup, then the pictures (each PNG drawn now, written
   * and let go before the next) and the drawing part. Waits while the zip has much in flight.
   */
  async commit(): Promise<void> {
    if (this.committed) throw new Error(`sheet ${this.name} committed twice`);
    this.committed = true;
    this.flush();
    const { zip } = this.ctx;
    let tail = '</sheetData>';
    if (this.merges.length) tail += `<mergeCells count="${this.merges.length}">${this.merges.join('')}</mergeCells>`;
    if (this.links.length) tail += `<hyperlinks>${this.links.join('')}</hyperlinks>`;
    tail += pageXml(this.setup.page);
    if (this.pictures.length) tail += '<drawing r:id="rId1"/>';
    this.entry.write(tail + '</worksheet>');
    this.entry.end();
    if (!this.pictures.length) return;
    const drawing = this.ctx.nextDrawing();
    zip.file(
      `xl/worksheets/_rels/sheet${this.index}.xml.rels`,
      XML_HEAD +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${REL_DRAWING}" Target="../drawings/drawing${drawing}.xml"/></Relationships>`,
    );
    const media: string[] = [];
    for (const p of this.pictures) {
      const name = `image${this.ctx.nextMedia()}.png`;
      zip.stored(`xl/media/${name}`, p.png());
      media.push(name);
      await zip.drain();
    }
    zip.file(`xl/drawings/drawing${drawing}.xml`, drawingXml(this.pictures));
    zip.file(`xl/drawings/_rels/drawing${drawing}.xml.rels`, drawingRels(media));
  }

  private row(r: number): Row {
    if (r === this.lastRowNo && this.lastRow) return this.lastRow;
    if (r <= this.flushed) throw new Error(`sheet ${this.name}: row ${r} is already written`);
    let row = this.rows.get(r);
    if (!row) {
      row = { values: [], styles: [] };
      this.rows.set(r, row);
    }
    this.lastRow = row;
    this.lastRowNo = r;
    return row;
  }

  /** Column by column, the last text and its index: a column mostly repeats itself (a table's name, a symbol). */
  private readonly lastText: string[] = [];
  private readonly lastId: number[] = [];

  private stringId(col: number, text: string): number {
    if (this.lastText[col] === text) {
      this.ctx.strings.reuse();
      return this.lastId[col];
    }
    const id = this.ctx.strings.id(text);
    this.lastText[col] = text;
    this.lastId[col] = id;
    return id;
  }

  /**
   * One row's XML. `values[i]` is the cell in column i + `base`; `styles` likewise, or one style for
   * every cell given.
   */
  private rowXml(w: ByteWriter, r: number, values: CellValue[], styles: number[] | number, base: number, height?: number): void {
    w.ascii('<row r="');
    w.uint(r);
    if (height) {
      w.ascii('" ht="');
      w.number(height);
      w.ascii('" customHeight="1">');
    } else w.ascii('">');
    const n = typeof styles === 'number' ? values.length : Math.max(values.length, styles.length);
    for (let i = base === 0 ? 1 : 0; i < n; i++) {
      const c = i + base;
      const v = values[i];
      const s = typeof styles === 'number' ? styles : styles[i];
      const hasValue = typeof v === 'number' || (typeof v === 'string' && v !== '');
      if (!hasValue && !s) continue;
      w.ascii('<c r="');
      w.ascii(colName(c));
      w.uint(r);
      if (s) {
        w.ascii('" s="');
        w.uint(s);
      }
      if (typeof v === 'number') {
        if (!Number.isFinite(v)) throw new Error(`sheet ${this.name}: ${v} in ${cellRef(r, c)} is not a number a spreadsheet can hold`);
        w.ascii('"><v>');
        w.number(v);
        w.ascii('</v></c>');
      } else if (hasValue) {
        w.ascii('" t="s"><v>');
        w.uint(this.stringId(c, v as string));
        w.ascii('</v></c>');
      } else w.ascii('"/>');
    }
    w.ascii('</row>');
  }
}

function head(setup: SheetSetup, selected: boolean): string {
  let xml = setup.page?.fitToWidth ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '';
  const f = setup.frozen;
  xml += `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ''} workbookViewId="0">`;
  if (f && (f.cols > 0 || f.rows > 0)) {
    const pane = f.cols > 0 && f.rows > 0 ? 'bottomRight' : f.cols > 0 ? 'topRight' : 'bottomLeft';
    xml +=
      '<pane' +
      (f.cols > 0 ? ` xSplit="${f.cols}"` : '') +
      (f.rows > 0 ? ` ySplit="${f.rows}"` : '') +
      ` topLeftCell="${cellRef(f.rows + 1, f.cols + 1)}" activePane="${pane}" state="frozen"/><selection pane="${pane}"/>`;
  }
  xml += '</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>';
  if (setup.widths?.length) {
    xml += '<cols>' + setup.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('') + '</cols>';
  }
  return xml;
}

function pageXml(page: PageSetup | undefined): string {
  const m = page?.margins ?? DEFAULT_MARGINS;
  let xml = `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
  if (!page) return xml;
  xml += '<pageSetup';
  if (page.paperSize) xml += ` paperSize="${page.paperSize}"`;
  if (page.landscape) xml += ' orientation="landscape"';
  if (page.fitToWidth) xml += ' fitToWidth="1" fitToHeight="0"';
  return xml + '/>';
}
