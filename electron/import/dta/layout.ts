/**
 * The header and variable descriptors of a .dta file, for the two families of the format: 113–115
 * (fixed binary header) and 117–119 (tagged sections with a map of offsets). Everything later steps
 * need ends up in one DtaLayout; all sizes are checked against the file size.
 */
import { ByteSource, Cursor } from './bytes';

export type DtaType = { kind: 'str'; width: number } | { kind: 'strl' } | { kind: 'byte' | 'int' | 'long' | 'float' | 'double' };

export interface DtaLayout {
  release: number;
  little: boolean;
  nvar: number;
  nobs: number;
  label: string;
  types: DtaType[];
  names: string[];
  formats: string[];
  labelNames: string[];
  varLabels: string[];
  dataOffset: number;
  rowWidth: number;
  /** Where value labels start; for 117+ also where strLs start. */
  labelsOffset: number;
  strlsOffset: number | null;
}

export function typeWidth(t: DtaType): number {
  switch (t.kind) {
    case 'str':
      return t.width;
    case 'strl':
    case 'double':
      return 8;
    case 'byte':
      return 1;
    case 'int':
      return 2;
    default:
      return 4;
  }
}

function oldType(code: number, src: ByteSource, offset: number): DtaType {
  if (code >= 1 && code <= 244) return { kind: 'str', width: code };
  const kinds: Record<number, DtaType> = {
    251: { kind: 'byte' },
    252: { kind: 'int' },
    253: { kind: 'long' },
    254: { kind: 'float' },
    255: { kind: 'double' },
  };
  return kinds[code] ?? src.fail(`unknown variable type code ${code}`, offset);
}

function newType(code: number, src: ByteSource, offset: number): DtaType {
  if (code >= 1 && code <= 2045) return { kind: 'str', width: code };
  const kinds: Record<number, DtaType> = {
    32768: { kind: 'strl' },
    65526: { kind: 'double' },
    65527: { kind: 'float' },
    65528: { kind: 'long' },
    65529: { kind: 'int' },
    65530: { kind: 'byte' },
  };
  return kinds[code] ?? src.fail(`unknown variable type code ${code}`, offset);
}

function checkRows(src: ByteSource, nobs: number, rowWidth: number, start: number, end: number): void {
  if (rowWidth === 0 && nobs > 0) src.fail('rows without variables', start);
  if (nobs * rowWidth > end - start) {
    src.fail(`header claims ${nobs} rows of ${rowWidth} bytes but the data section holds only ${end - start} bytes`, start);
  }
}

async function oldLayout(src: ByteSource, release: number): Promise<DtaLayout> {
  const head = await src.read(0, 109, 'header');
  const byteorder = head[1];
  if (byteorder !== 1 && byteorder !== 2) src.fail(`byte order ${byteorder} is neither 1 (HILO) nor 2 (LOHI)`, 1);
  const c = new Cursor(head, 0, byteorder === 2, src);
  c.pos = 4;
  const nvar = c.u16();
  const nobs = c.u32();
  const label = c.text(81, 'data label');
  const fmtLen = release === 113 ? 12 : 49;
  const descLen = nvar * (1 + 33 + 2 + fmtLen + 33 + 81) + 2;
  const d = new Cursor(await src.read(109, descLen, 'variable descriptors'), 109, c.little, src);
  const types = Array.from({ length: nvar }, () => oldType(d.u8(), src, d.offset - 1));
  const names = Array.from({ length: nvar }, () => d.text(33, 'variable name'));
  d.pos += 2 * (nvar + 1);
  const formats = Array.from({ length: nvar }, () => d.text(fmtLen, 'format'));
  const labelNames = Array.from({ length: nvar }, () => d.text(33, 'value label name'));
  const varLabels = Array.from({ length: nvar }, () => d.text(81, 'variable label'));
  // Expansion fields: (type, length) records ending with a zero type and zero length.
  let off = 109 + descLen;
  for (;;) {
    const e = new Cursor(await src.read(off, 5, 'expansion field'), off, c.little, src);
    const type = e.u8();
    const len = e.u32();
    off += 5;
    if (type === 0 && len === 0) break;
    if (off + len > src.size) src.fail('expansion field runs past the end of the file', off - 5);
    off += len;
  }
  const rowWidth = types.reduce((s, t) => s + typeWidth(t), 0);
  checkRows(src, nobs, rowWidth, off, src.size);
  return {
    release,
    little: c.little,
    nvar,
    nobs,
    label,
    types,
    names,
    formats,
    labelNames,
    varLabels,
    dataOffset: off,
    rowWidth,
    labelsOffset: off + nobs * rowWidth,
    strlsOffset: null,
  };
}

