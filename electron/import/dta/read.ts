/**
 * Stata .dta reader (formats 113–119). The data section is read in chunks of rows with progress and
 * cancel; labels and strLs are read first or after, from their own sections.
 */
import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { NumericColumnBuilder, StringColumnBuilder } from '../../../shared/model/column-builder';
import type { Column, Dataset, VariableMeta } from '../../../shared/model/dataset';
import { newVariable, sysmisSentinel } from '../../../shared/model/dataset';
import { ImportCancelled } from '../import-error';
import type { ImportOptions } from '../types';
import { ByteSource, decodeText, openForImport } from './bytes';
import { convertFormat } from './formats';
import { type DtaLayout, readLayout, typeWidth } from './layout';
import { EXT_BASE, EXT_TOP, extLabel, numDecoder } from './missing';
import { readLabelTables, readStrls, strlLookup } from './tables';

const CHUNK = 1 << 20;

type Sink =
  | { kind: 'num'; b: NumericColumnBuilder; decode: ReturnType<typeof numDecoder>; ext: Set<number>; floating: boolean }
  | { kind: 'str'; b: StringColumnBuilder; width: number; strl: boolean };

function makeSinks(l: DtaLayout, capacity: number): Sink[] {
  return l.types.map((t) => {
    if (t.kind === 'str' || t.kind === 'strl') {
      return { kind: 'str', b: new StringColumnBuilder(capacity), width: t.kind === 'str' ? t.width : 0, strl: t.kind === 'strl' };
    }
    return {
      kind: 'num',
      b: new NumericColumnBuilder(capacity),
      decode: numDecoder(t, l.little),
      ext: new Set<number>(),
      floating: t.kind === 'float' || t.kind === 'double',
    };
  });
}

async function readRows(src: ByteSource, l: DtaLayout, sinks: Sink[], o: ImportOptions, lookup: ReturnType<typeof strlLookup>): Promise<void> {
  const offsets: number[] = [];
  let acc = 0;
  for (const t of l.types) {
    offsets.push(acc);
    acc += typeWidth(t);
  }
  const rowsPerChunk = Math.max(1, Math.floor(CHUNK / Math.max(1, l.rowWidth)));
  const dec = new TextDecoder('utf-8');
  for (let row = 0; row < l.nobs; row += rowsPerChunk) {
    if (o.signal?.aborted) throw new ImportCancelled();
    const n = Math.min(rowsPerChunk, l.nobs - row);
    const base = l.dataOffset + row * l.rowWidth;
    const bytes = await src.read(base, n * l.rowWidth, 'data');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let r = 0; r < n; r++) {
      const rowStart = r * l.rowWidth;
      for (let k = 0; k < sinks.length; k++) {
        const s = sinks[k];
        const pos = rowStart + offsets[k];
        if (s.kind === 'num') {
          const v = s.decode(view, pos);
          if (v >= EXT_BASE && v <= EXT_TOP) {
            // Integer storage only produces these codes for .a–.z; for floats they could be data.
            if (s.floating && Number.isInteger(v) && !isExtBits(view, pos, l, k)) {
              src.fail(`variable ${l.names[k]}: value ${v} collides with the codes used for .a–.z`, base + pos);
            }
            s.ext.add(v);
          }
          s.b.push(v);
        } else if (s.strl) {
          const text = lookup(view, pos);
          if (text === undefined) src.fail(`strL reference in ${l.names[k]} has no stored string`, base + pos);
          s.b.push(text);
        } else {
          const field = bytes.subarray(pos, pos + s.width);
          let end = field.indexOf(0);
          if (end < 0) end = field.length;
          let ascii = true;
          for (let i = 0; i < end; i++) if (field[i] >= 0x80) ascii = false;
          s.b.push(ascii ? dec.decode(field.subarray(0, end)) : decodeText(field));
        }
      }
    }
    o.onProgress?.({ bytes: base + n * l.rowWidth, totalBytes: src.size, cases: row + n });
  }
}

/** True when a float/double cell holds one of Stata's extended-missing bit patterns (not a plain number). */
function isExtBits(view: DataView, pos: number, l: DtaLayout, k: number): boolean {
  if (l.types[k].kind === 'float') return view.getUint32(pos, l.little) >= 0x7f000000;
  return view.getUint32(l.little ? pos + 4 : pos, l.little) >= 0x7fe00000;
}

function finish(l: DtaLayout, sinks: Sink[], tables: Map<string, Record<string, string>>): { variables: VariableMeta[]; columns: Column[] } {
  const variables: VariableMeta[] = [];
  const columns: Column[] = [];
  sinks.forEach((s, k) => {
    const name = l.names[k];
    const label = l.varLabels[k];
    if (s.kind === 'str') {
      const { codes, dict } = s.b.finish();
      let width = s.width;
      if (s.strl) for (const d of dict) width = Math.max(width, Buffer.byteLength(d, 'utf8'));
      width = Math.max(1, width);
      variables.push(newVariable(name, 'string', { label, width, format: { type: 'A', width, decimals: 0 }, measure: 'nominal' }));
      columns.push({ kind: 'string', codes, dict });
      return;
    }
    let data = s.b.finish();
    const conv = convertFormat(l.formats[k], !s.floating);
    if (conv.convert) {
      const f = conv.convert;
      const out = new Float64Array(data.length);
      const sentinel = sysmisSentinel(data);
      for (let i = 0; i < data.length; i++) {
        const v = data[i];
        out[i] = v === sentinel || v !== v ? NaN : v >= EXT_BASE && v <= EXT_TOP ? v : f(v);
      }
      data = out;
    }
    const valueLabels: Record<string, string> = { ...(tables.get(l.labelNames[k]) ?? {}) };
    const extCodes = new Set([
      ...s.ext,
      ...Object.keys(valueLabels)
        .map(Number)
        .filter((c) => c >= EXT_BASE && c <= EXT_TOP),
    ]);
    for (const c of s.ext) if (valueLabels[String(c)] === undefined) valueLabels[String(c)] = extLabel(c);
    const hasLabels = Object.keys(valueLabels).some((c) => Number(c) < EXT_BASE);
    variables.push(
      newVariable(name, 'numeric', {
        label,
        format: conv.format,
        valueLabels,
        measure: hasLabels ? 'nominal' : 'scale',
        missing: { values: [], range: extCodes.size > 0 ? [EXT_BASE, EXT_TOP] : null },
      }),
    );
    columns.push({ kind: 'numeric', data });
  });
  return { variables, columns };
}

export async function readDta(path: string, o: ImportOptions = {}): Promise<Dataset> {
  if (o.signal?.aborted) throw new ImportCancelled();
  const fh = await openForImport(path);
  try {
    const src = new ByteSource(path, fh, (await stat(path)).size);
    const l = await readLayout(src);
    const strls = await readStrls(src, l);
    const tables = await readLabelTables(src, l);
    const sinks = makeSinks(l, Math.min(l.nobs, 1 << 20));
    await readRows(src, l, sinks, o, strlLookup(l, strls));
    const { variables, columns } = finish(l, sinks, tables);
    return {
      name: o.name ?? basename(path, extname(path)),
      rows: l.nobs,
      variables,
      columns,
      weight: null,
      fileLabel: l.label,
      documents: [],
      mrSets: [],
    };
  } finally {
    await fh.close();
  }
}
