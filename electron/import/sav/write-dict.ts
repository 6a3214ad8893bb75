/**
 * The header and dictionary of a system file we write: always UTF-8 (encoding record plus code page
 * 65001), short names with a long-name record, very long strings as 252-byte segments, and every
 * piece of metadata the reader understands, so a round trip loses nothing SPSS can store.
 */
import type { Dataset, VariableMeta } from '../../../shared/model/dataset';
import { ByteWriter, utf8Cut } from './byte-writer';
import { ALIGNMENTS, FORMAT_CODES, HIGHEST, LOWEST_BITS, MAX_STRING_WIDTH, MEASURES, segmentCount, segmentWidth, slotsFor } from './constants';

export interface WriteSegment {
  short: string;
  width: number;
}

export interface WriteVar {
  meta: VariableMeta;
  /** Effective byte width: 0 numeric, else at least every value's UTF-8 length. */
  width: number;
  segments: WriteSegment[];
  /** Dictionary index (1-based) of the first variable record. */
  index: number;
}

export interface DictOptions {
  compression: 'none' | 'bytecode' | 'zlib';
  created: Date;
  littleEndian: boolean;
  unknownCaseCount: boolean;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function shortBase(name: string): string {
  let s = name.toUpperCase().replace(/[^A-Z0-9@#$_.]/g, '');
  if (!/^[A-Z@]/.test(s)) s = `V${s}`;
  return s.slice(0, 8);
}

/** Unique ≤ 8-byte ASCII names, as SPSS requires in the variable records. */
function shortNamer(): (base: string) => string {
  const used = new Set<string>();
  return (base: string) => {
    let name = base.slice(0, 8);
    for (let i = 1; used.has(name); i++) name = base.slice(0, 8 - String(i).length) + String(i);
    used.add(name);
    return name;
  };
}

export function planWrite(ds: Dataset): WriteVar[] {
  const unique = shortNamer();
  let index = 1;
  return ds.variables.map((meta, vi) => {
    let width = 0;
    if (meta.type === 'string') {
      width = Math.max(1, meta.width);
      const col = ds.columns[vi];
      if (col.kind === 'string') for (const s of col.dict) width = Math.max(width, Buffer.byteLength(s, 'utf8'));
      if (width > MAX_STRING_WIDTH) throw new RangeError(`${meta.name}: a value is longer than SPSS's ${MAX_STRING_WIDTH} bytes`);
    }
    const base = shortBase(meta.name);
    const first = unique(base);
    const segments: WriteSegment[] = [];
    const n = meta.type === 'string' ? segmentCount(width) : 1;
    for (let i = 0; i < n; i++) {
      segments.push({ short: i === 0 ? first : unique(first.slice(0, 5) + String(i)), width: meta.type === 'string' ? segmentWidth(width, i) : 0 });
    }
    const v: WriteVar = { meta, width, segments, index };
    for (const seg of segments) index += slotsFor(seg.width);
    return v;
  });
}

function formatWord(v: WriteVar, segWidth: number): number {
  if (v.width > 0) return (1 << 16) | (Math.min(segWidth, 255) << 8);
  const f = v.meta.format;
  const code = FORMAT_CODES[f.type] ?? 5;
  return (code << 16) | ((Math.min(255, Math.max(1, f.width)) & 0xff) << 8) | (Math.min(16, Math.max(0, f.decimals)) & 0xff);
}

function numericMissing(meta: VariableMeta): { count: number; write: (w: ByteWriter) => void } {
  const values = meta.missing.values.filter((x): x is number => typeof x === 'number');
  const range = meta.missing.range;
  const lo = (w: ByteWriter, x: number): void => void (x <= -HIGHEST ? w.bits64(LOWEST_BITS) : w.f64(x));
  const hi = (w: ByteWriter, x: number): void => void w.f64(Math.min(x, HIGHEST));
  if (range) {
    const extra = values[0];
    return {
      count: extra === undefined ? -2 : -3,
      write: (w) => {
        lo(w, range[0]);
        hi(w, range[1]);
        if (extra !== undefined) w.f64(extra);
      },
    };
  }
  const vs = values.slice(0, 3);
  return { count: vs.length, write: (w) => vs.forEach((x) => w.f64(x)) };
}

/** String missing values: SPSS stores only 8 bytes of each, so longer ones cannot be kept. */
function stringMissing(meta: VariableMeta): Buffer[] {
  return meta.missing.values
    .filter((x): x is string => typeof x === 'string')
    .map((s) => Buffer.from(s, 'utf8'))
    .filter((b) => b.length <= 8)
    .slice(0, 3);
}

function header(w: ByteWriter, ds: Dataset, vars: WriteVar[], slots: number, o: DictOptions): void {
  w.bytes(Buffer.from(o.compression === 'zlib' ? '$FL3' : '$FL2', 'latin1'));
  w.fixed(Buffer.from('@(#) SPSS DATA FILE Duiding', 'latin1'), 60);
  w.i32(2)
    .i32(slots)
    .i32(o.compression === 'none' ? 0 : o.compression === 'bytecode' ? 1 : 2);
  const wv = ds.weight ? vars.find((v) => v.meta.name === ds.weight && v.width === 0) : undefined;
  w.i32(wv ? wv.index : 0);
  w.i32(o.unknownCaseCount ? -1 : ds.rows);
  w.f64(100);
  const d = o.created;
  const two = (n: number): string => String(n).padStart(2, '0');
  w.fixed(Buffer.from(`${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCFullYear() % 100)}`, 'latin1'), 9);
  w.fixed(Buffer.from(`${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`, 'latin1'), 8);
  w.fixed(utf8Cut(ds.fileLabel, 64), 64);
  w.fixed(Buffer.alloc(0), 3, 0);
}

function variableRecords(w: ByteWriter, vars: WriteVar[]): void {
  for (const v of vars) {
    v.segments.forEach((seg, si) => {
      const fmt = formatWord(v, seg.width);
      const label = si === 0 && v.meta.label ? utf8Cut(v.meta.label, 65535) : null;
      const miss = si !== 0 ? null : v.width === 0 ? numericMissing(v.meta) : v.width <= 8 ? stringMissing(v.meta) : null;
      const missCount = miss === null ? 0 : Array.isArray(miss) ? miss.length : miss.count;
      w.i32(2)
        .i32(seg.width)
        .i32(label ? 1 : 0)
        .i32(missCount)
        .i32(fmt)
        .i32(fmt);
      w.fixed(Buffer.from(seg.short, 'latin1'), 8);
      if (label) w.i32(label.length).fixed(label, Math.ceil(label.length / 4) * 4);
      if (Array.isArray(miss)) miss.forEach((b) => w.fixed(b, 8));
      else miss?.write(w);
      for (let k = 1; k < slotsFor(seg.width); k++) w.i32(2).i32(-1).i32(0).i32(0).i32(0).i32(0).fixed(Buffer.alloc(0), 8);
    });
  }
}

function valueLabelRecords(w: ByteWriter, vars: WriteVar[]): void {
  for (const v of vars) {
    // A numeric variable's label keys must be numbers; anything else cannot be stored and is skipped.
    const entries = Object.entries(v.meta.valueLabels).filter(([k]) => v.width > 0 || (k.trim() !== '' && !Number.isNaN(Number(k))));
    if (entries.length === 0 || v.width > 8) continue;
    w.i32(3).i32(entries.length);
    for (const [key, label] of entries) {
      if (v.width === 0) w.f64(Number(key));
      else w.fixed(Buffer.from(key, 'utf8'), 8);
      const lb = utf8Cut(label, 255);
      w.u8(lb.length).fixed(lb, Math.ceil((lb.length + 1) / 8) * 8 - 1);
    }
    w.i32(4).i32(1).i32(v.index);
  }
}

function extension(w: ByteWriter, subtype: number, size: number, body: Buffer): void {
  if (body.length === 0) return;
  w.i32(7)
    .i32(subtype)
    .i32(size)
    .i32(body.length / size)
    .bytes(body);
}

function text(parts: string[], sep: string): Buffer {
  return Buffer.from(parts.join(sep), 'utf8');
}

function longStringRecords(w: ByteWriter, vars: WriteVar[], le: boolean): void {
  const labels = new ByteWriter(le);
  const missing = new ByteWriter(le);
  for (const v of vars) {
    if (v.width <= 8) continue;
    const name = Buffer.from(v.meta.name, 'utf8');
    const entries = Object.entries(v.meta.valueLabels);
    if (entries.length > 0) {
      labels.i32(name.length).bytes(name).i32(v.width).i32(entries.length);
      for (const [key, label] of entries) {
        labels.i32(v.width).fixed(utf8Cut(key, v.width), v.width);
        const lb = Buffer.from(label, 'utf8');
        labels.i32(lb.length).bytes(lb);
      }
    }
    const miss = stringMissing(v.meta);
    if (miss.length > 0) {
      missing.i32(name.length).bytes(name).u8(miss.length).i32(8);
      miss.forEach((b) => missing.fixed(b, 8));
    }
  }
  extension(w, 21, 1, labels.result());
  extension(w, 22, 1, missing.result());
}

/** Members are named by their short names, as SPSS and PSPP look them up. */
function mrSetText(ds: Dataset, vars: WriteVar[]): string {
  const short = new Map(vars.map((v) => [v.meta.name.toUpperCase(), v.segments[0].short.toLowerCase()]));
  let out = '';
  for (const m of ds.mrSets) {
    const name = m.name.startsWith('$') ? m.name : `$${m.name}`;
    const label = Buffer.from(m.label, 'utf8');
    const members = m.variables.map((n) => short.get(n.toUpperCase()) ?? n).join(' ');
    if (m.type === 'categories') out += `${name}=C ${label.length} ${m.label} ${members}\n`;
    else {
      const value = String(m.countedValue ?? 1);
      out += `${name}=D${Buffer.byteLength(value, 'utf8')} ${value} ${label.length} ${m.label} ${members}\n`;
    }
  }
  return out;
}

export function dictionaryBytes(ds: Dataset, vars: WriteVar[], o: DictOptions): Buffer {
  const le = o.littleEndian;
  const w = new ByteWriter(le);
  const slots = vars.reduce((n, v) => n + v.segments.reduce((m, s) => m + slotsFor(s.width), 0), 0);
  header(w, ds, vars, slots, o);
  variableRecords(w, vars);
  valueLabelRecords(w, vars);
  if (ds.documents.length > 0) {
    w.i32(6).i32(ds.documents.length);
    for (const line of ds.documents) w.fixed(utf8Cut(line, 80), 80);
  }
  const ints = new ByteWriter(le);
  [1, 0, 0, -1, 1, o.compression === 'none' ? 0 : 1, le ? 2 : 1, 65001].forEach((x) => ints.i32(x));
  extension(w, 3, 4, ints.result());
  const floats = new ByteWriter(le).f64(-HIGHEST).f64(HIGHEST).bits64(LOWEST_BITS);
  extension(w, 4, 8, floats.result());
  extension(w, 7, 1, Buffer.from(mrSetText(ds, vars), 'utf8'));
  const display = new ByteWriter(le);
  for (const v of vars) {
    const m = v.meta;
    const measure = MEASURES.indexOf(m.measure) + 1;
    const align = ALIGNMENTS.indexOf(m.alignment ?? (v.width > 0 ? 'left' : 'right'));
    const dw = m.displayWidth ?? (v.width > 0 ? Math.min(v.width, 32) : 8);
    for (let i = 0; i < v.segments.length; i++) display.i32(measure).i32(dw).i32(align);
  }
  extension(w, 11, 4, display.result());
  extension(
    w,
    13,
    1,
    text(
      vars.map((v) => `${v.segments[0].short}=${v.meta.name}`),
      '\t',
    ),
  );
  const vls = vars.filter((v) => v.width > 255).map((v) => `${v.segments[0].short}=${String(v.width).padStart(5, '0')}\0`);
  extension(w, 14, 1, text(vls, '\t'));
  if (vars.some((v) => v.meta.role === 'none')) {
    const roles = vars.map((v) => `${v.meta.name}:$@Role('${v.meta.role === 'none' ? 3 : 0}'\n)`);
    extension(w, 18, 1, text(roles, '/'));
  }
  extension(w, 20, 1, Buffer.from('UTF-8', 'latin1'));
  longStringRecords(w, vars, le);
  w.i32(999).i32(0);
  return w.result();
}
