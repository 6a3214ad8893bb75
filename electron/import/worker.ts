/**
 * The import worker (run-in-worker.ts keeps one ready): reads files here, off the backend's thread, one
 * task at a time, so a file that makes a reader spin or swell stops only this thread, which Stop or the
 * memory cap ends. The dataset goes back with its column buffers transferred, not copied.
 */
import { parentPort } from 'node:worker_threads';
import type { Dataset } from '../../shared/model/dataset';
import { readAnyFile } from './index';
import { previewFile } from './preview';
import type { WorkerReply, WorkerTask } from './worker-protocol';

function buffersOf(ds: Dataset): ArrayBuffer[] {
  const seen = new Set<ArrayBuffer>();
  for (const c of ds.columns) {
    const b = (c.kind === 'numeric' ? c.data : c.codes).buffer;
    if (b instanceof ArrayBuffer) seen.add(b);
  }
  return [...seen];
}

function reply(m: WorkerReply, transfer: ArrayBuffer[] = []): void {
  parentPort!.postMessage(m, transfer);
}

async function run(task: WorkerTask): Promise<void> {
  try {
    if (task.op === 'preview') {
      reply({ kind: 'done', result: await previewFile(task.path, task.options) });
      return;
    }
    const ds = await readAnyFile(task.path, { ...task.options, onProgress: (progress) => reply({ kind: 'progress', progress }) });
    reply({ kind: 'done', result: ds }, buffersOf(ds));
  } catch (e) {
    const err = e as Error & { file?: string; reason?: string; offset?: number | null; line?: number | null };
    reply({
      kind: 'error',
      error: { name: err?.name ?? 'Error', message: err?.message ?? String(e), file: err?.file, reason: err?.reason, offset: err?.offset, line: err?.line },
    });
  }
}

parentPort!.on('message', (task: WorkerTask) => void run(task));
