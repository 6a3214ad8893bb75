/**
 * The sections after the data: value-label tables (both families) and the strL store (117+).
 */
import { type ByteSource, Cursor, decodeText } from './bytes';
import type { DtaLayout } from './layout';

export type LabelTables = Map<string, Record<string, string>>;

/** One table body: n, text length, offsets, values, text. */
function table(c: Cursor, len: number): Record<string, string> {
  const start = c.pos;
  const n = c.i32();
  const txtlen = c.i32();
  if (n < 0 || txtlen < 0 || 8 + 8 * n + txtlen > len) c.bytesOf(len + 1, 'value label table sizes');
  const offs = Array.from({ length: n }, () => c.i32());
  const vals = Array.from({ length: n }, () => c.i32());
  const txt = c.bytesOf(txtlen, 'value label text');
  const out: Record<string, string> = {};
  for (let k = 0; k < n; k++) {
    if (offs[k] < 0 || offs[k] >= txtlen) c.bytesOf(len + 1, 'value label offset');
    out[String(vals[k])] = decodeText(txt.subarray(offs[k]));
  }
  c.pos = start + len;
  return out;
}

export async function readLabelTables(src: ByteSource, l: DtaLayout): Promise<LabelTables> {
  const tables: LabelTables = new Map();
  if (l.release <= 115) {
    const c = new Cursor(await src.read(l.labelsOffset, src.size - l.labelsOffset, 'value labels'), l.labelsOffset, l.little, src);
    while (c.pos + 4 <= c.bytes.length) {
      const len = c.i32();
      const name = c.text(33, 'label name');
      c.bytesOf(3, 'padding');
      if (len < 8) c.bytesOf(c.bytes.length + 1, 'value label table length');
      c.need(len, 'value label table');
      tables.set(name, table(c, len));
    }
    return tables;
  }
  const nameLen = l.release === 117 ? 33 : 129;
  const c = new Cursor(await src.read(l.labelsOffset, src.size - l.labelsOffset, 'value labels'), l.labelsOffset, l.little, src);
  c.tag('<value_labels>');
  while (c.peekTag('<lbl>')) {
    c.tag('<lbl>');
    const len = c.i32();
    const name = c.text(nameLen, 'label name');
    c.bytesOf(3, 'padding');
    if (len < 8) c.bytesOf(c.bytes.length + 1, 'value label table length');
    c.need(len, 'value label table');
    tables.set(name, table(c, len));
    c.tag('</lbl>');
  }
  c.tag('</value_labels>');
  return tables;
}

/** strL contents keyed by "v,o" (variable and observation, both 1-based). */
export type StrlStore = Map<string, string>;

export async function readStrls(src: ByteSource, l: DtaLayout): Promise<StrlStore> {
  const store: StrlStore = new Map();
  if (l.strlsOffset === null) return store;
  const c = new Cursor(await src.read(l.strlsOffset, l.labelsOffset - l.strlsOffset, 'strLs'), l.strlsOffset, l.little, src);
  c.tag('<strls>');
  while (c.peekTag('GSO')) {
    c.tag('GSO');
    const v = c.u32();
    const o = l.release === 117 ? c.u32() : c.u64();
    const t = c.u8();
    const len = c.u32();
    const body = c.bytesOf(len, 'strL');
    // Type 130 is text with a closing NUL; 129 is binary, kept as text all the same.
    store.set(`${v},${o}`, t === 130 ? decodeText(body) : decodeText(body));
  }
  c.tag('</strls>');
  return store;
}

/**
 * The (v,o) reference stored in a strL cell. 117 uses 4+4 bytes, 118 uses 2+6; the 119 documentation
 * says 3+5 but writers differ, so both splits are tried against the store.
 */
export function strlLookup(l: DtaLayout, store: StrlStore): (view: DataView, pos: number) => string | undefined {
  const le = l.little;
  const uint = (view: DataView, pos: number, n: number): number => {
    let x = 0;
    for (let k = 0; k < n; k++) x += view.getUint8(pos + k) * 2 ** (8 * (le ? k : n - 1 - k));
    return x;
  };
  const split = (view: DataView, pos: number, vBytes: number): string => `${uint(view, pos, vBytes)},${uint(view, pos + vBytes, 8 - vBytes)}`;
  const primary = l.release === 117 ? 4 : l.release === 118 ? 2 : 3;
  const other = primary === 3 ? 2 : primary;
  return (view, pos) => {
    const a = split(view, pos, primary);
    if (store.has(a)) return store.get(a);
    if (a === '0,0') return '';
    return store.get(split(view, pos, other));
  };
}
