/** Writes a project dataset back to an SPSS system file (atomic: temp file + rename inside writeSav). */
import { writeSav } from '../import/sav/write';
import type { SectionHandlers } from '../backend/types';
import type { datasetExportSection } from '../../shared/api/dataset-export';

export const datasetExportHandlers: SectionHandlers<typeof datasetExportSection> = {
  'dataset.saveSav': async ({ dataset, out, compression }, { session }) => {
    const ds = session.dataset(dataset);
    const zsav = out.toLowerCase().endsWith('.zsav');
    await writeSav(out, ds, { compression: compression ?? (zsav ? 'zlib' : 'bytecode') });
    session.store().audit('dataset.saveSav', { dataset, out, rows: ds.rows, variables: ds.variables.length });
    return { path: out, rows: ds.rows, variables: ds.variables.length };
  },
};
