/**
 * Turns the raw records into the dataset's metadata: joins very long string segments into one
 * variable, applies long names, labels, missing values, display parameters, roles and multiple
 * response sets, and builds the per-slot case plan the data decoder follows.
 */
import type { Code, MissingSpec, MultipleResponseSet, PrintFormat, Role, VariableMeta } from '../../../shared/model/dataset';
import { ImportError } from '../import-error';
import { ALIGNMENTS, codePageLabel, FORMAT_NAMES, MAX_STRING_WIDTH, MEASURES, segmentCount, slotsFor } from './constants';
import { parseAttributes, parseDisplay, parseLongStringLabels, parseLongStringMissing, parseMrSets, parsePairs } from './extensions';
import { type CasePlan, planCase, type SegmentVar, type VarLayout } from './layout';
import type { RawDictionary, RawExtension, RawVariable } from './raw-dictionary';
import { TextCodec } from './text';

export interface SavDictionary {
  variables: VariableMeta[];
  weight: string | null;
  fileLabel: string;
  documents: string[];
  mrSets: MultipleResponseSet[];
  plan: CasePlan;
  codec: TextCodec;
  /** Case count from the header (or the 64-bit count record); -1 when unknown. Only a hint. */
  caseCount: number;
}

const ROLE_CODES: Record<string, Role> = { '0': 'input', '1': 'input', '2': 'input', '3': 'none', '4': 'input', '5': 'input' };

function formatOf(word: number): PrintFormat {
  const type = FORMAT_NAMES[(word >>> 16) & 0xff] ?? 'F';
  return { type, width: (word >>> 8) & 0xff, decimals: word & 0xff };
}

function chooseEncoding(raw: RawDictionary, file: string, le: boolean): string {
  const enc = raw.extensions.find((e) => e.subtype === 20);
  if (enc) {
    const name = Buffer.from(enc.data)
      .toString('latin1')
      .replace(/[\0 ]+$/, '');
    if (name) return name;
  }
  const info = raw.extensions.find((e) => e.subtype === 3 && e.size === 4 && e.count === 8);
  if (info) {
    const v = new DataView(info.data.buffer, info.data.byteOffset, 32);
    const cp = v.getInt32(28, le);
    const label = codePageLabel(cp);
    if (label) return label;
    if (cp !== 0 && cp !== -1) throw new ImportError(file, `unsupported character code ${cp}`, { offset: info.offset + 16 + 28 });
  }
  return 'windows-1252';
}

/** Groups variable records into segment variables (one per non-continuation record). */
function segmentVars(raw: RawDictionary, fail: (r: string, o: number) => never): SegmentVar[] {
  const segs: SegmentVar[] = [];
  const vs = raw.variables;
  for (let i = 0; i < vs.length;) {
    const v = vs[i];
    if (v.type === -1) fail('continuation variable record without a string variable before it', v.offset);
    const n = slotsFor(v.type);
    for (let k = 1; k < n; k++) {
      if (i + k >= vs.length || vs[i + k].type !== -1) fail(`string variable of width ${v.type} lacks continuation records`, v.offset);
    }
    segs.push({ slot: i, width: v.type, nameBytesIndex: i });
    i += n;
  }
  return segs;
}

