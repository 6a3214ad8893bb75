/**
 * Pictures in exceljs' streaming writer, which only knows background images. Each PNG goes into the
 * zip the moment it is added, and the sheet's drawing part (anchors) with its relationships when the
 * sheet is committed, so a book with hundreds of charts never holds more than one in memory.
 * [Content_Types].xml, written at the very end, gets the PNG type and the drawing parts added.
 */
import type ExcelJS from 'exceljs';

const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const REL_IMAGE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
/** English Metric Units per CSS pixel (914400 per inch, 96 px per inch). */
export const EMU_PER_PX = 9525;

type Append = (source: Buffer | string, data: { name: string }) => unknown;
interface ZipInternals {
  append: Append;
}
interface SheetInternals {
  _sheetRelsWriter: { addRelationship(rel: { Target: string; Type: string }): string };
  _writeLegacyData(): void;
  _write(text: string): void;
}

export interface SheetPicture {
  png: Buffer;
  /** Zero-based column and row of the top-left corner. */
  col: number;
  row: number;
  /** Displayed size in CSS px (Excel shows 96 per inch at 100% zoom). */
  widthPx: number;
  heightPx: number;
  /** Alternative text for screen readers. */
  description: string;
}

export interface StreamPictures {
  /** Call before the sheet is committed; a sheet may get several. */
  add(ws: ExcelJS.Worksheet, picture: SheetPicture): void;
  readonly count: number;
}

function xmlAttr(s: string): string {
  return (
    s
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // eslint-disable-next-line no-control-regex -- XML 1.0 forbids these characters; they are what is removed
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
  );
}

function anchorXml(p: SheetPicture, image: number, id: number): string {
  const cx = Math.round(p.widthPx * EMU_PER_PX);
  const cy = Math.round(p.heightPx * EMU_PER_PX);
  return (
    `<xdr:oneCellAnchor><xdr:from><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:ext cx="${cx}" cy="${cy}"/>` +
    `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="${id + 1}" name="Grafiek ${id}" descr="${xmlAttr(p.description)}"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>` +
    `<xdr:blipFill><a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="rId${image}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
    `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>` +
    '<xdr:clientData/></xdr:oneCellAnchor>'
  );
}

/** A sheet's drawing part; `media[i]` is the file name of picture i (relationship rId{i+1}). */
export function drawingXml(pictures: SheetPicture[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
    pictures.map((p, i) => anchorXml(p, i + 1, i + 1)).join('') +
    '</xdr:wsDr>'
  );
}

function drawingRels(media: string[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    media.map((m, i) => `<Relationship Id="rId${i + 1}" Type="${REL_IMAGE}" Target="../media/${m}"/>`).join('') +
    '</Relationships>'
  );
}

/** Adds the content types of what `streamPictures` wrote to the [Content_Types].xml the writer makes. */
export function withPictureTypes(contentTypes: string, drawings: number): string {
  if (drawings === 0) return contentTypes;
  const png = /Extension="png"/.test(contentTypes) ? '' : '<Default Extension="png" ContentType="image/png"/>';
  const parts = Array.from({ length: drawings }, (_, i) => `<Override PartName="/xl/drawings/drawing${i + 1}.xml" ContentType="${CT_DRAWING}"/>`).join('');
  return contentTypes.replace(/(<Types\b[^>]*>)/, `$1${png}`).replace('</Types>', `${parts}</Types>`);
}

interface SheetDrawing {
  pictures: SheetPicture[];
  media: string[];
}

export function streamPictures(wb: ExcelJS.stream.xlsx.WorkbookWriter): StreamPictures {
  const zip = (wb as unknown as { zip?: ZipInternals }).zip;
  if (!zip || typeof zip.append !== 'function') throw new Error('exceljs streaming writer without a zip: pictures cannot be added');
  let drawings = 0;
  let images = 0;
  const append = zip.append.bind(zip);
  zip.append = (source, data) => append(data?.name === '[Content_Types].xml' ? withPictureTypes(String(source), drawings) : source, data);
  const bySheet = new WeakMap<object, SheetDrawing>();
  return {
    get count() {
      return images;
    },
    add(ws, picture) {
      const name = `chart${++images}.png`;
      // The PNG leaves memory now; only its anchor waits for the sheet's commit.
      append(picture.png, { name: `xl/media/${name}` });
      const known = bySheet.get(ws);
      if (known) {
        known.pictures.push({ ...picture, png: Buffer.alloc(0) });
        known.media.push(name);
        return;
      }
      const drawing: SheetDrawing = { pictures: [{ ...picture, png: Buffer.alloc(0) }], media: [name] };
      bySheet.set(ws, drawing);
      const n = ++drawings;
      const sheet = ws as unknown as SheetInternals;
      const rId = sheet._sheetRelsWriter.addRelationship({ Target: `../drawings/drawing${n}.xml`, Type: REL_DRAWING });
      const legacy = sheet._writeLegacyData.bind(sheet);
      // Called during commit; <drawing> comes after the page setup and before <legacyDrawing> in the schema.
      sheet._writeLegacyData = () => {
        append(drawingXml(drawing.pictures), { name: `xl/drawings/drawing${n}.xml` });
        append(drawingRels(drawing.media), { name: `xl/drawings/_rels/drawing${n}.xml.rels` });
        sheet._write(`<drawing r:id="${rId}"/>`);
        legacy();
      };
    },
  };
}
