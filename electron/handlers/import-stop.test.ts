/** A preview runs in the import worker: `job.cancel` under the caller's previewId stops it, and the backend answers meanwhile. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../backend/dispatch';
import { AppSession } from '../backend/session';
import type { AppContext } from '../backend/types';
import { ensureDemoProject } from '../startup/demo-project';
import { handlers } from './index';

describe('import.preview and Stop', () => {
  it('is stopped by job.cancel with its previewId; other calls are answered while it runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duiding-preview-stop-'));
    const session = new AppSession(dir);
    session.open(ensureDemoProject(dir));
    const ctx: AppContext = { session, emit: () => undefined };
    // The first task starts the worker (about a second under tsx): the cancel arrives while it runs.
    const rows = ['a;b'];
    for (let i = 0; i < 50_000; i++) rows.push(`${i};${i % 7}`);
    const file = join(dir, 'lang.csv');
    writeFileSync(file, rows.join('\n'));
    const preview = dispatch(handlers, 'import.preview', { path: file, previewId: 'p-1' }, ctx);
    const other = await dispatch(handlers, 'project.current', {}, ctx);
    expect(other.ok).toBe(true);
    const cancel = await dispatch(handlers, 'job.cancel', { jobId: 'p-1' }, ctx);
    expect(cancel).toMatchObject({ ok: true, result: { cancelled: true } });
    expect(await preview).toMatchObject({ ok: false, status: 422, body: { error: { code: 'cancelled' } } });
    session.close();
  });
});
