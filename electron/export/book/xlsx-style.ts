/**
 * The book's cell styles, made once per book from the house style and registered in the workbook's
 * styles part; cells refer to them by index. The value styles (decimals × bold × base row) are made
 * the first time a table needs them.
 */
import type { CellStyle, FontStyle, StyleSheet } from '../xlsx/styles';
import type { HouseStyle } from './style';

type FontSpec = { size?: number; bold?: boolean; italic?: boolean; color?: string };

export interface BookStyles {
  title: number;
  /** The title's font in red: the mark of a table the output rules did not check. */
  mark: number;
  subtitle: number;
  text: number;
  /** Bold text: the labels of the index's information lines. */
  label: number;
  note: number;
  link: number;
  header: number;
  corner: number;
  stub: number;
  stubBase: number;
  sig: number;
  sigBase: number;
  /** Number cells by decimals, plain and bold. */
  value: (decimals: number, bold: boolean, base: boolean) => number;
  symbol: (base: boolean) => number;
  widths: HouseStyle['columnWidths'];
}

export function makeStyles(hs: HouseStyle, sheet: StyleSheet): BookStyles {
  const font = (f: FontSpec): FontStyle => ({
    name: hs.font.name,
    size: f.size ?? hs.font.size,
    bold: f.bold ?? false,
    italic: f.italic ?? false,
    color: f.color ?? hs.font.color,
  });
  const bodyBorder = { bottom: hs.body.border };
  const baseBorder = { top: hs.base.borderTop, bottom: hs.base.borderTop };
  const h = hs.header.border;
  const headerBorder = { top: h, bottom: h, left: h, right: h };
  const baseFont = font({ italic: hs.base.italic, bold: hs.base.bold, color: hs.base.color, size: hs.base.size });
  const add = (s: CellStyle) => sheet.add(s);
  const symbolPlain: CellStyle = { font: font(hs.symbol), border: bodyBorder, horizontal: 'right' };
  const symbols = [add(symbolPlain), add({ ...symbolPlain, border: baseBorder })];
  const values = new Map<string, number>();
  return {
    title: add({ font: font(hs.title) }),
    mark: add({ font: font({ ...hs.title, color: 'B00020' }) }),
    subtitle: add({ font: font(hs.subtitle) }),
    text: add({ font: font({}) }),
    label: add({ font: font({ bold: true }) }),
    note: add({ font: font(hs.note) }),
    link: add({ font: { ...font(hs.link), underline: true } }),
    header: add({ font: font(hs.header), fill: hs.header.fill, border: headerBorder, horizontal: 'center', vertical: 'center', wrap: true }),
    corner: add({ fill: hs.header.fill, border: headerBorder }),
    stub: add({ font: font({}), border: bodyBorder, horizontal: 'left', vertical: 'center', wrap: true }),
    stubBase: add({ font: baseFont, border: baseBorder, horizontal: 'left' }),
    sig: add({ font: font(hs.sig), border: bodyBorder, horizontal: 'left' }),
    sigBase: add({ font: font(hs.sig), border: baseBorder }),
    value: (decimals, bold, base) => {
      const key = `${decimals}|${bold}|${base}`;
      let s = values.get(key);
      if (s === undefined) {
        s = add({
          numFmt: decimals > 0 ? '0.' + '0'.repeat(decimals) : '0',
          font: base ? baseFont : font({ bold }),
          border: base ? baseBorder : bodyBorder,
          horizontal: 'right',
        });
        values.set(key, s);
      }
      return s;
    },
    symbol: (base) => symbols[base ? 1 : 0],
    widths: hs.columnWidths,
  };
}
