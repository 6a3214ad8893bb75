/** Messages between the backend and the import worker (worker.ts, run-in-worker.ts). */
import type { ImportPreview, ReadOptions } from '../../shared/api/import';
import type { Dataset } from '../../shared/model/dataset';
import type { ImportProgress } from './types';

export type WorkerTask = { op: 'preview'; path: string; options: ReadOptions } | { op: 'read'; path: string; options: ReadOptions & { name?: string } };

export interface WorkerError {
  name: string;
  message: string;
  file?: string;
  reason?: string;
  offset?: number | null;
  line?: number | null;
}

export type WorkerReply =
  { kind: 'progress'; progress: ImportProgress } | { kind: 'done'; result: ImportPreview | Dataset } | { kind: 'error'; error: WorkerError };
