/**
 * Reads the header and dictionary records of a system file into raw form (bytes, not yet decoded):
 * the character encoding is only known once the extension records after the variables are read.
 * Every length read from the file is checked against what is left of the file before it is used.
 */
import type { FileSource } from './file-source';

export type Compression = 'none' | 'bytecode' | 'zlib';

export interface RawHeader {
  product: Uint8Array;
  compression: Compression;
  weightIndex: number;
  caseCount: number;
  bias: number;
  fileLabel: Uint8Array;
  created: string;
}

export interface RawVariable {
  /** 0-based position among the variable records (the dictionary index minus one). */
  slot: number;
  offset: number;
  /** 0 numeric, 1..255 string width, -1 continuation of the previous string. */
  type: number;
  name: Uint8Array;
  label: Uint8Array | null;
  missingCount: number;
  /** Each missing value as its raw 8 bytes (numeric or string, decided by type). */
  missing: Uint8Array[];
  print: number;
}

export interface RawValueLabels {
  offset: number;
  labels: { value: Uint8Array; label: Uint8Array }[];
  /** 1-based dictionary indexes, from the type 4 record that follows. */
  slots: number[];
}

export interface RawExtension {
  subtype: number;
  offset: number;
  size: number;
  count: number;
  data: Uint8Array;
}

export interface RawDictionary {
  header: RawHeader;
  variables: RawVariable[];
  valueLabels: RawValueLabels[];
  documents: Uint8Array[];
  extensions: RawExtension[];
  /** File offset where the case data (or the zlib header) begins. */
  dataOffset: number;
}

/** Largest extension record accepted; real ones are far smaller, this only stops absurd lengths. */
const MAX_RECORD_BYTES = 256 * 1024 * 1024;

function copy(b: Uint8Array): Uint8Array {
  return Uint8Array.prototype.slice.call(b);
}

async function readHeader(src: FileSource): Promise<RawHeader> {
  await src.need(176, 'the file header');
  const magic = Buffer.from(src.bytes(4)).toString('latin1');
  if (magic !== '$FL2' && magic !== '$FL3') src.fail(`not an SPSS system file (magic "${magic.replace(/[^\x20-\x7e]/g, '?')}")`, 0);
  const product = copy(src.bytes(60));
  const layoutAt = src.pos;
  const le = src.view.getInt32(layoutAt, true);
  const be = src.view.getInt32(layoutAt, false);
  if (le === 2 || le === 3) src.littleEndian = true;
  else if (be === 2 || be === 3) src.littleEndian = false;
  else src.fail(`unknown layout code ${le}`, 64);
  src.skip(4);
  src.i32(); // nominal case size: recomputed from the variable records
  const compressionCode = src.i32();
  const weightIndex = src.i32();
  const caseCount = src.i32();
  const bias = src.f64();
  const created = Buffer.from(src.bytes(17)).toString('latin1');
  const fileLabel = copy(src.bytes(64));
  src.skip(3);
  let compression: Compression;
  if (compressionCode === 0) compression = 'none';
  else if (compressionCode === 1) compression = 'bytecode';
  else if (compressionCode === 2) compression = 'zlib';
  else return src.fail(`unknown compression code ${compressionCode}`, 72);
  if ((compression === 'zlib') !== (magic === '$FL3')) src.fail(`compression code ${compressionCode} does not match magic ${magic}`, 72);
  if (compression !== 'none' && !(bias > -1000 && bias < 1000 && Number.isInteger(bias))) src.fail(`invalid compression bias ${bias}`, 84);
  return { product, compression, weightIndex, caseCount, bias, fileLabel, created };
}

