/**
 * Character encodings for CSV. UTF-8 is validated strictly (a file is only read as UTF-8 when every
 * byte sequence is valid); Windows-1252 is the fallback for older Dutch exports, never a guess over
 * valid UTF-8. UTF-16 is recognised by its byte-order mark (Excel's "Unicode text").
 */

export type CsvEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface EncodingGuess {
  encoding: CsvEncoding;
  bom: boolean;
}

/** Byte index of the first invalid UTF-8 sequence, or -1. A sequence cut off at the end counts as valid unless `final`. */
export function firstInvalidUtf8(b: Uint8Array, final: boolean): number {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= n) {
      for (let k = i + 1; k < n; k++) if ((b[k] & 0xc0) !== 0x80) return i;
      return final ? i : -1;
    }
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const x = b[i + k];
      if ((x & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (x & 0x3f);
    }
    // Overlong forms, surrogates and code points past U+10FFFF are invalid.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += need + 1;
  }
  return -1;
}

/** Guess from the first bytes of the file; `complete` says whether the sample is the whole file. */
export function guessEncoding(sample: Uint8Array, complete: boolean): EncodingGuess {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  return { encoding: firstInvalidUtf8(sample, complete) < 0 ? 'utf-8' : 'windows-1252', bom: false };
}

/** Windows-1252 differs from Latin-1 only in 0x80–0x9F (Node's TextDecoder treats the label as Latin-1). */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

const CP1252 = Array.from({ length: 256 }, (_, b) => (b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b)));

export function decodeCp1252(bytes: Uint8Array): string {
  let out = '';
  // Build in slices: string concatenation per character is fine in V8 (ropes), but bound the parts.
  for (let i = 0; i < bytes.length; i += 8192) {
    const end = Math.min(bytes.length, i + 8192);
    const parts = new Array<string>(end - i);
    for (let k = i; k < end; k++) parts[k - i] = CP1252[bytes[k]];
    out += parts.join('');
  }
  return out;
}

/** A streaming decoder with one interface for every supported encoding. */
export interface ChunkDecoder {
  decode(bytes: Uint8Array, final: boolean): string;
}

export function chunkDecoder(encoding: CsvEncoding): ChunkDecoder {
  if (encoding === 'windows-1252') return { decode: (b) => decodeCp1252(b) };
  const d = new TextDecoder(encoding, { ignoreBOM: true });
  return { decode: (b, final) => d.decode(b, { stream: !final }) };
}
