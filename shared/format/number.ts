/**
 * Number text for exports. Pure string work (no Intl): Intl's Dutch data differs between Node builds
 * (small-icu vs full-icu), and an exported table must read the same on every machine.
 */

export type NumberLocale = 'nl' | 'en';

export interface NumberStyle {
  decimal: ',' | '.';
  /** Thousands separator; '' for none (CSV for re-import should not group). */
  group: '' | '.' | ',' | ' ' | '\u00a0';
}

export const NUMBER_STYLES: Record<NumberLocale, NumberStyle> = {
  nl: { decimal: ',', group: '.' },
  en: { decimal: '.', group: ',' },
};

/** `formatNumber(1234.56, 1, nl)` -> "1.234,6". Rounds half away from zero, as readers expect. */
export function formatNumber(value: number, decimals: number, style: NumberStyle): string {
  if (!Number.isFinite(value)) return '';
  const factor = 10 ** decimals;
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * factor + 1e-9)) / factor;
  const fixed = Math.abs(rounded).toFixed(decimals);
  const [intPart, frac] = fixed.split('.');
  const grouped = style.group ? intPart.replace(/\B(?=(\d{3})+(?!\d))/g, style.group) : intPart;
  const sign = rounded < 0 ? '-' : '';
  return frac === undefined ? sign + grouped : sign + grouped + style.decimal + frac;
}

/** The Excel number format for a fixed number of decimals ("0.0"); Excel shows it in the reader's locale. */
export function excelNumFmt(decimals: number): string {
  return decimals > 0 ? '0.' + '0'.repeat(decimals) : '0';
}

/** p-values the way journals print them: "< 0,001" below a thousandth. */
export function formatP(p: number, style: NumberStyle): string {
  if (!Number.isFinite(p)) return '';
  return p < 0.001 ? `< ${formatNumber(0.001, 3, style)}` : formatNumber(p, 3, style);
}
