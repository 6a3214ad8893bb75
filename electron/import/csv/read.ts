/**
 * Streaming CSV reader. Types are inferred from the first records; when a later cell contradicts an
 * inferred type the read restarts with that column as text (never silently turning a value into
 * missing). A type the user chose is kept, and a cell that does not fit it is an ImportError. When the
 * encoding was guessed as UTF-8 from the first bytes and an invalid sequence appears later, the read
 * restarts as Windows-1252; a user-chosen UTF-8 makes it an ImportError naming the byte.
 */
import { open, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Dataset, VariableMeta } from '../../../shared/model/dataset';
import { newVariable } from '../../../shared/model/dataset';
import { ImportCancelled, ImportError } from '../import-error';
import type { ImportOptions } from '../types';
import { type ColumnSink, makeSink } from './columns';
import { chunkDecoder, type CsvEncoding, firstInvalidUtf8 } from './decode';
import { columnNames, type NamedColumn } from './names';
import { CsvSyntaxError, RecordSplitter } from './records';
import { type ColumnType, type CsvOptions, type InferredColumn, inferColumn, sniffWith } from './sniff';

export interface CsvReadOptions extends ImportOptions, Partial<CsvOptions> {
  /** Per variable name (or original header text): the type to read the column as. */
  types?: Record<string, ColumnType>;
}

export interface CsvPreview {
  options: CsvOptions;
  columns: { name: string; label: string; inferredType: ColumnType }[];
  rows: string[][];
}

const CHUNK = 1 << 20;
const PREVIEW_ROWS = 50;

interface Plan {
  options: CsvOptions;
  names: NamedColumn[];
  columns: InferredColumn[];
  /** Columns whose type the user fixed. */
  fixed: Set<number>;
}

function pickCsvOptions(o: Partial<CsvOptions>): Partial<CsvOptions> {
  const out: Partial<CsvOptions> = {};
  for (const k of ['delimiter', 'decimal', 'quote', 'header', 'encoding', 'bom'] as const) {
    if (o[k] !== undefined) (out as Record<string, unknown>)[k] = o[k];
  }
  return out;
}

async function plan(path: string, given: Partial<CsvOptions>, types: Record<string, ColumnType> = {}): Promise<Plan & { rows: string[][] }> {
  const sn = await sniffWith(path, given);
  const { options, records } = sn;
  if (records.length === 0) throw new ImportError(path, 'the file holds no records');
  const width = records[0].length;
  const names = columnNames(options.header ? records[0] : null, width);
  const rows = options.header ? records.slice(1) : records;
  const fixed = new Set<number>();
  const columns = names.map((n, k) => {
    const inferred = inferColumn(
      rows.map((r) => r[k] ?? ''),
      options.decimal,
    );
    const chosen = types[n.name] ?? (n.label ? types[n.label] : undefined);
    if (!chosen || chosen === inferred.type) return inferred;
    fixed.add(k);
    return { type: chosen, dateLayout: null };
  });
  return { options, names, columns, fixed, rows };
}

export async function previewCsv(path: string, options: Partial<CsvOptions> = {}): Promise<CsvPreview> {
  const p = await plan(path, pickCsvOptions(options));
  return {
    options: p.options,
    columns: p.names.map((n, k) => ({ name: n.name, label: n.label, inferredType: p.columns[k].type })),
    rows: p.rows.slice(0, PREVIEW_ROWS),
  };
}

/** Columns whose inferred type a later cell contradicted; all are retyped in one restart. */
class Retype {
  constructor(readonly columns: Set<number>) {}
}
class BadEncoding {
  constructor(readonly offset: number) {}
}

/** Bytes of an unfinished UTF-8 character at the end of a chunk, carried to the next. */
function incompleteTail(b: Uint8Array): number {
  for (let k = 1; k <= Math.min(3, b.length); k++) {
    const c = b[b.length - k];
    if ((c & 0xc0) === 0x80) continue;
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return need > k ? k : 0;
  }
  return 0;
}