async function readVariable(src: FileSource, slot: number): Promise<RawVariable> {
  const offset = src.offset - 4;
  await src.need(28, 'a variable record');
  const type = src.i32();
  const hasLabel = src.i32();
  const missingCount = src.i32();
  const print = src.i32();
  src.i32(); // write format: we keep the print format only
  const name = copy(src.bytes(8));
  if (type < -1 || type > 255) src.fail(`variable record has invalid type ${type}`, offset + 4);
  let label: Uint8Array | null = null;
  if (hasLabel === 1) {
    await src.need(4, 'a variable label length');
    const len = src.i32();
    if (len < 0 || len > 65535) src.fail(`variable label length ${len} is invalid`, src.offset - 4);
    const padded = Math.ceil(len / 4) * 4;
    await src.need(padded, 'a variable label');
    label = copy(src.bytes(len));
    src.skip(padded - len);
  } else if (hasLabel !== 0) src.fail(`variable record has invalid label flag ${hasLabel}`, offset + 8);
  const n = Math.abs(missingCount);
  if (n > 3 || missingCount === -1 || (type !== 0 && missingCount < 0)) {
    src.fail(`variable record has invalid missing value count ${missingCount}`, offset + 12);
  }
  const missing: Uint8Array[] = [];
  if (n > 0) {
    await src.need(8 * n, 'missing values');
    for (let i = 0; i < n; i++) missing.push(copy(src.bytes(8)));
  }
  return { slot, offset, type, name, label, missingCount, missing, print };
}

async function readValueLabels(src: FileSource): Promise<RawValueLabels> {
  const offset = src.offset - 4;
  await src.need(4, 'a value label record');
  const count = src.i32();
  if (count < 0 || count > src.remaining / 9) src.fail(`value label count ${count} is invalid`, offset + 4);
  const labels: RawValueLabels['labels'] = [];
  for (let i = 0; i < count; i++) {
    await src.need(9, 'a value label');
    const value = copy(src.bytes(8));
    const len = src.bytes(1)[0];
    const padded = Math.ceil((len + 1) / 8) * 8 - 1;
    await src.need(padded, 'a value label');
    labels.push({ value, label: copy(src.bytes(len)) });
    src.skip(padded - len);
  }
  await src.need(8, 'the value label variables record');
  const recType = src.i32();
  if (recType !== 4) src.fail(`value labels must be followed by a type 4 record, found ${recType}`, src.offset - 4);
  const n = src.i32();
  if (n < 0 || n > src.remaining / 4) src.fail(`value label variable count ${n} is invalid`, src.offset - 4);
  await src.need(4 * n, 'the value label variables record');
  const slots: number[] = [];
  for (let i = 0; i < n; i++) slots.push(src.i32());
  return { offset, labels, slots };
}

async function readDocuments(src: FileSource): Promise<Uint8Array[]> {
  await src.need(4, 'a document record');
  const n = src.i32();
  if (n < 0 || n > src.remaining / 80) src.fail(`document line count ${n} is invalid`, src.offset - 4);
  await src.need(80 * n, 'a document record');
  const lines: Uint8Array[] = [];
  for (let i = 0; i < n; i++) lines.push(copy(src.bytes(80)));
  return lines;
}

async function readExtension(src: FileSource): Promise<RawExtension> {
  const offset = src.offset - 4;
  await src.need(12, 'an extension record header');
  const subtype = src.i32();
  const size = src.i32();
  const count = src.i32();
  const bytes = size * count;
  if (size < 0 || count < 0 || bytes > MAX_RECORD_BYTES || bytes > src.remaining) {
    src.fail(`extension record ${subtype} claims ${size} × ${count} bytes, more than the file holds`, offset + 8);
  }
  await src.need(bytes, `extension record ${subtype}`);
  return { subtype, offset, size, count, data: copy(src.bytes(bytes)) };
}

export async function readRawDictionary(src: FileSource): Promise<RawDictionary> {
  const header = await readHeader(src);
  const dict: RawDictionary = { header, variables: [], valueLabels: [], documents: [], extensions: [], dataOffset: 0 };
  for (;;) {
    await src.need(4, 'the dictionary');
    const at = src.offset;
    const recType = src.i32();
    if (recType === 2) {
      if (dict.variables.length > src.remaining / 28) src.fail('too many variable records for the file size', at);
      dict.variables.push(await readVariable(src, dict.variables.length));
    } else if (recType === 3) dict.valueLabels.push(await readValueLabels(src));
    else if (recType === 6) dict.documents.push(...(await readDocuments(src)));
    else if (recType === 7) dict.extensions.push(await readExtension(src));
    else if (recType === 999) {
      await src.need(4, 'the dictionary termination record');
      src.i32();
      break;
    } else src.fail(`unknown record type ${recType}`, at);
  }
  dict.dataOffset = src.offset;
  return dict;
}
