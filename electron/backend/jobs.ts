/**
 * Long work (imports, big exports) runs as a job: the call returns a job id at once, progress comes as
 * `job.progress` events, the end as `job.done`, and `job.cancel` aborts it through an AbortSignal.
 */
import { randomUUID } from 'node:crypto';
import type { Events } from '../../shared/api';
import type { AppContext } from './types';
import { toFailure } from './dispatch';

const running = new Map<string, AbortController>();

export function startJob(
  ctx: AppContext,
  phase: string,
  work: (signal: AbortSignal, progress: (done: number, total: number, unit: Events['job.progress']['unit'], step?: string) => void) => Promise<unknown>,
): string {
  const jobId = randomUUID();
  const controller = new AbortController();
  running.set(jobId, controller);
  let last = 0;
  // `step`: a job in several passes (a book is computed, then written) names the pass: `<phase>.<step>`.
  const progress = (done: number, total: number, unit: Events['job.progress']['unit'], step?: string) => {
    const now = Date.now();
    if (now - last < 100 && done < total) return;
    last = now;
    ctx.emit('job.progress', { jobId, phase: step ? `${phase}.${step}` : phase, done, total, unit });
  };
  void work(controller.signal, progress)
    .then((result) => ctx.emit('job.done', { jobId, ok: true, result }))
    .catch((e: unknown) => {
      const failure = toFailure(e);
      const error = controller.signal.aborted ? 'Cancelled; nothing was changed.' : failure.ok ? 'failed' : failure.body.error.message;
      ctx.emit('job.done', { jobId, ok: false, error });
    })
    .finally(() => running.delete(jobId));
  return jobId;
}

/**
 * Makes a piece of work that answers its own call (an import preview) stoppable by `job.cancel` under
 * an id the caller chose; returns the signal and the function that forgets it again.
 */
export function cancellable(id: string | undefined): { signal: AbortSignal | undefined; done(): void } {
  if (id === undefined) return { signal: undefined, done: () => undefined };
  const controller = new AbortController();
  running.set(id, controller);
  return { signal: controller.signal, done: () => running.get(id) === controller && running.delete(id) };
}

export function cancelJob(jobId: string): boolean {
  const c = running.get(jobId);
  if (!c) return false;
  c.abort();
  return true;
}
