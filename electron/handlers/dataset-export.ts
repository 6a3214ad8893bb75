/**
 * Writes a project dataset back to an SPSS system file, to the file the user chose (a save token, as
 * every export: electron/backend/save-targets.ts). Atomic (temp file + rename inside writeSav), and the
 * audit entry is written before the file takes its name, so no data leaves without its record.
 */
import { writeSav } from '../import/sav/write';
import type { SectionHandlers } from '../backend/types';
import type { datasetExportSection } from '../../shared/api/dataset-export';

export const datasetExportHandlers: SectionHandlers<typeof datasetExportSection> = {
  'dataset.saveSav': async ({ dataset, target, compression }, { session }) => {
    const ds = session.dataset(dataset);
    const out = session.saveTargets.take(target, 'sav');
    await writeSav(out, ds, {
      compression: compression ?? 'bytecode',
      beforeRename: () => session.store().audit('dataset.saveSav', { dataset, out, rows: ds.rows, variables: ds.variables.length }),
    });
    return { path: out, rows: ds.rows, variables: ds.variables.length };
  },
};
