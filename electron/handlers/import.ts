/**
 * Handlers for importing data files into the open project. Previews and reads run in a worker thread
 * (electron/import/run-in-worker.ts): Stop ends them at once and the backend answers other calls
 * meanwhile, whatever the file makes a reader do. A preview is stopped with `job.cancel` under the
 * `previewId` its caller chose.
 */
import { importIntoProject } from '../import/run-import';
import { previewInWorker, readInWorker } from '../import/run-in-worker';
import { cancelJob, cancellable, startJob } from '../backend/jobs';
import type { SectionHandlers } from '../backend/types';
import type { importSection } from '../../shared/api/import';

export const importHandlers: SectionHandlers<typeof importSection> = {
  'import.preview': async ({ path, options = {}, previewId }) => {
    const stop = cancellable(previewId);
    try {
      return await previewInWorker(path, options, { signal: stop.signal });
    } finally {
      stop.done();
    }
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
        read: (file, o) => readInWorker(file, { ...options, name: o.name }, { signal, onProgress: o.onProgress }),
      });
      ctx.session.invalidate(summary.name);
      ctx.emit('project.changed', { reason: 'import' });
      return summary;
    });
    return { jobId };
  },
  'job.cancel': async ({ jobId }) => ({ cancelled: cancelJob(jobId) }),
};
