/**
 * Compression of the package's parts, off the thread that builds them: a worker computes the CRC-32
 * and deflates while the writer goes on with the next sheet. Where no worker can be started the same work runs inline. A part is compressed whole
 * (`finish`), or as one chunk of a longer entry that ends on a sync flush (`sync`, see zip.ts); the
 * CRC runs on over an entry's chunks.
 */
import { Worker } from 'node:worker_threads';
import zlib from 'node:zlib';

export interface Compressed {
  body: Buffer;
  /** CRC-32 of the entry's uncompressed bytes up to and including this chunk. */
  crc: number;
  /** Uncompressed bytes of this chunk. */
  size: number;
}

export interface Deflater {
  /** `entry` numbers the zip entry (its chunks keep one running CRC); `first` starts it. */
  compress(entry: number, first: boolean, data: Uint8Array, last: boolean): Promise<Compressed>;
  stop(): Promise<void>;
}

function deflateBytes(bytes: Uint8Array, level: number, last: boolean, crc: number): Compressed {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const finishFlush = last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH;
  return { body: zlib.deflateRawSync(data, { level, finishFlush }), crc: zlib.crc32(data, crc), size: data.length };
}

/** The same work on the calling thread (no worker, or a test of the zip alone). */
export function inlineDeflater(level: number): Deflater {
  const crcs = new Map<number, number>();
  return {
    compress(entry, first, data, last) {
      try {
        const out = deflateBytes(data, level, last, first ? 0 : (crcs.get(entry) ?? 0));
        if (last) crcs.delete(entry);
        else crcs.set(entry, out.crc);
        return Promise.resolve(out);
      } catch (e) {
        return Promise.reject(e instanceof Error ? e : new Error(String(e)));
      }
    },
    stop: () => Promise.resolve(),
  };
}

// Plain JavaScript: evaluated as the worker's script, so it needs no bundling of its own.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const zlib = require('node:zlib');
const level = workerData.level;
const crcs = new Map();
parentPort.on('message', (m) => {
  try {
    const data = Buffer.from(m.data.buffer, m.data.byteOffset, m.data.byteLength);
    const crc = zlib.crc32(data, m.first ? 0 : (crcs.get(m.entry) || 0));
    if (m.last) crcs.delete(m.entry); else crcs.set(m.entry, crc);
    const out = zlib.deflateRawSync(data, { level, finishFlush: m.last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH });
    // A buffer of its own, so moving it moves nothing else.
    const body = out.byteOffset === 0 && out.byteLength === out.buffer.byteLength ? out : Uint8Array.prototype.slice.call(out);
    parentPort.postMessage({ id: m.id, body, crc, size: data.length }, [body.buffer]);
  } catch (e) {
    parentPort.postMessage({ id: m.id, error: String(e && e.message || e) });
  }
});
`;

interface Reply {
  id: number;
  body?: Uint8Array;
  crc?: number;
  size?: number;
  error?: string;
}

/** A worker thread that compresses (inline work if no worker can be started); if it dies, every part waiting fails. */
export function workerDeflater(level: number): Deflater {
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { level } });
  } catch {
    return inlineDeflater(level);
  }
  // Never keeps the process alive: a cancelled book leaves no thread behind.
  worker.unref();
  let next = 0;
  let broken: Error | null = null;
  const waiting = new Map<number, { resolve: (c: Compressed) => void; reject: (e: Error) => void }>();
  const failAll = (e: Error) => {
    broken ??= e;
    for (const w of waiting.values()) w.reject(broken);
    waiting.clear();
  };
  worker.on('message', (r: Reply) => {
    const w = waiting.get(r.id);
    if (!w) return;
    waiting.delete(r.id);
    if (r.error !== undefined || !r.body) w.reject(new Error(`compression failed: ${r.error ?? 'no data'}`));
    else w.resolve({ body: Buffer.from(r.body.buffer, r.body.byteOffset, r.body.byteLength), crc: r.crc!, size: r.size! });
  });
  worker.on('error', (e) => failAll(e));
  worker.on('exit', (code) => failAll(new Error(`compression thread stopped (${code})`)));
  return {
    compress(entry, first, data, last) {
      if (broken) return Promise.reject(broken);
      const id = next++;
      // A buffer the writer owns whole moves to the worker without a copy; a view of a shared one
      // (Node's pool of small buffers) is copied.
      const own = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength && data.buffer instanceof ArrayBuffer;
      return new Promise<Compressed>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, entry, first, data, last }, own ? [data.buffer as ArrayBuffer] : []);
      });
    },
    async stop() {
      broken ??= new Error('compression thread stopped');
      await worker.terminate();
    },
  };
}
