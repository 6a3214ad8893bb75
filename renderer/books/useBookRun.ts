/**
 * Runs `export.book` as a job: progress per table from `job.progress`, the report from `job.done`,
 * Stop through `job.cancel` (the writer then removes its temporary file: nothing is left). Listeners
 * are attached before the call, because a small book can finish before the job id arrives.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Events } from '../../shared/api';
import type { BookReport, BookSpec } from '../../shared/book/book';
import { invoke, on, toApiError } from '../api/client';

export type RunState =
  | { phase: 'idle' }
  /** `step`: tables are computed (and checked together) first, then written. */
  | { phase: 'running'; step: 'compute' | 'write'; done: number; total: number; path: string }
  | { phase: 'done'; report: BookReport }
  | { phase: 'stopped'; path: string }
  | { phase: 'failed'; message: string };

export function useBookRun(onReport: (r: BookReport) => void) {
  const [state, setState] = useState<RunState>({ phase: 'idle' });
  const jobId = useRef<string | null>(null);
  const stopping = useRef(false);
  const offs = useRef<(() => void)[]>([]);
  const reportRef = useRef(onReport);
  useEffect(() => {
    reportRef.current = onReport;
  }, [onReport]);

  const detach = () => {
    for (const off of offs.current) off();
    offs.current = [];
  };
  useEffect(() => detach, []);

  const start = useCallback(async (args: { dataset: string; spec: BookSpec; target: { token: string; path: string } }) => {
    detach();
    stopping.current = false;
    jobId.current = null;
    const path = args.target.path;
    setState({ phase: 'running', step: 'compute', done: 0, total: 0, path });
    const early: Events['job.done'][] = [];
    const finish = (d: Events['job.done']) => {
      detach();
      jobId.current = null;
      if (d.ok) {
        const report = d.result as BookReport;
        setState({ phase: 'done', report });
        reportRef.current(report);
      } else if (stopping.current) setState({ phase: 'stopped', path });
      else setState({ phase: 'failed', message: d.error ?? 'failed' });
    };
    offs.current.push(
      on('job.progress', (p) => {
        if (p.jobId === jobId.current && p.total > 0)
          setState({ phase: 'running', step: p.phase.endsWith('.write') ? 'write' : 'compute', done: p.done, total: p.total, path });
      }),
      on('job.done', (d) => {
        if (jobId.current === null) early.push(d);
        else if (d.jobId === jobId.current) finish(d);
      }),
    );
    try {
      const { jobId: id } = await invoke('export.book', { dataset: args.dataset, spec: args.spec, target: args.target.token });
      jobId.current = id;
      const done = early.find((d) => d.jobId === id);
      if (done) finish(done);
    } catch (e) {
      detach();
      setState({ phase: 'failed', message: toApiError(e).message });
    }
  }, []);

  const stop = useCallback(async () => {
    if (!jobId.current) return;
    stopping.current = true;
    try {
      await invoke('job.cancel', { jobId: jobId.current });
    } catch {
      // The job ended meanwhile; its job.done says how.
    }
  }, []);

  const reset = useCallback(() => setState({ phase: 'idle' }), []);

  return { state, start, stop, reset };
}
