/**
 * Turns the file's bytes into strings in its declared encoding. A file that declares UTF-8 but holds
 * invalid UTF-8 is rejected with the offset instead of silently getting replacement characters.
 */
import { ImportError } from '../import-error';

/**
 * Windows-1252's 0x80–0x9F (Node 20's TextDecoder wrongly decodes windows-1252 as ISO-8859-1 there,
 * turning € into U+0080). Undefined positions keep their C1 code point, as the WHATWG table does.
 */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decode1252(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    out += c >= 0x80 && c < 0xa0 ? CP1252_HIGH[c - 0x80] : String.fromCharCode(c);
  }
  return out;
}

export class TextCodec {
  private readonly decoder: TextDecoder;
  private readonly cp1252: boolean;
  readonly utf8: boolean;

  constructor(
    readonly encoding: string,
    private readonly file: string,
  ) {
    this.utf8 = /^utf-?8$/i.test(encoding);
    try {
      this.decoder = new TextDecoder(encoding, { fatal: this.utf8 });
    } catch {
      throw new ImportError(file, `unsupported character encoding "${encoding}"`);
    }
    this.cp1252 = this.decoder.encoding === 'windows-1252';
  }

  /** Decodes `b`; `offset` is the file offset of b[0], reported if the bytes are invalid. */
  decode(b: Uint8Array, offset: number | null = null): string {
    let ascii = true;
    for (let i = 0; i < b.length; i++) {
      if (b[i] >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
    return this.decodeNonAscii(b, offset);
  }

  /** The hot path for case data: `buf[0..n)` of a reused scratch buffer. */
  decodeBuffer(buf: Buffer, n: number, offset: number | null): string {
    for (let i = 0; i < n; i++) if (buf[i] >= 0x80) return this.decodeNonAscii(buf.subarray(0, n), offset);
    return buf.toString('latin1', 0, n);
  }

  private decodeNonAscii(b: Uint8Array, offset: number | null): string {
    if (this.cp1252) return decode1252(b);
    try {
      return this.decoder.decode(b);
    } catch {
      throw new ImportError(this.file, `invalid ${this.encoding} text`, offset === null ? {} : { offset: offset + firstInvalid(b) });
    }
  }

  /** Decodes after dropping trailing spaces and NULs (SPSS pads names, values and labels). */
  decodeTrimmed(b: Uint8Array, offset: number | null = null): string {
    return this.decode(b.subarray(0, trimmedLength(b, b.length)), offset);
  }
}

export function trimmedLength(b: Uint8Array, n: number): number {
  while (n > 0 && (b[n - 1] === 0x20 || b[n - 1] === 0)) n--;
  return n;
}

/** Index of the first byte that starts an invalid UTF-8 sequence (best effort, for error messages). */
function firstInvalid(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const n = c < 0x80 ? 1 : c >= 0xc2 && c < 0xe0 ? 2 : c >= 0xe0 && c < 0xf0 ? 3 : c >= 0xf0 && c < 0xf5 ? 4 : 0;
    if (n === 0 || i + n > b.length) return i;
    for (let k = 1; k < n; k++) if ((b[i + k] & 0xc0) !== 0x80) return i;
    i += n;
  }
  return 0;
}

/** Encoding for writing: UTF-8 bytes of a string. */
export function utf8Bytes(s: string): Uint8Array {
  return Buffer.from(s, 'utf8');
}
