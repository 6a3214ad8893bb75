/**
 * Runs `import.run` as a job: progress from `job.progress`, the end from `job.done`, Stop through
 * `job.cancel`. Listeners are attached before the call, because a small file can finish before the
 * call's answer (with the job id) arrives; events of other jobs are ignored.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Events } from '../../shared/api';
import type { ImportSummary, ReadOptions } from '../../shared/api/import';
import { ApiError, invoke, on, toApiError } from '../api/client';

export type JobState =
  | { phase: 'idle' }
  | { phase: 'running'; fraction: number | null }
  | { phase: 'done'; dataset: ImportSummary }
  | { phase: 'failed'; error: ApiError; cancelled: boolean };

export function useImportJob() {
  const [state, setState] = useState<JobState>({ phase: 'idle' });
  const jobId = useRef<string | null>(null);
  const cancelling = useRef(false);
  const offs = useRef<(() => void)[]>([]);

  const detach = () => {
    for (const off of offs.current) off();
    offs.current = [];
  };
  useEffect(() => detach, []);

  const start = useCallback(async (args: { path: string; name: string; replace: boolean; options?: ReadOptions }) => {
    detach();
    cancelling.current = false;
    jobId.current = null;
    setState({ phase: 'running', fraction: null });
    const early: Events['job.done'][] = [];
    const finish = (d: Events['job.done']) => {
      detach();
      if (d.ok) setState({ phase: 'done', dataset: d.result as ImportSummary });
      else setState({ phase: 'failed', error: new ApiError('import', d.error ?? 'failed'), cancelled: cancelling.current });
    };
    offs.current.push(
      on('job.progress', (p) => {
        if (p.jobId === jobId.current && p.total > 0) setState({ phase: 'running', fraction: Math.min(1, p.done / p.total) });
      }),
      on('job.done', (d) => {
        if (jobId.current === null) early.push(d);
        else if (d.jobId === jobId.current) finish(d);
      }),
    );
    try {
      const { jobId: id } = await invoke('import.run', { path: args.path, name: args.name, replace: args.replace, options: args.options });
      jobId.current = id;
      const done = early.find((d) => d.jobId === id);
      if (done) finish(done);
    } catch (e) {
      detach();
      setState({ phase: 'failed', error: toApiError(e), cancelled: false });
    }
  }, []);

  const cancel = useCallback(async () => {
    if (!jobId.current) return;
    cancelling.current = true;
    try {
      await invoke('job.cancel', { jobId: jobId.current });
    } catch {
      // The job ended meanwhile; its job.done says how.
    }
  }, []);

  const reset = useCallback(() => {
    detach();
    jobId.current = null;
    setState({ phase: 'idle' });
  }, []);

  return { state, start, cancel, reset };
}