async function pass(path: string, p: Plan, o: CsvReadOptions, totalBytes: number): Promise<{ sinks: ColumnSink[]; cases: number }> {
  const { options } = p;
  const width = p.names.length;
  const sinks = p.columns.map((c) => makeSink(c.type, options.decimal, c.dateLayout));
  let cases = 0;
  let first = true;
  const retype = new Set<number>();
  const splitter = new RecordSplitter(options.delimiter, options.quote, (fields, line) => {
    if (first) {
      first = false;
      if (options.header) return;
    }
    if (fields.length !== width) {
      throw new ImportError(path, `${fields.length} fields where the header has ${width}`, { line });
    }
    for (let k = 0; k < width; k++) {
      if (sinks[k].push(fields[k])) continue;
      if (!p.fixed.has(k)) {
        // Keep reading to find every such column, so one restart fixes them all.
        retype.add(k);
        sinks[k] = makeSink('string', options.decimal, null);
        continue;
      }
      const want = p.columns[k].type === 'date' ? 'a date' : 'a number';
      throw new ImportError(path, `column ${p.names[k].name}: '${fields[k]}' is not ${want}`, { line });
    }
    cases++;
  });
  const utf8 = options.encoding === 'utf-8';
  const decoder = chunkDecoder(options.encoding);
  const fh = await open(path, 'r');
  try {
    let offset = options.bom ? (options.encoding === 'utf-8' ? 3 : 2) : 0;
    let carry = new Uint8Array(0);
    const buf = new Uint8Array(CHUNK);
    for (;;) {
      if (o.signal?.aborted) throw new ImportCancelled();
      const { bytesRead } = await fh.read(buf, 0, CHUNK, offset);
      const final = bytesRead === 0;
      const bytes = buf.subarray(0, bytesRead);
      if (utf8) {
        const all = carry.length ? concat(carry, bytes) : bytes;
        const bad = firstInvalidUtf8(all, final);
        if (bad >= 0) throw new BadEncoding(offset - carry.length + bad);
        carry = final ? new Uint8Array(0) : all.slice(all.length - incompleteTail(all));
      }
      const text = decoder.decode(bytes, final);
      splitter.push(text);
      if (final) break;
      offset += bytesRead;
      o.onProgress?.({ bytes: offset, totalBytes, cases });
    }
    splitter.end();
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new ImportError(path, e.message, { line: e.line });
    throw e;
  } finally {
    await fh.close();
  }
  if (retype.size > 0) throw new Retype(retype);
  o.onProgress?.({ bytes: totalBytes, totalBytes, cases });
  return { sinks, cases };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

export async function readCsv(path: string, o: CsvReadOptions = {}): Promise<Dataset> {
  const given = pickCsvOptions(o);
  let p: Plan = await plan(path, given, o.types);
  const totalBytes = (await stat(path)).size;
  // Each retry retypes every contradicted column at once or switches the encoding (once), so the file
  // is read at most four times, and usually once.
  for (;;) {
    try {
      const { sinks, cases } = await pass(path, p, o, totalBytes);
      return build(path, o, p, sinks, cases);
    } catch (e) {
      if (e instanceof Retype) {
        p = { ...p, columns: p.columns.map((c, k) => (e.columns.has(k) ? { type: 'string', dateLayout: null } : c)) };
        continue;
      }
      if (e instanceof BadEncoding) {
        if (given.encoding) throw new ImportError(path, 'invalid UTF-8 byte sequence', { offset: e.offset });
        const encoding: CsvEncoding = 'windows-1252';
        p = { ...(await plan(path, { ...given, encoding }, o.types)) };
        continue;
      }
      throw e;
    }
  }
}

function build(path: string, o: CsvReadOptions, p: Plan, sinks: ColumnSink[], rows: number): Dataset {
  const variables: VariableMeta[] = [];
  const columns = sinks.map((s, k) => {
    const f = s.finish();
    const type = f.column.kind === 'numeric' ? 'numeric' : 'string';
    variables.push(newVariable(p.names[k].name, type, { label: p.names[k].label, format: f.format, measure: f.measure, width: f.width }));
    return f.column;
  });
  const name = o.name ?? basename(path, extname(path));
  return { name, rows, variables, columns, weight: null, fileLabel: '', documents: [], mrSets: [] };
}
