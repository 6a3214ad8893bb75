/**
 * Bounds an .xlsx before exceljs reads it. exceljs trusts the file: a 14 KB workbook whose one cell is
 * `<c r="XFD1048576">` makes every reader of the sheet allocate a grid of 17 billion slots, and
 * `<row r="4294967295">` makes it loop for ever; a zip bomb inflates to any size. So the zip's central
 * directory (the same entries exceljs, through JSZip, will read) is read here, every entry is inflated
 * as a stream and counted, and the worksheets and shared strings are scanned for what they declare:
 * row and column numbers within Excel's own limits, a used range (rows × columns) and a cell count a
 * reader can hold, no text longer than an Excel cell can. Only then is the workbook handed to exceljs.
 * The scan keeps nothing but counters, so its memory is constant whatever the file says.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';
import { ImportCancelled, ImportError } from '../import-error';

export interface XlsxLimits {
  /** Excel's last row and column (XFD). */
  maxRow: number;
  maxCol: number;
  /** Used range of a sheet, last row × last column: the grid a reader lays out. */
  maxGridCells: number;
  /** Cells actually written in all sheets together (exceljs keeps an object per cell). */
  maxCells: number;
  /** Bytes of all entries inflated together (a zip bomb stops here). */
  maxInflatedBytes: number;
  /** Bytes of one shared string's XML (Excel holds at most 32,767 characters in a cell). */
  maxStringBytes: number;
  /** Longest tag the scanner accepts (attributes included). */
  maxTagBytes: number;
}

export const XLSX_LIMITS: XlsxLimits = {
  maxRow: 1_048_576,
  maxCol: 16_384,
  maxGridCells: 20_000_000,
  maxCells: 4_000_000,
  maxInflatedBytes: 1024 * 1024 * 1024,
  maxStringBytes: 32_767 * 8,
  maxTagBytes: 64 * 1024,
};

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

const u16 = (b: Buffer, o: number) => b.readUInt16LE(o);
const u32 = (b: Buffer, o: number) => b.readUInt32LE(o);
const u64 = (b: Buffer, o: number) => Number(b.readBigUInt64LE(o));

