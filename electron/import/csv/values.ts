/**
 * Cell parsers for CSV: strict numbers (with a chosen decimal separator) and the date layouts Dutch
 * files use. Dates become SPSS values: seconds since 1582-10-14 (the Gregorian epoch SPSS counts from).
 */

export type Decimal = '.' | ',';
export type DateLayout = 'ymd' | 'dmy' | 'ymd-hms' | 'dmy-hms';

export { SPSS_EPOCH_OFFSET } from '../../../shared/format/spss-date';
import { SPSS_EPOCH_OFFSET } from '../../../shared/format/spss-date';

/** Cells that mean "no value" in a numeric or date column (R writes NA, Stata writes .). */
export const MISSING_TOKENS = new Set(['', 'NA', '.']);

/**
 * NaN when the text is not a number in this notation. A hand-written scan (digits, one decimal
 * separator, optional exponent) instead of a regular expression: this runs once per numeric cell.
 */
export function parseNumber(text: string, decimal: Decimal): number {
  let a = 0;
  let b = text.length;
  while (a < b && text.charCodeAt(a) <= 32) a++;
  while (b > a && text.charCodeAt(b - 1) <= 32) b--;
  let i = a;
  const sign = text.charCodeAt(i);
  if (sign === 43 || sign === 45) i++;
  const sep = decimal.charCodeAt(0);
  let digits = 0;
  let sepAt = -1;
  for (; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === sep && sepAt < 0) sepAt = i;
    else break;
  }
  if (digits === 0) return NaN;
  if (i < b) {
    const e = text.charCodeAt(i);
    if (e !== 101 && e !== 69) return NaN;
    i++;
    const es = text.charCodeAt(i);
    if (es === 43 || es === 45) i++;
    const from = i;
    while (i < b && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
    if (i === from || i < b) return NaN;
  }
  const t = a === 0 && b === text.length ? text : text.slice(a, b);
  return Number(sepAt >= 0 && decimal === ',' ? t.replace(',', '.') : t);
}

/** Decimals written after the separator, for the display format. */
export function decimalsOf(text: string, decimal: Decimal): number {
  const t = text.trim();
  const k = t.indexOf(decimal);
  if (k < 0) return 0;
  const e = t.search(/[eE]/);
  return (e < 0 ? t.length : e) - k - 1;
}

const LAYOUTS: Record<DateLayout, RegExp> = {
  ymd: /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  dmy: /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/,
  'ymd-hms': /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?$/,
  'dmy-hms': /^(\d{1,2})[-/](\d{1,2})[-/](\d{4}) (\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?$/,
};

export const DATE_LAYOUTS = Object.keys(LAYOUTS) as DateLayout[];

/** SPSS seconds for a date or date-time in the given layout; NaN when it is not a real calendar date. */
export function parseDate(text: string, layout: DateLayout): number {
  const m = LAYOUTS[layout].exec(text.trim());
  if (!m) return NaN;
  const dayFirst = layout.startsWith('dmy');
  const y = Number(dayFirst ? m[3] : m[1]);
  const mo = Number(m[2]);
  const d = Number(dayFirst ? m[1] : m[3]);
  const h = m[4] === undefined ? 0 : Number(m[4]);
  const mi = m[5] === undefined ? 0 : Number(m[5]);
  const s = m[6] === undefined ? 0 : Number(m[6]);
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s >= 60) return NaN;
  const ms = Date.UTC(y, mo - 1, d);
  // Date.UTC rolls 31-02 over into March; a real date survives the round trip.
  const back = new Date(ms);
  if (back.getUTCDate() !== d || back.getUTCMonth() !== mo - 1) return NaN;
  return ms / 1000 + SPSS_EPOCH_OFFSET + h * 3600 + mi * 60 + s;
}

/** The first layout every sample value fits, or null. */
export function detectDateLayout(samples: string[]): DateLayout | null {
  if (samples.length === 0) return null;
  return DATE_LAYOUTS.find((l) => samples.every((s) => !Number.isNaN(parseDate(s, l)))) ?? null;
}
