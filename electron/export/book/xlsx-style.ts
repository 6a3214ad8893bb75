/**
 * exceljs cell styles made once per book from the house style. Shared objects keep the streaming
 * writer fast: it dedupes styles by value, but building 300,000 style objects would still cost time.
 */
import type { Borders, Fill, Font, Style } from 'exceljs';
import type { HouseStyle } from './style';

type FontSpec = { size?: number; bold?: boolean; italic?: boolean; color?: string };

export interface BookStyles {
  title: Partial<Style>;
  subtitle: Partial<Style>;
  text: Partial<Style>;
  note: Partial<Style>;
  link: Partial<Style>;
  header: Partial<Style>;
  corner: Partial<Style>;
  stub: Partial<Style>;
  stubBase: Partial<Style>;
  sig: Partial<Style>;
  sigBase: Partial<Style>;
  /** Number cells by decimals, plain and bold. */
  value: (decimals: number, bold: boolean, base: boolean) => Partial<Style>;
  symbol: (base: boolean) => Partial<Style>;
  widths: HouseStyle['columnWidths'];
  fontName: string;
}

export function makeStyles(hs: HouseStyle): BookStyles {
  const font = (f: FontSpec): Partial<Font> => ({
    name: hs.font.name,
    size: f.size ?? hs.font.size,
    bold: f.bold ?? false,
    italic: f.italic ?? false,
    color: { argb: 'FF' + (f.color ?? hs.font.color) },
  });
  const thin = (rgb: string) => ({ style: 'thin' as const, color: { argb: 'FF' + rgb } });
  const bodyBorder: Partial<Borders> = { bottom: thin(hs.body.border) };
  const baseBorder: Partial<Borders> = { top: thin(hs.base.borderTop), bottom: thin(hs.base.borderTop) };
  const headerFill: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF' + hs.header.fill } };
  const headerBorder = thin(hs.header.border);
  const valueCache = new Map<string, Partial<Style>>();
  const baseFont = font({ italic: hs.base.italic, bold: hs.base.bold, color: hs.base.color, size: hs.base.size });
  const symbolPlain: Partial<Style> = { font: font(hs.symbol), border: bodyBorder, alignment: { horizontal: 'right' } };
  const symbolBase: Partial<Style> = { ...symbolPlain, border: baseBorder };
  return {
    title: { font: font(hs.title) },
    subtitle: { font: font(hs.subtitle) },
    text: { font: font({}) },
    note: { font: font(hs.note) },
    link: { font: { ...font(hs.link), underline: true } },
    header: {
      font: font(hs.header),
      fill: headerFill,
      border: { top: headerBorder, bottom: headerBorder, left: headerBorder, right: headerBorder },
      alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
    },
    corner: { fill: headerFill, border: { top: headerBorder, bottom: headerBorder, left: headerBorder, right: headerBorder } },
    stub: { font: font({}), border: bodyBorder, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true } },
    stubBase: { font: baseFont, border: baseBorder, alignment: { horizontal: 'left' } },
    sig: { font: font(hs.sig), border: bodyBorder, alignment: { horizontal: 'left' } },
    sigBase: { font: font(hs.sig), border: baseBorder },
    value: (decimals, bold, base) => {
      const key = `${decimals}|${bold}|${base}`;
      let s = valueCache.get(key);
      if (!s) {
        const numFmt = decimals > 0 ? '0.' + '0'.repeat(decimals) : '0';
        s = {
          numFmt,
          font: base ? baseFont : font({ bold }),
          border: base ? baseBorder : bodyBorder,
          alignment: { horizontal: 'right' },
        };
        valueCache.set(key, s);
      }
      return s;
    },
    symbol: (base) => (base ? symbolBase : symbolPlain),
    widths: hs.columnWidths,
    fontName: hs.font.name,
  };
}
