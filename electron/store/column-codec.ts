/**
 * Column chunks ⇄ BLOBs. A column is cut into blocks of CHUNK_ROWS rows; each block is stored as the raw
 * little-endian bytes of its typed array, so loading a variable is one sequential read and a copy.
 */
import type { Column, NumericStorage } from '../../shared/model/dataset';

export const CHUNK_ROWS = 65536;

export type StorageName = 'int8' | 'int16' | 'int32' | 'float64' | 'strcodes';

export function storageName(col: Column): StorageName {
  if (col.kind === 'string') return 'strcodes';
  const d = col.data;
  if (d instanceof Int8Array) return 'int8';
  if (d instanceof Int16Array) return 'int16';
  if (d instanceof Int32Array) return 'int32';
  return 'float64';
}

function bytesOf(arr: NumericStorage | Int32Array, start: number, end: number): Buffer {
  const view = arr.subarray(start, end);
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}

/** Yields [chunkIndex, bytes] for each block of the column. */
export function* encodeChunks(col: Column, rows: number): Generator<[number, Buffer]> {
  const arr = col.kind === 'string' ? col.codes : col.data;
  for (let c = 0, start = 0; start < rows || (rows === 0 && c === 0); c++, start += CHUNK_ROWS) {
    yield [c, bytesOf(arr, start, Math.min(rows, start + CHUNK_ROWS))];
    if (rows === 0) break;
  }
}

export function allocate(storage: StorageName, rows: number): NumericStorage | Int32Array {
  switch (storage) {
    case 'int8':
      return new Int8Array(rows);
    case 'int16':
      return new Int16Array(rows);
    case 'int32':
    case 'strcodes':
      return new Int32Array(rows);
    case 'float64':
      return new Float64Array(rows);
  }
}

/** Copies one stored block into place; throws if the block does not fit (a damaged project file). */
export function placeChunk(target: NumericStorage | Int32Array, chunk: number, data: Buffer): void {
  const bytesPer = target.BYTES_PER_ELEMENT;
  const offset = chunk * CHUNK_ROWS * bytesPer;
  if (data.byteLength % bytesPer !== 0 || offset + data.byteLength > target.byteLength) {
    throw new Error(`Damaged project: column chunk ${chunk} has ${data.byteLength} bytes, which does not fit`);
  }
  new Uint8Array(target.buffer, target.byteOffset + offset, data.byteLength).set(data);
}
