/**
 * Parsers for the type 7 extension records that carry dictionary information. Each works on the
 * record's bytes and reports problems with the file offset of the offending byte.
 */
import type { RawExtension } from './raw-dictionary';
import type { TextCodec } from './text';

type Fail = (reason: string, offset: number) => never;

/** A bounds-checked little cursor over one record's bytes. */
class Bytes {
  pos = 0;
  readonly view: DataView;
  constructor(
    readonly rec: RawExtension,
    readonly le: boolean,
    private readonly fail: Fail,
  ) {
    this.view = new DataView(rec.data.buffer, rec.data.byteOffset, rec.data.byteLength);
  }
  get at(): number {
    return this.rec.offset + 16 + this.pos;
  }
  get done(): boolean {
    return this.pos >= this.rec.data.length;
  }
  need(n: number, what: string): void {
    if (n < 0 || this.pos + n > this.rec.data.length) this.fail(`${what} runs past the end of extension record ${this.rec.subtype}`, this.at);
  }
  i32(what: string): number {
    this.need(4, what);
    const v = this.view.getInt32(this.pos, this.le);
    this.pos += 4;
    return v;
  }
  u8(what: string): number {
    this.need(1, what);
    return this.rec.data[this.pos++];
  }
  take(n: number, what: string): Uint8Array {
    this.need(n, what);
    const b = this.rec.data.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }
}

/** Subtype 13 ("SHORT=Long\tSHORT2=Long2") and 14 ("SHORT=00300\0\t") share a key=value layout. */
export function parsePairs(rec: RawExtension, codec: TextCodec): Map<string, string> {
  const text = codec.decode(rec.data, rec.offset + 16);
  const out = new Map<string, string>();
  for (const part of text.split(/[\t\0]+/)) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    out.set(part.slice(0, eq).trim().toUpperCase(), part.slice(eq + 1).trim());
  }
  return out;
}

export interface DisplayParams {
  measure: number;
  width: number | null;
  alignment: number;
}

/** Subtype 11: (measure, [width], alignment) per variable or per segment; `units` says which count is expected. */
export function parseDisplay(rec: RawExtension, le: boolean, units: number[], fail: Fail): { params: DisplayParams[]; per: number } | null {
  if (rec.size !== 4) return null;
  for (const n of units) {
    const fields = n === 0 ? 0 : rec.count / n;
    if (fields !== 2 && fields !== 3) continue;
    const b = new Bytes(rec, le, fail);
    const params: DisplayParams[] = [];
    for (let i = 0; i < n; i++) {
      const measure = b.i32('measure');
      const width = fields === 3 ? b.i32('display width') : null;
      params.push({ measure, width, alignment: b.i32('alignment') });
    }
    return { params, per: n };
  }
  return null;
}

export interface LongStringLabels {
  name: string;
  labels: { value: Uint8Array; valueOffset: number; label: string }[];
}

/** Subtype 21: value labels of string variables wider than 8 bytes. */
export function parseLongStringLabels(rec: RawExtension, le: boolean, codec: TextCodec, fail: Fail): LongStringLabels[] {
  const b = new Bytes(rec, le, fail);
  const out: LongStringLabels[] = [];
  while (!b.done) {
    const name = readName(b, codec);
    b.i32('variable width');
    const n = b.i32('label count');
    if (n < 0 || n > rec.data.length / 8) fail(`long string value label count ${n} is invalid`, b.at - 4);
    const labels: LongStringLabels['labels'] = [];
    for (let i = 0; i < n; i++) {
      const valueOffset = b.at + 4;
      const value = b.take(b.i32('value length'), 'value');
      const lat = b.at + 4;
      const label = codec.decode(b.take(b.i32('label length'), 'label'), lat);
      labels.push({ value, valueOffset, label });
    }
    out.push({ name, labels });
  }
  return out;
}

export interface LongStringMissing {
  name: string;
  values: { bytes: Uint8Array; offset: number }[];
}

/**
 * Subtype 22: missing values of string variables wider than 8 bytes. SPSS writes one value length per
 * variable; PSPP up to at least 1.6 writes a length before every value. The record only parses
 * cleanly one way, so try SPSS's layout first and PSPP's second.
 */
export function parseLongStringMissing(rec: RawExtension, le: boolean, codec: TextCodec, fail: Fail): LongStringMissing[] {
  try {
    return parseLongStringMissingAs(rec, le, codec, fail, false);
  } catch (first) {
    try {
      return parseLongStringMissingAs(rec, le, codec, fail, true);
    } catch {
      throw first;
    }
  }
}

