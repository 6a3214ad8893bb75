/**
 * Stata display formats to SPSS print formats, converting Stata's date counts (days, milliseconds,
 * months or quarters since 1960) into SPSS values (seconds since 1582-10-14).
 */
import type { PrintFormat } from '../../../shared/model/dataset';

/** Days from 1582-10-14 to 1960-01-01. */
const DAYS_1582_TO_1960 = 137775;
const EPOCH_1960 = DAYS_1582_TO_1960 * 86400;

export interface Conversion {
  format: PrintFormat;
  /** Maps a valid Stata value to the stored value (identity for plain numbers). */
  convert: ((x: number) => number) | null;
}

function monthStart(months: number): number {
  const y = 1960 + Math.floor(months / 12);
  const m = ((months % 12) + 12) % 12;
  return Date.UTC(y, m, 1) / 1000 + 141428 * 86400;
}

export function convertFormat(stata: string, integerStorage: boolean): Conversion {
  const f = stata.trim();
  if (/^%-?t?d/.test(f) && !/^%-?t[cCbmqwhy]/.test(f)) {
    return { format: { type: 'DATE', width: 11, decimals: 0 }, convert: (d) => d * 86400 + EPOCH_1960 };
  }
  if (/^%-?t[cC]/.test(f)) {
    return { format: { type: 'DATETIME', width: 20, decimals: 0 }, convert: (ms) => ms / 1000 + EPOCH_1960 };
  }
  if (/^%-?tm/.test(f)) return { format: { type: 'MOYR', width: 8, decimals: 0 }, convert: monthStart };
  if (/^%-?tq/.test(f)) return { format: { type: 'QYR', width: 8, decimals: 0 }, convert: (q) => monthStart(q * 3) };
  const m = /^%-?(\d+)\.(\d+)[fg]c?$/.exec(f);
  if (m && f.includes('f')) {
    return { format: { type: 'F', width: Math.min(40, Number(m[1])), decimals: Math.min(16, Number(m[2])) }, convert: null };
  }
  const width = m ? Math.min(40, Math.max(8, Number(m[1]))) : 8;
  return { format: { type: 'F', width, decimals: integerStorage ? 0 : 2 }, convert: null };
}
