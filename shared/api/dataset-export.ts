import { z } from 'zod';
import { call } from './contract';

/** Saving a dataset (with edited metadata and derived variables) back to SPSS for colleagues. */
export const datasetExportSection = {
  'dataset.saveSav': call<{ path: string; rows: number; variables: number }>()(
    z.object({
      dataset: z.string().min(1).max(256),
      out: z
        .string()
        .min(1)
        .max(4096)
        .regex(/\.(sav|zsav)$/i, 'the file name must end in .sav or .zsav'),
      compression: z.enum(['none', 'bytecode', 'zlib']).optional(),
    }),
  ),
};