function parseLongStringMissingAs(rec: RawExtension, le: boolean, codec: TextCodec, fail: Fail, lengthEach: boolean): LongStringMissing[] {
  const b = new Bytes(rec, le, fail);
  const out: LongStringMissing[] = [];
  while (!b.done) {
    const name = readName(b, codec);
    const n = b.u8('missing value count');
    if (n < 1 || n > 3) fail(`long string missing value count ${n} is invalid`, b.at - 1);
    const values: LongStringMissing['values'] = [];
    let len = -1;
    for (let i = 0; i < n; i++) {
      if (i === 0 || lengthEach) len = b.i32('missing value length');
      if (len < 0 || len > 32767) fail(`long string missing value length ${len} is invalid`, b.at - 4);
      values.push({ offset: b.at, bytes: b.take(len, 'missing value') });
    }
    out.push({ name, values });
  }
  return out;
}

/** A variable name preceded by its byte length, as in subtypes 21 and 22. */
function readName(b: Bytes, codec: TextCodec): string {
  const len = b.i32('variable name length');
  const at = b.at;
  return codec.decodeTrimmed(b.take(len, 'variable name'), at);
}

/** Subtype 18: variable attributes, `name:attr('v'\n)attr2('v'\n)/name2:...`; returns name → attr → values. */
export function parseAttributes(rec: RawExtension, codec: TextCodec): Map<string, Map<string, string[]>> {
  const text = codec.decode(rec.data, rec.offset + 16);
  const out = new Map<string, Map<string, string[]>>();
  let i = 0;
  while (i < text.length) {
    const colon = text.indexOf(':', i);
    if (colon < 0) break;
    const name = text.slice(i, colon).trim().toUpperCase();
    const attrs = new Map<string, string[]>();
    out.set(name, attrs);
    i = colon + 1;
    while (i < text.length && text[i] !== '/') {
      const open = text.indexOf('(', i);
      if (open < 0) return out;
      const attr = text.slice(i, open);
      i = open + 1;
      const values: string[] = [];
      while (i < text.length && text[i] === "'") {
        const close = text.indexOf("'\n", i + 1);
        if (close < 0) return out;
        values.push(text.slice(i + 1, close));
        i = close + 2;
      }
      if (text[i] !== ')') return out;
      i++;
      attrs.set(attr, values);
    }
    i++;
  }
  return out;
}

export interface RawMrSet {
  name: string;
  kind: 'C' | 'D' | 'E';
  countedValue: string | null;
  label: string;
  variables: string[];
}

/** Subtypes 7 and 19: one set per line, lengths in bytes, so this walks the raw bytes. */
export function parseMrSets(rec: RawExtension, codec: TextCodec, fail: Fail): RawMrSet[] {
  const d = rec.data;
  const base = rec.offset + 16;
  let p = 0;
  const out: RawMrSet[] = [];
  const number = (): number => {
    const start = p;
    while (p < d.length && d[p] >= 0x30 && d[p] <= 0x39) p++;
    if (p === start || p - start > 9) fail('malformed multiple response set record (expected a number)', base + start);
    return Number(Buffer.from(d.subarray(start, p)).toString('latin1'));
  };
  const space = (): void => {
    if (d[p] !== 0x20) fail('malformed multiple response set record (expected a space)', base + p);
    p++;
  };
  const counted = (): string => {
    const n = number();
    space();
    if (p + n > d.length) fail('multiple response set text runs past the record', base + p);
    const s = codec.decode(d.subarray(p, p + n), base + p);
    p += n;
    return s;
  };
  while (p < d.length) {
    while (p < d.length && (d[p] === 0x0a || d[p] === 0x0d)) p++;
    if (p >= d.length) break;
    const eq = d.indexOf(0x3d, p);
    if (eq < 0) fail('multiple response set without "="', base + p);
    const name = codec.decode(d.subarray(p, eq), base + p).trim();
    p = eq + 1;
    const kind = String.fromCharCode(d[p++]);
    let countedValue: string | null = null;
    if (kind === 'C') space();
    else if (kind === 'D') countedValue = counted();
    else if (kind === 'E') {
      space();
      number();
      space();
      countedValue = counted();
    } else fail(`unknown multiple response set type "${kind}"`, base + p - 1);
    if (kind !== 'C') space();
    const label = counted();
    let end = d.indexOf(0x0a, p);
    if (end < 0) end = d.length;
    const vars = codec.decode(d.subarray(p, end), base + p).trim();
    p = end + 1;
    out.push({ name, kind: kind as RawMrSet['kind'], countedValue, label, variables: vars ? vars.split(/\s+/) : [] });
  }
  return out;
}