async function newLayout(src: ByteSource): Promise<DtaLayout> {
  const head = await src.read(0, Math.min(src.size, 1 << 16), 'header');
  const c = new Cursor(head, 0, true, src);
  c.tag('<stata_dta><header><release>');
  const release = Number(String.fromCharCode(...c.bytesOf(3, 'release')));
  if (release !== 117 && release !== 118 && release !== 119) src.fail(`unsupported release ${release}`, 28);
  c.tag('</release><byteorder>');
  const order = String.fromCharCode(...c.bytesOf(3, 'byte order'));
  if (order !== 'LSF' && order !== 'MSF') src.fail(`unknown byte order ${order}`, c.offset - 3);
  const h = new Cursor(head, 0, order === 'LSF', src);
  h.pos = c.pos;
  h.tag('</byteorder><K>');
  const nvar = release === 119 ? h.u32() : h.u16();
  h.tag('</K><N>');
  const nobs = release === 117 ? h.u32() : h.u64();
  h.tag('</N><label>');
  const label = h.text(release === 117 ? h.u8() : h.u16(), 'data label');
  h.tag('</label><timestamp>');
  const stampLen = h.u8();
  h.pos += stampLen;
  h.tag('</timestamp></header><map>');
  const map = Array.from({ length: 14 }, () => h.u64());
  for (let k = 1; k < 14; k++) {
    if (map[k] > src.size || (k <= 12 && map[k] < map[k - 1])) src.fail(`section map entry ${k} is out of order`, h.offset);
  }
  const nameLen = release === 117 ? 33 : 129;
  const fmtLen = release === 117 ? 49 : 57;
  const vlabLen = release === 117 ? 81 : 321;
  const d = new Cursor(await src.read(map[2], map[8] - map[2], 'variable descriptors'), map[2], h.little, src);
  d.tag('<variable_types>');
  const types = Array.from({ length: nvar }, () => newType(d.u16(), src, d.offset - 2));
  d.tag('</variable_types><varnames>');
  const names = Array.from({ length: nvar }, () => d.text(nameLen, 'variable name'));
  d.tag('</varnames><sortlist>');
  d.bytesOf((release === 119 ? 4 : 2) * (nvar + 1), 'sort list');
  d.tag('</sortlist><formats>');
  const formats = Array.from({ length: nvar }, () => d.text(fmtLen, 'format'));
  d.tag('</formats><value_label_names>');
  const labelNames = Array.from({ length: nvar }, () => d.text(nameLen, 'value label name'));
  d.tag('</value_label_names><variable_labels>');
  const varLabels = Array.from({ length: nvar }, () => d.text(vlabLen, 'variable label'));
  d.tag('</variable_labels>');
  const t = new Cursor(await src.read(map[9], 6, 'data'), map[9], h.little, src);
  t.tag('<data>');
  const dataOffset = map[9] + 6;
  const rowWidth = types.reduce((s, ty) => s + typeWidth(ty), 0);
  checkRows(src, nobs, rowWidth, dataOffset, map[10]);
  return {
    release,
    little: h.little,
    nvar,
    nobs,
    label,
    types,
    names,
    formats,
    labelNames,
    varLabels,
    dataOffset,
    rowWidth,
    labelsOffset: map[11],
    strlsOffset: map[10],
  };
}

export async function readLayout(src: ByteSource): Promise<DtaLayout> {
  if (src.size < 4) src.fail('file too short to be a Stata file', 0);
  const first = await src.read(0, 1, 'format');
  if (first[0] === 0x3c) return newLayout(src);
  if (first[0] >= 113 && first[0] <= 115) return oldLayout(src, first[0]);
  return src.fail(`not a Stata 113–119 file (format byte ${first[0]})`, 0);
}
