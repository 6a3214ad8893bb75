/**
 * The export handlers through the contract's schemas, with a stand-in session (no project open):
 * a table as CSV/HTML/clipboard text and as a file, and the book as a job that reports when done.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/api';
import type { Events } from '../../shared/api';
import { defaultRuleSet } from '../../shared/disclosure/rules';
import { exportHandlers } from '../../electron/handlers/exports';
import type { AppContext } from '../../electron/backend/types';
import { AGE_RECODE, makeDataset } from './fixtures';

const dir = mkdtempSync(join(tmpdir(), 'duiding-export-handlers-'));
const ds = makeDataset();

function context(events: { name: string; payload: unknown }[]): AppContext {
  const session = {
    dataset: () => ds,
    ruleSet: () => defaultRuleSet('cbs-persons'),
    store: () => {
      throw new Error('no project');
    },
    invalidate: () => undefined,
  };
  return { session, emit: (name: string, payload: unknown) => events.push({ name, payload }) } as unknown as AppContext;
}

const tableRequest = (extra: Record<string, unknown>) =>
  contract['export.table'].request.parse({
    dataset: 'test',
    rows: ['q1', 'respnr'],
    columns: { total: true, items: [{ variable: 'gemeente' }] },
    weight: { variable: 'w', type: 'sampling' },
    ...extra,
  });

describe('export handlers', () => {
  it('returns a checked table as Dutch CSV and leaves out a blocked identifier', async () => {
    const res = await exportHandlers['export.table']!(tableRequest({ format: 'csv' }), context([]));
    expect(res.text.startsWith('\ufeffTevredenheid met de buurt;')).toBe(true);
    expect(res.text).toMatch(/;x;/);
    expect(res.text).not.toMatch(/Respondentnummer/);
    expect(res.tables.map((t) => [t.variable, t.status])).toEqual([
      ['q1', 'suppressed'],
      ['respnr', 'blocked'],
    ]);
  });

  it('returns HTML and tab-separated text for the clipboard, and writes HTML files atomically', async () => {
    const clip = await exportHandlers['export.table']!(tableRequest({ format: 'clipboard', language: 'en' }), context([]));
    expect(clip.html).toMatch(/^<table>/);
    expect(clip.text.split('\n')[0].split('\t')[0]).toBe('Tevredenheid met de buurt');
    const out = join(dir, 'tabel.html');
    const res = await exportHandlers['export.table']!(tableRequest({ format: 'html', out }), context([]));
    expect(res.path).toBe(out);
    expect(readFileSync(out, 'utf8')).toBe(res.text);
    expect(res.text).toContain('<th scope="row">Zeer tevreden</th>');
  });

  it('runs the book as a job and reports the written tables on job.done', async () => {
    const events: { name: string; payload: unknown }[] = [];
    const out = join(dir, 'boek.xlsx');
    const req = contract['export.book'].request.parse({
      dataset: 'test',
      out,
      spec: {
        version: 1,
        title: 'Boek',
        dataset: 'test',
        recodes: [AGE_RECODE],
        banner: { total: true, items: [{ variable: 'leeftijd_gr' }] },
        questions: ['q1', 'q2'],
      },
    });
    const { jobId } = await exportHandlers['export.book']!(req, context(events));
    for (let i = 0; i < 200 && !events.some((e) => e.name === 'job.done'); i++) await new Promise((r) => setTimeout(r, 50));
    const done = events.find((e) => e.name === 'job.done')!.payload as Events['job.done'];
    expect(done).toMatchObject({ jobId, ok: true });
    expect((done.result as { tables: { sheet: string }[] }).tables.map((t) => t.sheet)).toEqual(['q1', 'q2']);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });
});
