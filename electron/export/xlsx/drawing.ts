/**
 * Pictures on a sheet: the drawing part with one anchor per picture and its relationships to the
 * media files (ECMA-376 Part 1, 20.5 SpreadsheetML Drawing). A picture is anchored at one cell and
 * keeps its size in EMU, so row heights and column widths do not stretch it.
 */
import { XML_HEAD, xmlEscape } from './xml';

export const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const REL_IMAGE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';
export const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
/** English Metric Units per CSS pixel (914400 per inch, 96 px per inch). */
export const EMU_PER_PX = 9525;

export interface PictureAnchor {
  /** Zero-based column and row of the top-left corner. */
  col: number;
  row: number;
  /** Displayed size in CSS px (Excel shows 96 per inch at 100% zoom). */
  widthPx: number;
  heightPx: number;
  /** Alternative text for screen readers. */
  description: string;
}

function anchorXml(p: PictureAnchor, image: number, id: number): string {
  const cx = Math.round(p.widthPx * EMU_PER_PX);
  const cy = Math.round(p.heightPx * EMU_PER_PX);
  return (
    `<xdr:oneCellAnchor><xdr:from><xdr:col>${p.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:ext cx="${cx}" cy="${cy}"/>` +
    `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="${id + 1}" name="Grafiek ${id}" descr="${xmlEscape(p.description)}"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>` +
    `<xdr:blipFill><a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="rId${image}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
    `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>` +
    '<xdr:clientData/></xdr:oneCellAnchor>'
  );
}

/** A sheet's drawing part; picture i refers to relationship rId{i+1} (see drawingRels). */
export function drawingXml(pictures: PictureAnchor[]): string {
  return (
    XML_HEAD +
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
    pictures.map((p, i) => anchorXml(p, i + 1, i + 1)).join('') +
    '</xdr:wsDr>'
  );
}

/** The drawing's relationships: rId{i+1} is `xl/media/{media[i]}`. */
export function drawingRels(media: string[]): string {
  return (
    XML_HEAD +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    media.map((m, i) => `<Relationship Id="rId${i + 1}" Type="${REL_IMAGE}" Target="../media/${m}"/>`).join('') +
    '</Relationships>'
  );
}
