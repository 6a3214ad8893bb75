/**
 * A streaming .xlsx writer: sheets are written one after another straight into the zip (see
 * zip.ts), and the parts that list them (workbook, relationships, content types, styles, shared
 * strings, document properties) at the end. Opens its own file (created 0600, never an existing one)
 * and closes it on every path, so a caller that removes the file after a failure removes it for good.
 */
import { type FileHandle, open } from 'node:fs/promises';
import { ByteWriter } from './bytes';
import { workerDeflater } from './deflater';
import { CT_DRAWING } from './drawing';
import { SharedStrings } from './shared-strings';
import { type SheetContext, type SheetSetup, SheetWriter } from './sheet';
import { StyleSheet } from './styles';
import { type ZipSink, ZipWriter } from './zip';
import { XML_HEAD, quoteSheet, xmlEscape } from './xml';

export interface WorkbookInfo {
  title?: string;
  creator?: string;
  /** Creation time in the document properties and the zip entries. */
  date?: Date;
}

const CT = 'application/vnd.openxmlformats-officedocument';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Writes all of `data` or throws (a short write is retried; an error such as a full disk surfaces). */
export function fileSink(fh: FileHandle): ZipSink {
  return {
    async write(data) {
      for (let off = 0; off < data.length;) {
        const { bytesWritten } = await fh.write(data, off, data.length - off);
        if (bytesWritten <= 0) throw new Error('write failed: no bytes written');
        off += bytesWritten;
      }
    },
  };
}

interface SheetEntry {
  name: string;
  titleRows?: [number, number];
}

export class XlsxWriter {
  readonly styles = new StyleSheet();
  readonly strings = new SharedStrings();
  private readonly zip: ZipWriter;
  private readonly sheets: SheetEntry[] = [];
  private readonly ctx: SheetContext;
  private current: SheetWriter | null = null;
  private readonly committed = new WeakSet<SheetWriter>();
  private media = 0;
  private drawings = 0;

  private constructor(
    private readonly fh: FileHandle,
    private readonly info: WorkbookInfo,
  ) {
    this.zip = new ZipWriter(fileSink(fh), { date: info.date, deflater: workerDeflater(1) });
    this.ctx = {
      zip: this.zip,
      strings: this.strings,
      bytes: new ByteWriter(),
      nextMedia: () => ++this.media,
      nextDrawing: () => ++this.drawings,
    };
  }

  /** Creates `path` (which must not exist) readable by the user only. */
  static async create(path: string, info: WorkbookInfo = {}): Promise<XlsxWriter> {
    return new XlsxWriter(await open(path, 'wx', 0o600), info);
  }

  /** A new sheet at the end; the one before must be committed. */
  addSheet(name: string, setup: SheetSetup = {}): SheetWriter {
    if (this.current && !this.committed.has(this.current)) throw new Error(`sheet ${this.current.name} is not committed`);
    const sheet = new SheetWriter(this.ctx, this.sheets.length + 1, name, setup, this.sheets.length === 0);
    this.sheets.push({ name, titleRows: setup.page?.titleRows });
    this.current = sheet;
    return sheet;
  }

  /** Commits `sheet` (see SheetWriter.commit) and waits while much is in flight. */
  async commit(sheet: SheetWriter): Promise<void> {
    this.committed.add(sheet);
    await sheet.commit();
    await this.zip.drain();
  }

  /** Writes the package's remaining parts and closes the file. */
  async close(): Promise<void> {
    try {
      if (this.current && !this.committed.has(this.current)) throw new Error(`sheet ${this.current.name} is not committed`);
      const zip = this.zip;
      zip.file('xl/workbook.xml', this.workbookXml());
      zip.file('xl/_rels/workbook.xml.rels', this.workbookRels());
      zip.file('xl/styles.xml', this.styles.xml());
      zip.file('xl/sharedStrings.xml', this.strings.xml());
      zip.file('docProps/core.xml', this.coreXml());
      zip.file('docProps/app.xml', this.appXml());
      zip.file('_rels/.rels', ROOT_RELS);
      zip.file('[Content_Types].xml', this.contentTypes());
      await zip.close();
    } finally {
      await this.release();
    }
  }

  /** Stops: nothing more is written, the file is closed (the caller removes it). */
  async abort(reason: Error): Promise<void> {
    try {
      await this.zip.abort(reason);
    } finally {
      await this.release();
    }
  }

  private closing: Promise<void> | null = null;

  /** Closes the file once, whichever of close and abort comes first or both. */
  private release(): Promise<void> {
    return (this.closing ??= this.fh.close());
  }

  private workbookXml(): string {
    const sheets = this.sheets.map((s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
    const titles = this.sheets
      .map((s, i) =>
        s.titleRows
          ? `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlEscape(`${quoteSheet(s.name)}!$${s.titleRows[0]}:$${s.titleRows[1]}`)}</definedName>`
          : '',
      )
      .join('');
    return (
      XML_HEAD +
      `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}">` +
      '<workbookPr/><bookViews><workbookView activeTab="0"/></bookViews>' +
      `<sheets>${sheets}</sheets>` +
      (titles ? `<definedNames>${titles}</definedNames>` : '') +
      '<calcPr calcId="191029"/></workbook>'
    );
  }

  private workbookRels(): string {
    const n = this.sheets.length;
    return (
      XML_HEAD +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      this.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
      `<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId${n + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
      '</Relationships>'
    );
  }

  private contentTypes(): string {
    const sheets = this.sheets
      .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.spreadsheetml.worksheet+xml"/>`)
      .join('');
    const drawings = Array.from(
      { length: this.drawings },
      (_, i) => `<Override PartName="/xl/drawings/drawing${i + 1}.xml" ContentType="${CT_DRAWING}"/>`,
    ).join('');
    return (
      XML_HEAD +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      (this.media ? '<Default Extension="png" ContentType="image/png"/>' : '') +
      `<Override PartName="/xl/workbook.xml" ContentType="${CT}.spreadsheetml.sheet.main+xml"/>` +
      sheets +
      drawings +
      `<Override PartName="/xl/styles.xml" ContentType="${CT}.spreadsheetml.styles+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.spreadsheetml.sharedStrings+xml"/>` +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      `<Override PartName="/docProps/app.xml" ContentType="${CT}.extended-properties+xml"/>` +
      '</Types>'
    );
  }

  private coreXml(): string {
    const when = (this.info.date ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
    return (
      XML_HEAD +
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
      'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      (this.info.creator ? `<dc:creator>${xmlEscape(this.info.creator)}</dc:creator>` : '') +
      (this.info.title ? `<dc:title>${xmlEscape(this.info.title)}</dc:title>` : '') +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
      '</cp:coreProperties>'
    );
  }

  private appXml(): string {
    return (
      XML_HEAD + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Duiding</Application></Properties>'
    );
  }
}

const ROOT_RELS =
  XML_HEAD +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/>` +
  '</Relationships>';
