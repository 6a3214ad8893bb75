import { z } from 'zod';
import { call } from './contract';
import type { DatasetInfo } from '../model/dataset';

export interface ImportPreview {
  format: string;
  /** For text files: the sniffed options, columns with inferred types and the first rows. */
  csv?: { options: Record<string, unknown>; columns: { name: string; inferredType: string }[]; rows: string[][] };
  /** For the other formats: the dictionary as read. */
  dictionary?: Omit<DatasetInfo, 'name'>;
}

const path = z.string().min(1).max(4096);

export const importSection = {
  'import.preview': call<ImportPreview>()(z.object({ path })),
  /** Starts an import; progress arrives as `job.progress`, the end as `job.done`. */
  'import.run': call<{ jobId: string }>()(
    z.object({ path, name: z.string().min(1).max(128).regex(/^[\p{L}\p{N}_]+$/u).optional(), replace: z.boolean().default(false) }),
  ),
  'job.cancel': call<{ cancelled: boolean }>()(z.object({ jobId: z.string().min(1).max(64) })),
};