/** The central directory: where every entry's data starts, and how it is compressed. */
async function centralDirectory(path: string): Promise<Entry[]> {
  const fh = await open(path, 'r');
  try {
    const size = (await fh.stat()).size;
    const tailLen = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLen);
    await fh.read(tail, 0, tailLen, size - tailLen);
    let eocd = -1;
    for (let i = tailLen - 22; i >= 0; i--) {
      if (u32(tail, i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new ImportError(path, 'not a readable .xlsx workbook (no zip directory)');
    let count = u16(tail, eocd + 10);
    let cdSize = u32(tail, eocd + 12);
    let cdOffset = u32(tail, eocd + 16);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      // ZIP64: the locator sits just before the end record and points at the 64-bit end record.
      const loc = eocd - 20;
      if (loc < 0 || u32(tail, loc) !== 0x07064b50) throw new ImportError(path, 'not a readable .xlsx workbook (broken ZIP64 directory)');
      const rec = Buffer.alloc(56);
      await fh.read(rec, 0, 56, u64(tail, loc + 8));
      if (u32(rec, 0) !== 0x06064b50) throw new ImportError(path, 'not a readable .xlsx workbook (broken ZIP64 directory)');
      count = u64(rec, 32);
      cdSize = u64(rec, 40);
      cdOffset = u64(rec, 48);
    }
    if (cdOffset + cdSize > size || count > 100_000) throw new ImportError(path, 'not a readable .xlsx workbook (zip directory out of range)');
    const cd = Buffer.alloc(cdSize);
    await fh.read(cd, 0, cdSize, cdOffset);
    const entries: Entry[] = [];
    let p = 0;
    for (let k = 0; k < count; k++) {
      if (p + 46 > cd.length || u32(cd, p) !== 0x02014b50)
        throw new ImportError(path, 'not a readable .xlsx workbook (broken zip directory)', { offset: cdOffset + p });
      const nameLen = u16(cd, p + 28);
      const extraLen = u16(cd, p + 30);
      const commentLen = u16(cd, p + 32);
      let compressedSize = u32(cd, p + 20);
      const uncompressed = u32(cd, p + 24);
      let localOffset = u32(cd, p + 42);
      const name = cd.toString('utf8', p + 46, p + 46 + nameLen);
      // ZIP64 extra field: the 64-bit values, in order, of those that are 0xFFFFFFFF above.
      for (let e = p + 46 + nameLen; e + 4 <= p + 46 + nameLen + extraLen;) {
        const id = u16(cd, e);
        const len = u16(cd, e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          // The uncompressed size comes first; it is not trusted (inflated bytes are counted), only skipped.
          if (uncompressed === 0xffffffff) q += 8;
          if (compressedSize === 0xffffffff) {
            compressedSize = u64(cd, q);
            q += 8;
          }
          if (localOffset === 0xffffffff) localOffset = u64(cd, q);
        }
        e += 4 + len;
      }
      entries.push({ name: name.replace(/^\/+/, ''), method: u16(cd, p + 10), compressedSize, localOffset });
      p += 46 + nameLen + extraLen + commentLen;
    }
    // Where each entry's data begins: after its local header, whose name and extra lengths may differ.
    for (const e of entries) {
      const lh = Buffer.alloc(30);
      await fh.read(lh, 0, 30, e.localOffset);
      if (u32(lh, 0) !== 0x04034b50) throw new ImportError(path, `not a readable .xlsx workbook (entry ${e.name} not found)`, { offset: e.localOffset });
      e.localOffset += 30 + u16(lh, 26) + u16(lh, 28);
      if (e.localOffset + e.compressedSize > size) throw new ImportError(path, `not a readable .xlsx workbook (entry ${e.name} runs past the end)`);
    }
    return entries;
  } finally {
    await fh.close();
  }
}

/** A1-style column letters to a number (A = 1); NaN when they are not letters. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const c = ch.charCodeAt(0) - 64;
    if (c < 1 || c > 26) return NaN;
    n = n * 26 + c;
  }
  return n;
}

/** What the scan of one sheet found. */
interface SheetScan {
  lastRow: number;
  lastCol: number;
  cells: number;
}

const TAG = /<(\/?)(?:[\w.-]+:)?(row|c|dimension|si)(?=[\s/>])([^>]*)>/g;
const R_ATTR = /(?:^|\s)r\s*=\s*["']([^"']*)["']/;
const REF_ATTR = /(?:^|\s)ref\s*=\s*["']([^"']*)["']/;
const CELL_REF = /^([A-Za-z]{1,3})(\d{1,10})$/;

/** Scans the XML of a worksheet (or the shared strings) as it streams by, checking every declared position. */
class XmlScanner {
  private carry = '';
  /** Absolute offset (characters) of the start of `carry`. */
  private base = 0;
  private row = 0;
  private col = 0;
  private stringStart = -1;
  readonly scan: SheetScan = { lastRow: 0, lastCol: 0, cells: 0 };

  constructor(
    private readonly path: string,
    private readonly entry: string,
    private readonly limits: XlsxLimits,
    private readonly cellBudget: { used: number },
  ) {}

  private fail(why: string): never {
    throw new ImportError(this.path, `${why} (in ${this.entry}); the workbook is refused before it is read`);
  }

  private rowNumber(n: number): void {
    if (!(n >= 1 && n <= this.limits.maxRow)) this.fail(`row number ${n} is beyond Excel's last row ${this.limits.maxRow.toLocaleString('en')}`);
    this.row = n;
    this.col = 0;
    if (n > this.scan.lastRow) this.scan.lastRow = n;
  }

  private cell(ref: string | undefined): void {
    if (ref !== undefined) {
      const m = CELL_REF.exec(ref.trim());
      if (!m) this.fail(`malformed cell reference "${ref.slice(0, 20)}"`);
      const c = columnNumber(m[1]);
      if (!(c <= this.limits.maxCol)) this.fail(`column ${m[1]} is beyond Excel's last column XFD`);
      const r = Number(m[2]);
      if (!(r >= 1 && r <= this.limits.maxRow)) this.fail(`row number ${r} is beyond Excel's last row ${this.limits.maxRow.toLocaleString('en')}`);
      this.col = c;
      if (r > this.scan.lastRow) this.scan.lastRow = r;
    } else {
      this.col++;
      if (this.col > this.limits.maxCol) this.fail(`a row has more than ${this.limits.maxCol} cells`);
    }
    if (this.col > this.scan.lastCol) this.scan.lastCol = this.col;
    this.scan.cells++;
    if (++this.cellBudget.used > this.limits.maxCells) {
      this.fail(`more than ${this.limits.maxCells.toLocaleString('en')} cells, too many to import from Excel; save the sheet as CSV and import that`);
    }
    const grid = this.scan.lastRow * this.scan.lastCol;
    if (grid > this.limits.maxGridCells) {
      this.fail(
        `its cells span ${this.scan.lastRow.toLocaleString('en')} rows × ${this.scan.lastCol.toLocaleString('en')} columns, more than ${this.limits.maxGridCells.toLocaleString('en')} cells`,
      );
    }
  }

  push(text: string): void {
    const s = this.carry + text;
    TAG.lastIndex = 0;
    let m: RegExpExecArray | null;
    let consumed = 0;
    while ((m = TAG.exec(s)) !== null) {
      consumed = TAG.lastIndex;
      const [, close, name, attrs] = m;
      if (name === 'si') {
        if (close) {
          if (this.stringStart >= 0 && this.base + m.index - this.stringStart > this.limits.maxStringBytes) {
            this.fail('a text longer than an Excel cell can hold (32,767 characters)');
          }
          this.stringStart = -1;
        } else if (!attrs.endsWith('/')) this.stringStart = this.base + m.index;
        continue;
      }
      if (close) continue;
      if (name === 'row') {
        const r = R_ATTR.exec(attrs)?.[1];
        this.rowNumber(r === undefined ? this.row + 1 : Number(r));
      } else if (name === 'c') this.cell(R_ATTR.exec(attrs)?.[1]);
      else {
        const ref = REF_ATTR.exec(attrs)?.[1];
        for (const part of ref?.split(':') ?? []) {
          const d = CELL_REF.exec(part.trim());
          if (d && (columnNumber(d[1]) > this.limits.maxCol || Number(d[2]) > this.limits.maxRow)) {
            this.fail(`the declared range ${ref!.slice(0, 40)} is beyond Excel's limits`);
          }
        }
      }
    }
    // Keep an unfinished tag for the next piece; text between tags is not needed.
    const rest = s.slice(consumed);
    const lt = rest.lastIndexOf('<');
    // Only element tags matter; a comment or processing instruction (<!-- … -->, <? … ?>) is not carried.
    const tail = lt >= 0 && rest.indexOf('>', lt) < 0 ? rest.slice(lt) : '';
    const keep = tail === '<' || /^<\/?[A-Za-z_]/.test(tail) ? tail : '';
    if (keep.length > this.limits.maxTagBytes) this.fail('a tag longer than any workbook writes');
    if (this.stringStart >= 0 && this.base + s.length - this.stringStart > this.limits.maxStringBytes) {
      this.fail('a text longer than an Excel cell can hold (32,767 characters)');
    }
    this.base += s.length - keep.length;
    this.carry = keep;
  }
}

const SCANNED = /xl\/worksheets\/sheet\d+\.xml$|xl\/sharedStrings\.xml$/i;

/**
 * Throws an ImportError when the workbook declares more than a reader can hold or cannot be a
 * workbook at all; returns when exceljs may read it. `signal` stops the scan (ImportCancelled).
 */
export async function precheckXlsx(path: string, limits: XlsxLimits = XLSX_LIMITS, signal?: AbortSignal): Promise<void> {
  let entries: Entry[];
  try {
    entries = await centralDirectory(path);
  } catch (e) {
    if (e instanceof ImportError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new ImportError(path, code === 'ENOENT' ? 'file not found' : `not a readable .xlsx workbook (${(e as Error).message})`);
  }
  let inflated = 0;
  const cellBudget = { used: 0 };
  for (const e of entries) {
    if (e.name.endsWith('/') && e.compressedSize === 0) continue;
    if (e.method !== 0 && e.method !== 8) throw new ImportError(path, `not a readable .xlsx workbook (entry ${e.name} uses compression method ${e.method})`);
    const scanner = SCANNED.test(e.name) ? new XmlScanner(path, e.name, limits, cellBudget) : null;
    const raw = createReadStream(path, { start: e.localOffset, end: e.localOffset + Math.max(0, e.compressedSize - 1) });
    let source: AsyncIterable<Buffer> | Buffer[] = raw;
    if (e.compressedSize === 0) source = [];
    else if (e.method === 8) {
      const inflate = createInflateRaw();
      raw.on('error', (err) => inflate.destroy(err));
      source = raw.pipe(inflate);
    }
    try {
      for await (const chunk of source) {
        if (signal?.aborted) throw new ImportCancelled();
        inflated += chunk.length;
        if (inflated > limits.maxInflatedBytes) {
          throw new ImportError(
            path,
            `unpacks to more than ${Math.round(limits.maxInflatedBytes / 1048576)} MB, too large to import from Excel; save the sheet as CSV and import that`,
          );
        }
        scanner?.push(chunk.toString('latin1'));
      }
    } catch (err) {
      if (err instanceof ImportError || err instanceof ImportCancelled) throw err;
      throw new ImportError(path, `not a readable .xlsx workbook (entry ${e.name}: ${(err as Error).message})`);
    } finally {
      raw.destroy();
    }
  }
}
