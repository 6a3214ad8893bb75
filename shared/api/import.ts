import { z } from 'zod';
import { call } from './contract';
import type { DatasetInfo } from '../model/dataset';
import type { MrSetRecipeReport } from '../model/mr-set';
import type { DatasetSummary } from './project';

/** What `import.run`'s job ends with: the stored dataset, and what became of the project's set recipes. */
export type ImportSummary = DatasetSummary & { mrSets?: MrSetRecipeReport };

export interface ImportPreview {
  format: string;
  /** For text files: the sniffed options, columns with inferred types and the first rows. */
  csv?: { options: Record<string, unknown>; columns: { name: string; inferredType: string }[]; rows: string[][] };
  /** For the other formats: the dictionary as read. */
  dictionary?: Omit<DatasetInfo, 'name'>;
  /** For Excel: the workbook's sheet names, in order. */
  sheets?: string[];
}

const path = z.string().min(1).max(4096);

/**
 * What the user may set instead of what the reader detects: the text-file settings (encoding,
 * delimiter, decimal sign, header line) and, for Excel, the sheet and the row holding the names.
 */
export const readOptionsSchema = z
  .object({
    encoding: z.enum(['utf-8', 'windows-1252', 'utf-16le', 'utf-16be']).optional(),
    delimiter: z.enum([',', ';', '\t', '|']).optional(),
    decimal: z.enum(['.', ',']).optional(),
    header: z.boolean().optional(),
    sheet: z.union([z.string().min(1).max(255), z.number().int().min(1)]).optional(),
    headerRow: z.number().int().min(0).max(1000).optional(),
  })
  .strict();
export type ReadOptions = z.infer<typeof readOptionsSchema>;

export const importSection = {
  /** `previewId`: chosen by the caller, so that `job.cancel` with it stops a preview that takes too long. */
  'import.preview': call<ImportPreview>()(z.object({ path, options: readOptionsSchema.optional(), previewId: z.string().min(1).max(64).optional() })),
  /** Starts an import; progress arrives as `job.progress`, the end as `job.done`. */
  'import.run': call<{ jobId: string }>()(
    z.object({
      path,
      name: z
        .string()
        .min(1)
        .max(128)
        .regex(/^[\p{L}\p{N}_]+$/u)
        .optional(),
      replace: z.boolean().default(false),
      options: readOptionsSchema.optional(),
    }),
  ),
  'job.cancel': call<{ cancelled: boolean }>()(z.object({ jobId: z.string().min(1).max(64) })),
};
