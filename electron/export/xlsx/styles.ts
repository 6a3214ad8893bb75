/**
 * The styles part (ECMA-376 Part 1, 18.8): a cell style is registered once and referred to by its
 * index in cellXfs, so a book with half a million cells carries a few dozen style records. Style 0
 * is the workbook default: Calibri 11 in the automatic colour, as Excel makes it, which also gives
 * the default row height of 15 pt that chart placement counts with.
 */
import { XML_HEAD, xmlEscape } from './xml';

export interface FontStyle {
  name: string;
  size: number;
  /** RRGGBB */
  color: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

/** Thin borders by side, each its RRGGBB colour. */
export interface BorderStyle {
  top?: string;
  bottom?: string;
  left?: string;
  right?: string;
}

export interface CellStyle {
  font?: FontStyle;
  /** Solid fill, RRGGBB. */
  fill?: string;
  border?: BorderStyle;
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'center' | 'bottom';
  wrap?: boolean;
  /** Number format code, e.g. "0.0". */
  numFmt?: string;
}

/** Formats Excel knows by number (ECMA-376 Part 1, 18.8.30); others get ids from 164. */
const BUILT_IN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2 };

const DEFAULT_FONT = '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>';

const argb = (rgb: string) => `FF${rgb.toUpperCase()}`;

function fontXml(f: FontStyle): string {
  return (
    '<font>' +
    (f.bold ? '<b/>' : '') +
    (f.italic ? '<i/>' : '') +
    (f.underline ? '<u/>' : '') +
    `<sz val="${f.size}"/><color rgb="${argb(f.color)}"/><name val="${xmlEscape(f.name)}"/></font>`
  );
}

function borderXml(b: BorderStyle): string {
  const side = (tag: string, rgb?: string) => (rgb ? `<${tag} style="thin"><color rgb="${argb(rgb)}"/></${tag}>` : `<${tag}/>`);
  return `<border>${side('left', b.left)}${side('right', b.right)}${side('top', b.top)}${side('bottom', b.bottom)}<diagonal/></border>`;
}

/** Interns XML fragments: the same font, fill or border is stored once. */
class Table {
  readonly items: string[];
  private readonly index = new Map<string, number>();
  constructor(initial: string[]) {
    this.items = [...initial];
    initial.forEach((x, i) => this.index.set(x, i));
  }
  id(xml: string): number {
    let i = this.index.get(xml);
    if (i === undefined) {
      i = this.items.length;
      this.items.push(xml);
      this.index.set(xml, i);
    }
    return i;
  }
}

export class StyleSheet {
  private readonly fonts = new Table([DEFAULT_FONT]);
  private readonly fills = new Table(['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>']);
  private readonly borders = new Table(['<border><left/><right/><top/><bottom/><diagonal/></border>']);
  private readonly formats = new Map<string, number>();
  private readonly xfs = new Table(['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']);

  /** The cellXfs index of `style` (0 for no style). */
  add(style: CellStyle): number {
    const font = style.font ? this.fonts.id(fontXml(style.font)) : 0;
    const fill = style.fill
      ? this.fills.id(`<fill><patternFill patternType="solid"><fgColor rgb="${argb(style.fill)}"/><bgColor indexed="64"/></patternFill></fill>`)
      : 0;
    const border = style.border ? this.borders.id(borderXml(style.border)) : 0;
    const numFmt = style.numFmt ? this.formatId(style.numFmt) : 0;
    const align =
      style.horizontal || style.vertical || style.wrap
        ? '<alignment' +
          (style.horizontal ? ` horizontal="${style.horizontal}"` : '') +
          (style.vertical ? ` vertical="${style.vertical}"` : '') +
          (style.wrap ? ' wrapText="1"' : '') +
          '/>'
        : '';
    // The apply* flags: LibreOffice ignores a part of a cell format without its flag.
    const xf =
      `<xf numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"` +
      (numFmt ? ' applyNumberFormat="1"' : '') +
      (font ? ' applyFont="1"' : '') +
      (fill ? ' applyFill="1"' : '') +
      (border ? ' applyBorder="1"' : '') +
      (align ? ` applyAlignment="1">${align}</xf>` : '/>');
    return this.xfs.id(xf);
  }

  private formatId(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.formats.get(code);
    if (id === undefined) {
      id = 164 + this.formats.size;
      this.formats.set(code, id);
    }
    return id;
  }

  xml(): string {
    const list = (tag: string, items: string[]) => `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
    const formats = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlEscape(code)}"/>`);
    return (
      XML_HEAD +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (formats.length ? list('numFmts', formats) : '') +
      list('fonts', this.fonts.items) +
      list('fills', this.fills.items) +
      list('borders', this.borders.items) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list('cellXfs', this.xfs.items) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0"/>' +
      '</styleSheet>'
    );
  }
}
