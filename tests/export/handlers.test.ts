/**
 * The export handlers through the contract's schemas, with a stand-in session (no project open):
 * a table query as CSV/HTML/clipboard text, and the book as a job that reports when done.
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
import { SaveTargets } from '../../electron/backend/save-targets';

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
    isOpen: () => false,
    saveTargets: new SaveTargets(),
  };
  return { session, emit: (name: string, payload: unknown) => events.push({ name, payload }) } as unknown as AppContext;
}

const tableRequest = (extra: Record<string, unknown>) =>
  contract['export.table'].request.parse({
    dataset: 'test',
    rows: ['q1', 'respnr'],
    banner: { total: true, items: [{ variable: 'gemeente' }] },
    weight: { variable: 'w', type: 'sampling' },
    ...extra,
  });

describe('export handlers', () => {
  it('returns a checked table as Dutch CSV, and an identifier only as a blocked table with why', async () => {
    const res = await exportHandlers['export.table']!(tableRequest({ format: 'csv' }), context([]));
    expect(res.text.startsWith('\ufeffTevredenheid met de buurt;')).toBe(true);
    expect(res.text).toMatch(/;x;/);
    const blocked = res.text.slice(res.text.indexOf('Respondentnummer'));
    expect(blocked).toMatch(/Deze tabel wordt niet gepubliceerd/);
    expect(blocked).toMatch(/Outputregels: respnr/);
    expect(blocked.split('\r\n').filter((l) => /\d/.test(l.split(';').slice(1).join(''))).length).toBe(0);
    expect(res.tables.map((t) => [t.variable, t.status])).toEqual([
      ['q1', 'suppressed'],
      ['respnr', 'blocked'],
    ]);
  });

  it('returns HTML, and tab-separated text with an HTML fragment for the clipboard', async () => {
    const clip = await exportHandlers['export.table']!(tableRequest({ format: 'clipboard', display: { language: 'en' } }), context([]));
    expect(clip.html).toMatch(/^<table>/);
    expect(clip.text.split('\n')[0].split('\t')[0]).toBe('Tevredenheid met de buurt');
    expect(clip.text).toContain('Output rules:');
    const res = await exportHandlers['export.table']!(tableRequest({ format: 'html' }), context([]));
    expect(res.text).toMatch(/^<!DOCTYPE html>/);
    expect(res.text).toContain('<th scope="row">Zeer tevreden</th>');
  });

  it('runs the book as a job and reports the written tables on job.done', async () => {
    const events: { name: string; payload: unknown }[] = [];
    const out = join(dir, 'boek.xlsx');
    const ctx = context(events);
    const { token } = ctx.session.saveTargets.issue(out, 'xlsx');
    // A path is not a target: only a token of a file the user chose is.
    expect(
      contract['export.book'].request.safeParse({
        dataset: 'test',
        out,
        spec: { version: 2, title: 'B', dataset: 'test', banner: { items: [] }, questions: ['q1'] },
      }).success,
    ).toBe(false);
    const req = contract['export.book'].request.parse({
      dataset: 'test',
      target: token,
      spec: {
        version: 1,
        title: 'Boek',
        dataset: 'test',
        recodes: [AGE_RECODE],
        banner: { total: true, items: [{ variable: 'leeftijd_gr' }] },
        questions: ['q1', 'q2'],
      },
    });
    const { jobId } = await exportHandlers['export.book']!(req, ctx);
    for (let i = 0; i < 200 && !events.some((e) => e.name === 'job.done'); i++) await new Promise((r) => setTimeout(r, 50));
    const done = events.find((e) => e.name === 'job.done')!.payload as Events['job.done'];
    expect(done).toMatchObject({ jobId, ok: true });
    expect((done.result as { tables: { sheet: string }[] }).tables.map((t) => t.sheet)).toEqual(['q1', 'q2']);
    // Progress names its pass, so a progress bar can say "computing" and then "writing".
    const passes = events.filter((e) => e.name === 'job.progress').map((e) => e.payload as Events['job.progress']);
    expect(passes.filter((p) => p.done === p.total).map((p) => [p.phase, p.total])).toEqual([
      ['export.book.compute', 2],
      ['export.book.write', 2],
    ]);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });
});
