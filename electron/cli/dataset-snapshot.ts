/**
 * A dataset as one file, for caches: "DUIDSNAP", the header's length (uint32 LE), the header (JSON: the
 * metadata and each column's storage and place), then each column's raw little-endian typed-array
 * bytes at an 8-byte boundary. Reading it back is one read and a copy per column, no parsing of values.
 */
import { allocate, storageName, type StorageName } from '../store/column-codec';
import type { Column, Dataset, DatasetInfo } from '../../shared/model/dataset';

const MAGIC = 'DUIDSNAP';

interface ColumnPlace {
  storage: StorageName;
  offset: number;
  bytes: number;
  dict?: string[];
}

interface Header {
  info: DatasetInfo;
  columns: ColumnPlace[];
}

const pad8 = (n: number) => (n + 7) & ~7;

export function encodeSnapshot(ds: Dataset): Buffer {
  const { columns, ...info } = ds;
  const places: ColumnPlace[] = [];
  let offset = 0;
  for (const col of columns) {
    const arr = col.kind === 'string' ? col.codes : col.data;
    places.push({ storage: storageName(col), offset, bytes: arr.byteLength, ...(col.kind === 'string' ? { dict: col.dict } : {}) });
    offset = pad8(offset + arr.byteLength);
  }
  const header = Buffer.from(JSON.stringify({ info, columns: places } satisfies Header), 'utf8');
  const start = pad8(MAGIC.length + 4 + header.length);
  const out = Buffer.alloc(start + offset);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(header.length, MAGIC.length);
  header.copy(out, MAGIC.length + 4);
  columns.forEach((col, i) => {
    const arr = col.kind === 'string' ? col.codes : col.data;
    out.set(new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength), start + places[i].offset);
  });
  return out;
}

/** The dataset in `buf`; throws on anything that is not a whole snapshot (the caller then remakes it). */
export function decodeSnapshot(buf: Buffer): Dataset {
  if (buf.length < MAGIC.length + 4 || buf.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error('not a dataset snapshot');
  const headerLength = buf.readUInt32LE(MAGIC.length);
  const header = JSON.parse(buf.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + headerLength)) as Header;
  const start = pad8(MAGIC.length + 4 + headerLength);
  const columns = header.columns.map((p): Column => {
    const from = start + p.offset;
    if (from + p.bytes > buf.length) throw new Error('dataset snapshot is cut short');
    const target = allocate(p.storage, p.bytes / allocate(p.storage, 0).BYTES_PER_ELEMENT);
    new Uint8Array(target.buffer).set(buf.subarray(from, from + p.bytes));
    return p.storage === 'strcodes' ? { kind: 'string', codes: target as Int32Array, dict: p.dict ?? [] } : { kind: 'numeric', data: target };
  });
  if (columns.length !== header.info.variables.length) throw new Error('dataset snapshot has a column too many or too few');
  return { ...header.info, columns };
}
