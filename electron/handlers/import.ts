/** Handlers for importing data files into the open project. */
import { extname } from 'node:path';
import { previewCsv } from '../import/csv/index';
import { readAnyFile } from '../import/index';
import { readSavDictionary } from '../import/sav/index';
import { listSheets } from '../import/xlsx/index';
import { importIntoProject } from '../import/run-import';
import { cancelJob, startJob } from '../backend/jobs';
import type { SectionHandlers } from '../backend/types';
import type { importSection } from '../../shared/api/import';

const TEXT = new Set(['.csv', '.tsv', '.txt']);

export const importHandlers: SectionHandlers<typeof importSection> = {
  'import.preview': async ({ path, options = {} }) => {
    const ext = extname(path).toLowerCase();
    if (TEXT.has(ext)) {
      const p = await previewCsv(path, options);
      return { format: 'csv', csv: { options: { ...p.options }, columns: p.columns, rows: p.rows } };
    }
    if (ext === '.sav' || ext === '.zsav') {
      // The dictionary alone: a preview should not read ten million cases.
      const { name: _n, ...dictionary } = await readSavDictionary(path);
      return { format: ext.slice(1), dictionary };
    }
    const { columns: _c, name: _n, ...dictionary } = await readAnyFile(path, options);
    if (ext === '.xlsx') return { format: 'xlsx', dictionary, sheets: (await listSheets(path)).map((s) => s.name) };
    return { format: ext.slice(1), dictionary };
  },
  'import.run': async ({ path, name, replace, options = {} }, ctx) => {
    const store = ctx.session.store();
    const jobId = startJob(ctx, 'import', async (signal, progress) => {
      const summary = await importIntoProject(store, path, {
        ...options,
        name,
        replace,
        signal,
        onProgress: (p) => progress(p.bytes, p.totalBytes, 'bytes'),
      });
      ctx.session.invalidate(summary.name);
      ctx.emit('project.changed', { reason: 'import' });
      return summary;
    });
    return { jobId };
  },
  'job.cancel': async ({ jobId }) => ({ cancelled: cancelJob(jobId) }),
};
