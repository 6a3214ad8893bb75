/** Importing through the contract, as the app does: progress, audit record, bad input and cancel. */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventName, Events } from '../../shared/api';
import { dispatch } from '../../electron/backend/dispatch';
import { handlers } from '../../electron/handlers/index';
import { AppSession } from '../../electron/backend/session';
import { readSav } from '../../electron/import/sav/index';
import type { AppContext } from '../../electron/backend/types';

const FIXTURE = join(__dirname, '../fixtures/sav/pspp-cp1252.sav');

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'duiding-import-'));
  const session = new AppSession(dir);
  const events: { name: EventName; payload: unknown }[] = [];
  const ctx: AppContext = { session, emit: <E extends EventName>(name: E, payload: Events[E]) => void events.push({ name, payload }) };
  session.create(join(dir, 'p.duiding'));
  const call = async (name: string, args: unknown) => {
    const out = await dispatch(handlers, name, args, ctx);
    if (!out.ok) throw new Error(out.body.error.message);
    return out.result as any;
  };
  const done = (jobId: string) =>
    new Promise<Events['job.done']>((resolve) => {
      const t = setInterval(() => {
        const e = events.find((x) => x.name === 'job.done' && (x.payload as Events['job.done']).jobId === jobId);
        if (e) {
          clearInterval(t);
          resolve(e.payload as Events['job.done']);
        }
      }, 10);
    });
  return { dir, session, events, call, done };
}

describe('import through the contract', () => {
  it('imports a .sav file and records name, size and SHA-256 in the audit log', async () => {
    const { call, done, session } = setup();
    const { jobId } = await call('import.run', { path: FIXTURE, name: 'golf1' });
    const end = await done(jobId);
    expect(end).toMatchObject({ ok: true });
    const info = await call('dataset.info', { dataset: 'golf1' });
    expect(info.variables.map((v: { name: string }) => v.name)).toEqual(['id', 'naam', 'score']);
    const entry = session
      .store()
      .auditEntries()
      .find((e) => e.action === 'import');
    const bytes = readFileSync(FIXTURE);
    expect(entry?.detail).toMatchObject({
      dataset: 'golf1',
      source: { name: 'pspp-cp1252.sav', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') },
    });
  });

  it('reports a truncated file with its name and offset and leaves the project unchanged', async () => {
    const { call, done, session, dir } = setup();
    const bytes = readFileSync(FIXTURE);
    const broken = join(dir, 'afgebroken.sav');
    writeFileSync(broken, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const before = { datasets: session.store().listDatasets(), audit: session.store().auditEntries(1000).length };
    const { jobId } = await call('import.run', { path: broken });
    const end = await done(jobId);
    expect(end.ok).toBe(false);
    expect(end.error).toMatch(/afgebroken\.sav/);
    expect(end.error).toMatch(/byte \d+/);
    expect(session.store().listDatasets()).toEqual(before.datasets);
    expect(session.store().auditEntries(1000).length).toBe(before.audit);
  });

  it('refuses a file type it does not know, by name', async () => {
    const { call, dir } = setup();
    const odd = join(dir, 'data.parquet');
    copyFileSync(FIXTURE, odd);
    await expect(call('import.preview', { path: odd })).rejects.toThrow(/data\.parquet.*unsupported file type/);
  });

  it('previews a CSV before anything is stored', async () => {
    const { call, dir, session } = setup();
    const csv = join(dir, 'panel.csv');
    writeFileSync(csv, 'respnr;gemeente;score\n1;Groningen;7,5\n2;Pekela;8\n');
    const p = await call('import.preview', { path: csv });
    expect(p.format).toBe('csv');
    expect(p.csv.columns.map((c: { name: string }) => c.name)).toEqual(['respnr', 'gemeente', 'score']);
    expect(session.store().listDatasets()).toEqual([]);
  });

  it('saves a dataset with edited metadata back to .sav that reads back the same', async () => {
    const { call, done, dir, session } = setup();
    const { jobId } = await call('import.run', { path: FIXTURE, name: 'golf1' });
    await done(jobId);
    await call('variable.update', { dataset: 'golf1', variable: 'score', patch: { label: 'Rapportcijfer (€)', missing: { values: [99], range: null } } });
    const out = join(realpathSync(dir), 'terug.sav');
    // Only to a file the user chose: the folder picker's token, never a path named in the request.
    const target = await call('files.saveTarget', { dir, name: 'terug', format: 'sav' });
    expect(target.path).toBe(out);
    const saved = await call('dataset.saveSav', { dataset: 'golf1', target: target.token });
    expect(saved).toMatchObject({ path: out, rows: 4, variables: 3 });
    const back = await readSav(out);
    const score = back.variables.find((v) => v.name === 'score');
    expect(score).toMatchObject({ label: 'Rapportcijfer (€)', missing: { values: [99], range: null } });
    expect(
      session
        .store()
        .auditEntries()
        .some((e) => e.action === 'dataset.saveSav'),
    ).toBe(true);
    // The token is used up; a path in the request writes nothing.
    await expect(call('dataset.saveSav', { dataset: 'golf1', target: target.token })).rejects.toThrow(/Choose where to save first/);
    const elsewhere = join(dir, 'elders.sav');
    await expect(call('dataset.saveSav', { dataset: 'golf1', out: elsewhere })).rejects.toThrow();
    expect(existsSync(elsewhere)).toBe(false);
  });
});
