import { z } from 'zod';
import { call } from './contract';
import { saveToken } from './files';

/**
 * Saving a dataset (with edited metadata, derived variables and weights) back to SPSS for colleagues.
 * `target`: the token of the .sav file the user chose (files.saveTarget or ui.chooseSave), never a path.
 */
export const datasetExportSection = {
  'dataset.saveSav': call<{ path: string; rows: number; variables: number }>()(
    z.object({
      dataset: z.string().min(1).max(256),
      target: saveToken,
      compression: z.enum(['none', 'bytecode']).optional(),
    }),
  ),
};