export function buildDictionary(raw: RawDictionary, file: string, le: boolean): SavDictionary {
  function fail(reason: string, offset: number): never {
    throw new ImportError(file, reason, { offset });
  }
  const codec = new TextCodec(chooseEncoding(raw, file, le), file);
  const ext = (sub: number): RawExtension[] => raw.extensions.filter((e) => e.subtype === sub);
  const segs = segmentVars(raw, fail);
  const rv = (s: SegmentVar): RawVariable => raw.variables[s.nameBytesIndex];
  const shortNames = segs.map((s) => codec.decodeTrimmed(rv(s).name, rv(s).offset + 24).toUpperCase());

  // Very long strings: the first segment names the variable and the total width.
  const vls = new Map<string, number>();
  for (const rec of ext(14)) {
    for (const [k, w] of parsePairs(rec, codec)) {
      const width = Number(w);
      if (!Number.isInteger(width) || width < 1 || width > MAX_STRING_WIDTH) fail(`very long string width "${w}" is invalid`, rec.offset);
      vls.set(k, width);
    }
  }
  const layouts: VarLayout[] = [];
  for (let i = 0; i < segs.length;) {
    const s = segs[i];
    const w = vls.get(shortNames[i]);
    if (w !== undefined && w > 255) {
      const n = segmentCount(w);
      if (s.width === 0 || i + n > segs.length) fail(`very long string ${shortNames[i]} needs ${n} segments`, rv(s).offset);
      for (let k = 1; k < n; k++) if (segs[i + k].width === 0) fail(`very long string ${shortNames[i]} has a numeric segment`, rv(segs[i + k]).offset);
      layouts.push({ type: 'string', width: w, segments: Array.from({ length: n }, (_, k) => i + k) });
      i += n;
    } else {
      layouts.push({ type: s.width === 0 ? 'numeric' : 'string', width: s.width, segments: [i] });
      i++;
    }
  }

  const longNames = new Map<string, string>();
  for (const rec of ext(13)) for (const [k, v] of parsePairs(rec, codec)) longNames.set(k, v);

  const variables: VariableMeta[] = layouts.map((l) => {
    const first = rv(segs[l.segments[0]]);
    const short = shortNames[l.segments[0]];
    const missing: MissingSpec = { values: [], range: null };
    const dv = (b: Uint8Array): number => normalizeDouble(new DataView(b.buffer, b.byteOffset, 8).getFloat64(0, le));
    if (l.type === 'numeric') {
      const m = first.missing;
      if (first.missingCount < 0) {
        missing.range = [dv(m[0]), dv(m[1])];
        if (first.missingCount === -3) missing.values.push(dv(m[2]));
      } else for (const b of m) missing.values.push(dv(b));
    } else {
      for (const b of first.missing) missing.values.push(codec.decodeTrimmed(b, first.offset));
    }
    const format = formatOf(first.print);
    return {
      name: longNames.get(short) ?? short,
      label: first.label ? codec.decode(first.label, first.offset + 36) : '',
      type: l.type,
      width: l.type === 'string' ? l.width : 0,
      measure: l.type === 'string' ? 'nominal' : 'scale',
      format: l.type === 'string' ? { type: 'A', width: l.width, decimals: 0 } : format,
      valueLabels: {},
      missing,
      role: 'input',
    };
  });

  // Lookup by long name or short name, case-insensitively (records differ in which they use).
  const byName = new Map<string, number>();
  variables.forEach((v, i) => {
    byName.set(shortNames[layouts[i].segments[0]], i);
    byName.set(v.name.toUpperCase(), i);
  });
  const slotToVar = new Map<number, number>();
  layouts.forEach((l, i) => slotToVar.set(segs[l.segments[0]].slot + 1, i));

  for (const set of raw.valueLabels) {
    for (const slot of set.slots) {
      const vi = slotToVar.get(slot);
      if (vi === undefined) fail(`value labels refer to dictionary index ${slot}, which is not a variable`, set.offset);
      const v = variables[vi];
      for (const { value, label } of set.labels) {
        const key: Code =
          v.type === 'numeric' ? normalizeDouble(new DataView(value.buffer, value.byteOffset, 8).getFloat64(0, le)) : codec.decodeTrimmed(value, set.offset);
        v.valueLabels[String(key)] = codec.decode(label, set.offset);
      }
    }
  }
  for (const rec of ext(21)) {
    for (const entry of parseLongStringLabels(rec, le, codec, fail)) {
      const vi = byName.get(entry.name.toUpperCase());
      if (vi === undefined || variables[vi].type !== 'string') continue;
      for (const l of entry.labels) variables[vi].valueLabels[codec.decodeTrimmed(l.value, l.valueOffset)] = l.label;
    }
  }
  for (const rec of ext(22)) {
    for (const entry of parseLongStringMissing(rec, le, codec, fail)) {
      const vi = byName.get(entry.name.toUpperCase());
      if (vi === undefined || variables[vi].type !== 'string') continue;
      variables[vi].missing = { values: entry.values.map((m) => codec.decodeTrimmed(m.bytes, m.offset)), range: null };
    }
  }
  for (const rec of ext(11)) {
    // SPSS and PSPP write one entry per segment; some writers one per variable.
    const d = parseDisplay(rec, le, [segs.length, variables.length], fail);
    if (!d) continue;
    variables.forEach((v, i) => {
      const p = d.params[d.per === segs.length ? layouts[i].segments[0] : i];
      if (p.measure >= 1 && p.measure <= 3) v.measure = MEASURES[p.measure - 1];
      if (p.width !== null && p.width >= 0) v.displayWidth = p.width;
      if (p.alignment >= 0 && p.alignment <= 2) v.alignment = ALIGNMENTS[p.alignment];
    });
  }
  for (const rec of ext(18)) {
    for (const [name, attrs] of parseAttributes(rec, codec)) {
      const vi = byName.get(name);
      const role = attrs.get('$@Role')?.[0];
      if (vi !== undefined && role !== undefined && ROLE_CODES[role]) variables[vi].role = ROLE_CODES[role];
    }
  }

  let weight: string | null = null;
  const wi = raw.header.weightIndex;
  if (wi !== 0) {
    const vi = slotToVar.get(wi);
    if (vi === undefined || variables[vi].type !== 'numeric') fail(`weight index ${wi} is not a numeric variable`, 80);
    weight = variables[vi].name;
    variables[vi].role = 'weight';
  }

  const mrSets: MultipleResponseSet[] = [];
  for (const rec of [...ext(7), ...ext(19)]) {
    for (const m of parseMrSets(rec, codec, fail)) {
      const names = m.variables.map((n) => {
        const vi = byName.get(n.toUpperCase());
        return vi === undefined ? n : variables[vi].name;
      });
      const numeric = names.length > 0 && variables[byName.get(names[0].toUpperCase()) ?? -1]?.type === 'numeric';
      const set: MultipleResponseSet = { name: m.name, label: m.label, type: m.kind === 'C' ? 'categories' : 'dichotomies', variables: names };
      if (m.countedValue !== null) set.countedValue = numeric ? Number(m.countedValue) : m.countedValue;
      mrSets.push(set);
    }
  }

  let caseCount = raw.header.caseCount;
  const c64 = ext(16).find((e) => e.size === 8 && e.count === 2);
  if (c64) caseCount = Number(new DataView(c64.data.buffer, c64.data.byteOffset, 16).getBigInt64(8, le));

  return {
    variables,
    weight,
    fileLabel: codec.decodeTrimmed(raw.header.fileLabel, 92),
    documents: raw.documents.map((d) => codec.decodeTrimmed(d, null)),
    mrSets,
    plan: planCase(layouts, segs, raw.variables.length),
    codec,
    caseCount,
  };
}

/** -DBL_MAX (SYSMIS) and the next value up (LOWEST) both mean "lowest" in a missing range. */
export function normalizeDouble(v: number): number {
  if (v !== v) return v;
  if (v <= -1.7976931348623155e308) return -Number.MAX_VALUE;
  return v;
}
