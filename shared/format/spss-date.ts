/**
 * SPSS stores dates and times as seconds since 1582-10-14 (the start of the Gregorian calendar);
 * its print format says how to show them. A grid that shows 12853382400 for 3 February 1990 is no help,
 * so these turn the stored value into a date the way a Dutch (dd-mm-jjjj) or English (yyyy-mm-dd)
 * reader writes it.
 */

/** Seconds from 1582-10-14 to 1970-01-01: 141,428 days. */
export const SPSS_EPOCH_OFFSET = 141428 * 86400;

const DATE_TYPES = new Set(['DATE', 'ADATE', 'EDATE', 'JDATE', 'SDATE', 'QYR', 'MOYR', 'WKYR']);
const DATETIME_TYPES = new Set(['DATETIME', 'YMDHMS']);
const DURATION_TYPES = new Set(['TIME', 'DTIME', 'MTIME']);

export type DateKind = 'date' | 'datetime' | 'duration';

/** What kind of date or time a print format type shows, or null for plain numbers. */
export function dateKind(formatType: string | undefined): DateKind | null {
  const t = (formatType ?? '').toUpperCase();
  if (DATE_TYPES.has(t)) return 'date';
  if (DATETIME_TYPES.has(t)) return 'datetime';
  if (DURATION_TYPES.has(t)) return 'duration';
  return null;
}

const two = (n: number) => String(n).padStart(2, '0');

function clock(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return `${two(h)}:${two(m)}:${two(sec)}`;
}

export function formatSpssDate(value: number, kind: DateKind, lang: 'nl' | 'en'): string {
  if (!Number.isFinite(value)) return '';
  if (kind === 'duration') return (value < 0 ? '-' : '') + clock(Math.abs(value));
  const d = new Date((value - SPSS_EPOCH_OFFSET) * 1000);
  const y = d.getUTCFullYear();
  const day = lang === 'nl' ? `${two(d.getUTCDate())}-${two(d.getUTCMonth() + 1)}-${y}` : `${y}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
  if (kind === 'date') return day;
  const secondsOfDay = value - Math.floor(value / 86400) * 86400;
  return `${day} ${clock(secondsOfDay)}`;
}
