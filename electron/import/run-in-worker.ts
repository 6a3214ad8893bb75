/**
 * Runs an import preview or a file read in a worker thread (worker.ts), so that the backend stays
 * responsive whatever the file does: Stop (the AbortSignal) terminates the worker at once, even inside
 * a loop that never yields, and the worker's heap is capped, so a file that makes a reader swell ends
 * that worker with a clear ImportError instead of the host. Typed-array column data lives outside the
 * capped heap (it is counted against the machine, not the cap), so large imports are not cut short.
 */
import { existsSync } from 'node:fs';
import { totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { ImportPreview, ReadOptions } from '../../shared/api/import';
import type { Dataset } from '../../shared/model/dataset';
import { ImportCancelled, ImportError } from './import-error';
import type { ImportProgress } from './types';
import type { WorkerReply, WorkerTask } from './worker-protocol';

/** Half the machine's memory, at most 4 GB, at least 512 MB: what a reader's objects may take. */
export function defaultHeapCapMb(): number {
  return Math.max(512, Math.min(4096, Math.floor(totalmem() / 1048576 / 2)));
}

/** The worker script: the bundled one beside the Electron build, else the TypeScript source through tsx. */
function workerScript(): URL {
  const bundled = new URL('./import-worker.mjs', import.meta.url);
  if (!existsSync(fileURLToPath(bundled))) return new URL('./worker-dev.mjs', import.meta.url);
  // Packaged: a worker cannot start from inside app.asar; electron-builder.yml unpacks it beside it.
  const unpacked = new URL(bundled.href.replace('/app.asar/', '/app.asar.unpacked/'));
  return unpacked.href !== bundled.href && existsSync(fileURLToPath(unpacked)) ? unpacked : bundled;
}

export interface WorkerRunOptions {
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
  /** Heap cap of the worker in MB (default: defaultHeapCapMb()). */
  heapMb?: number;
}

/** A worker and whoever is waiting on it: its listeners are attached once and pass events on. */
interface Slot {
  worker: Worker;
  heap: number;
  onMessage: ((m: WorkerReply) => void) | null;
  onFailure: ((err: Error & { code?: string }) => void) | null;
}

function spawnSlot(heap: number): Slot {
  const resourceLimits: ResourceLimits = { maxOldGenerationSizeMb: heap, maxYoungGenerationSizeMb: Math.min(64, Math.max(16, Math.floor(heap / 8))) };
  const slot: Slot = { worker: new Worker(workerScript(), { resourceLimits, stdout: false, stderr: false }), heap, onMessage: null, onFailure: null };
  slot.worker.on('message', (m: WorkerReply) => slot.onMessage?.(m));
  slot.worker.on('error', (err: Error) => {
    if (idle === slot) idle = null;
    slot.onFailure?.(err);
  });
  slot.worker.on('exit', (code) => {
    if (idle === slot) idle = null;
    slot.onFailure?.(new Error(`exit ${code}`));
  });
  return slot;
}

/**
 * One worker is kept ready between tasks (starting one costs a second under tsx): a preview after a
 * settings change then answers at once. A worker that was stopped or ran out of memory is never reused.
 */
let idle: Slot | null = null;

function take(heap: number): Slot {
  if (idle && idle.heap === heap) {
    const slot = idle;
    idle = null;
    slot.worker.ref();
    return slot;
  }
  return spawnSlot(heap);
}

function giveBack(slot: Slot): void {
  slot.onMessage = null;
  slot.onFailure = null;
  if (idle) {
    void slot.worker.terminate();
    return;
  }
  // An idle worker must not keep the command line or a test run alive.
  slot.worker.unref();
  idle = slot;
}

function run<T>(task: WorkerTask, o: WorkerRunOptions): Promise<T> {
  if (o.signal?.aborted) return Promise.reject(new ImportCancelled());
  const heap = o.heapMb ?? defaultHeapCapMb();
  const slot = take(heap);
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (f: () => void, reusable: boolean) => {
      if (settled) return;
      settled = true;
      o.signal?.removeEventListener('abort', onAbort);
      f();
      if (reusable) giveBack(slot);
      else {
        slot.onMessage = null;
        slot.onFailure = null;
        void slot.worker.terminate();
      }
    };
    const onAbort = () => finish(() => reject(new ImportCancelled()), false);
    o.signal?.addEventListener('abort', onAbort, { once: true });
    slot.onMessage = (m) => {
      if (m.kind === 'progress') o.onProgress?.(m.progress);
      else if (m.kind === 'done') finish(() => resolve(m.result as T), true);
      else
        finish(() => {
          const e = m.error;
          if (e.name === 'ImportError' && e.file !== undefined) {
            reject(new ImportError(e.file, e.reason ?? e.message, { offset: e.offset ?? undefined, line: e.line ?? undefined }));
          } else if (e.name === 'ImportCancelled') reject(new ImportCancelled());
          else reject(new ImportError(task.path, e.message));
        }, true);
    };
    slot.onFailure = (err) =>
      finish(
        () =>
          reject(
            err.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? new ImportError(task.path, `reading the file needed more than ${heap} MB of working memory, more than this import may take`)
              : new ImportError(task.path, `the reader stopped: ${err.message}`),
          ),
        false,
      );
    slot.worker.postMessage(task);
  });
}

export function previewInWorker(path: string, options: ReadOptions, o: WorkerRunOptions = {}): Promise<ImportPreview> {
  return run<ImportPreview>({ op: 'preview', path, options }, o);
}

export function readInWorker(path: string, options: ReadOptions & { name?: string }, o: WorkerRunOptions = {}): Promise<Dataset> {
  return run<Dataset>({ op: 'read', path, options }, o);
}
