/**
 * SPSS system file reader (.sav, .zsav): header and dictionary first, then the cases streamed into
 * typed column builders. Any malformed input ends in an ImportError naming the byte offset.
 */
import { basename, extname } from 'node:path';
import type { Column, Dataset, DatasetInfo } from '../../../shared/model/dataset';
import { ImportCancelled, ImportError } from '../import-error';
import type { ImportOptions } from '../types';
import { decodeCases } from './cases';
import { buildDictionary } from './dictionary';
import { DEFAULT_CHUNK, FileSource, memoryAccess, openFile, type RandomAccess } from './file-source';
import { readRawDictionary } from './raw-dictionary';
import { type ByteStream, ZlibStream } from './zlib-stream';

export interface SavReadOptions extends ImportOptions {
  /** Bytes read per chunk; tests use tiny chunks to exercise every boundary. */
  chunkSize?: number;
}

/**
 * The most cases a builder preallocates from a header hint before growing on demand. The hint is
 * also bounded by what the rest of the file can hold, so a lying header cannot force a big allocation.
 */
const MAX_PREALLOCATED = 1 << 26;
const MAX_PREALLOCATED_ZLIB = 1 << 20;

export async function readSav(path: string, options: SavReadOptions = {}): Promise<Dataset> {
  const label = basename(path);
  if (options.signal?.aborted) throw new ImportCancelled();
  let io: RandomAccess;
  try {
    io = await openFile(path);
  } catch (e) {
    throw new ImportError(label, `cannot open file: ${(e as Error).message}`);
  }
  return parseSav(io, label, { name: basename(path, extname(path)), ...options });
}

/**
 * Only the dictionary (variables, labels, weight, documents, sets), for previews: the case data is
 * not read, so `rows` is the header's count, or -1 when the file does not say.
 */
export async function readSavDictionary(path: string): Promise<DatasetInfo> {
  const label = basename(path);
  let io: RandomAccess;
  try {
    io = await openFile(path);
  } catch (e) {
    throw new ImportError(label, `cannot open file: ${(e as Error).message}`);
  }
  const src = new FileSource(io, label, 64 * 1024);
  try {
    const dict = buildDictionary(await readRawDictionary(src), label, src.littleEndian);
    const { variables, weight, fileLabel, documents, mrSets, caseCount } = dict;
    return { name: basename(path, extname(path)), rows: caseCount, variables, weight, fileLabel, documents, mrSets };
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError(label, `unreadable file: ${(e as Error).message}`, { offset: src.offset });
  } finally {
    await src.close();
  }
}

/** The same reader over bytes in memory (tests, fuzzing, data that never touched the disk). */
export function readSavBytes(bytes: Uint8Array, label: string, options: SavReadOptions = {}): Promise<Dataset> {
  return parseSav(memoryAccess(bytes), label, { name: label.replace(/\.z?sav$/i, ''), ...options });
}

async function parseSav(io: RandomAccess, label: string, options: SavReadOptions & { name: string }): Promise<Dataset> {
  const src = new FileSource(io, label, options.chunkSize ?? DEFAULT_CHUNK);
  try {
    return await readFrom(src, options);
  } catch (e) {
    if (e instanceof ImportError || e instanceof ImportCancelled) throw e;
    // Anything else thrown while parsing untrusted bytes is still bad input, not a crash.
    throw new ImportError(label, `unreadable file: ${(e as Error).message}`, { offset: src.offset });
  } finally {
    await src.close();
  }
}

async function readFrom(src: FileSource, options: SavReadOptions & { name: string }): Promise<Dataset> {
  const raw = await readRawDictionary(src);
  const dict = buildDictionary(raw, src.file, src.littleEndian);
  const compression = raw.header.compression;
  const stream: ByteStream = compression === 'zlib' ? await ZlibStream.open(src) : src;
  const slots = Math.max(1, dict.plan.slots);
  // Each case needs at least one byte per slot (bytecode), eight (uncompressed); zlib inflates ≤ ~1032×.
  const bound =
    compression === 'none'
      ? src.remaining / (8 * slots)
      : compression === 'bytecode'
        ? src.remaining / slots
        : Math.min(MAX_PREALLOCATED_ZLIB, (src.remaining * 1032) / slots);
  const hint = dict.caseCount >= 0 ? Math.min(dict.caseCount, bound, MAX_PREALLOCATED) : 1024;
  const decoded = await decodeCases({
    file: src.file,
    dict,
    src,
    stream,
    compressed: compression !== 'none',
    bias: raw.header.bias,
    capacity: Math.max(16, Math.floor(hint)),
    options,
  });
  const { numericVars, stringVars } = dict.plan;
  const columns: Column[] = new Array(dict.variables.length);
  numericVars.forEach((vi, i) => {
    columns[vi] = { kind: 'numeric', data: decoded.numeric[i].finish() };
  });
  stringVars.forEach((vi, i) => {
    const { codes, dict: values } = decoded.strings[i].finish();
    columns[vi] = { kind: 'string', codes, dict: values };
  });
  return {
    name: options.name,
    rows: decoded.rows,
    variables: dict.variables,
    weight: dict.weight,
    fileLabel: dict.fileLabel,
    documents: dict.documents,
    mrSets: dict.mrSets,
    columns,
  };
}
