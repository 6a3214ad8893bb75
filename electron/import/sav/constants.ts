/**
 * Numbers fixed by the SPSS system file format (PSPP developers' guide, "System File Format").
 * Shared by the reader and the writer so both speak exactly the same dialect.
 */

/** Print/write format type codes, as stored in the high 16 bits of a format word. */
export const FORMAT_NAMES: Readonly<Record<number, string>> = {
  1: 'A',
  2: 'AHEX',
  3: 'COMMA',
  4: 'DOLLAR',
  5: 'F',
  6: 'IB',
  7: 'PIBHEX',
  8: 'P',
  9: 'PIB',
  10: 'PK',
  11: 'RB',
  12: 'RBHEX',
  15: 'Z',
  16: 'N',
  17: 'E',
  20: 'DATE',
  21: 'TIME',
  22: 'DATETIME',
  23: 'ADATE',
  24: 'JDATE',
  25: 'DTIME',
  26: 'WKDAY',
  27: 'MONTH',
  28: 'MOYR',
  29: 'QYR',
  30: 'WKYR',
  31: 'PCT',
  32: 'DOT',
  33: 'CCA',
  34: 'CCB',
  35: 'CCC',
  36: 'CCD',
  37: 'CCE',
  38: 'EDATE',
  39: 'SDATE',
  40: 'MTIME',
  41: 'YMDHMS',
};

export const FORMAT_CODES: Readonly<Record<string, number>> = Object.fromEntries(Object.entries(FORMAT_NAMES).map(([code, name]) => [name, Number(code)]));

/** The numeric system-missing value: -DBL_MAX. */
export const SYSMIS = -Number.MAX_VALUE;
/** LOWEST and HIGHEST as used in missing-value ranges (LO THRU x / x THRU HI). */
export const LOWEST_BITS = 0xffeffffffffffffen;
export const HIGHEST = Number.MAX_VALUE;

export const BYTECODE_BIAS = 100;
export const CODE_PAD = 0;
export const CODE_EOF = 252;
export const CODE_RAW = 253;
export const CODE_SPACES = 254;
export const CODE_SYSMIS = 255;

/** A very long string is stored as segments of 255 bytes, one for every 252 bytes of width. */
export const SEGMENT_WIDTH = 255;
export const SEGMENT_STEP = 252;
export const MAX_STRING_WIDTH = 32767;

export const MEASURES = ['nominal', 'ordinal', 'scale'] as const;
export const ALIGNMENTS = ['left', 'right', 'center'] as const;

/** Code page numbers in the machine integer info record (subtype 3) → WHATWG encoding labels. */
export function codePageLabel(cp: number): string | null {
  if (cp === 65001) return 'utf-8';
  if (cp === 2 || cp === 3 || cp === 20127 || cp === 1252) return 'windows-1252';
  if ((cp >= 1250 && cp <= 1258) || cp === 874) return `windows-${cp}`;
  if (cp >= 28591 && cp <= 28606) return `iso-8859-${cp - 28590}`;
  const named: Record<number, string> = {
    932: 'shift_jis',
    936: 'gbk',
    949: 'euc-kr',
    950: 'big5',
    866: 'ibm866',
    20866: 'koi8-r',
    21866: 'koi8-u',
    54936: 'gb18030',
    51932: 'euc-jp',
    10000: 'macintosh',
  };
  return named[cp] ?? null;
}

/**
 * Segments a string variable of `width` bytes occupies: 1 up to 255 bytes, then one per 252 bytes.
 */
export function segmentCount(width: number): number {
  return width <= SEGMENT_WIDTH ? 1 : Math.floor((width + SEGMENT_STEP - 1) / SEGMENT_STEP);
}

/** Byte width of segment `i` of a string of `width` bytes. */
export function segmentWidth(width: number, i: number): number {
  const n = segmentCount(width);
  if (n === 1) return width;
  return i < n - 1 ? SEGMENT_WIDTH : width - (n - 1) * SEGMENT_STEP;
}

/** 8-byte slots a string of `width` bytes (≤ 255) occupies in a case; numerics take one. */
export function slotsFor(width: number): number {
  return width === 0 ? 1 : Math.ceil(width / 8);
}
