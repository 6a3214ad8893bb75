/**
 * The project's tabellenboeken through the contract on the demo project: the demo book is there under
 * its title; saving, renaming and deleting are audited and undoable; the preview gives every question's
 * verdict and one table as the workbook writes it; a rerun on another dataset reports what no longer
 * matches; a book file is parsed with errors that name the JSON path; running writes only to a chosen file.
 */
import { mkdtempSync, existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import demoBook from '../../resources/demo/book.json';
import { dispatch } from '../../electron/backend/dispatch';
import { handlers } from '../../electron/handlers/index';
import { AppSession } from '../../electron/backend/session';
import type { AppContext } from '../../electron/backend/types';
import { ensureDemoProject } from '../../electron/startup/demo-project';
import { ProjectStore } from '../../electron/store/project-store';
import { generateDemo } from '../../resources/demo/generate';
import { parseBookSpec } from '../../shared/book/book';
import { computeBook } from '../../shared/book/compute';
import { bookTableModel, formatDate } from '../../shared/book/models';
import { defaultRuleSet } from '../../shared/disclosure/rules';
import { loadHouseStyle } from '../../electron/export/book/style';
import type { Events } from '../../shared/api';

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'duiding-books-'));
  const session = new AppSession(dir);
  session.open(ensureDemoProject(dir));
  const events: { name: string; payload: unknown }[] = [];
  const ctx: AppContext = { session, emit: (name, payload) => void events.push({ name, payload }) };
  const raw = (name: string, args: unknown) => dispatch(handlers, name, args, ctx);
  const call = async (name: string, args: unknown) => {
    const out = await raw(name, args);
    if (!out.ok) throw new Error(`${out.status} ${out.body.error.code}: ${out.body.error.message}`);
    return out.result as any;
  };
  return { session, call, raw, events, dir };
}

describe('book.* through the handlers', () => {
  it('lists the demo book, saves, renames and deletes with undo and an audit entry each', async () => {
    const { call, session } = setup();
    const list = await call('book.list', {});
    expect(list.map((b: any) => b.name)).toEqual(['Burgerpanel Groningen 2025']);
    expect(list[0].spec.questions).toEqual(demoBook.questions);
    const copy = await call('book.save', { name: 'Kopie', folder: 'Concepten', spec: demoBook });
    const renamed = await call('book.save', { id: copy.id, name: 'Wonen 2025', folder: 'Concepten', spec: { ...demoBook, questions: ['leefbaarheid'] } });
    expect(renamed.spec.questions).toEqual(['leefbaarheid']);
    expect((await call('book.save', { name: 'Wonen 2025', folder: 'Concepten', spec: demoBook }).catch((e: Error) => e.message)) as string).toMatch(
      /name-taken/,
    );
    await call('book.delete', { id: copy.id });
    expect((await call('book.list', {})).map((b: any) => b.name)).toEqual(['Burgerpanel Groningen 2025']);
    expect((await call('history.undo', {})).undone).toBe('book Wonen 2025');
    expect((await call('book.list', {})).find((b: any) => b.id === copy.id)?.name).toBe('Wonen 2025');
    await call('history.undo', {});
    expect((await call('book.list', {})).find((b: any) => b.id === copy.id)).toMatchObject({ name: 'Kopie', spec: { questions: demoBook.questions } });
    await call('history.undo', {});
    expect((await call('book.list', {})).some((b: any) => b.id === copy.id)).toBe(false);
    await call('history.redo', {});
    expect((await call('book.list', {})).some((b: any) => b.id === copy.id)).toBe(true);
    const actions = session
      .store()
      .auditEntries()
      .map((e) => e.action);
    expect(actions.filter((a) => a === 'spec.save').length).toBeGreaterThanOrEqual(2);
    expect(actions).toContain('spec.delete');
    expect(actions).toContain('history.undo');
  });

  it("previews a question exactly as the workbook writes it, with every question's verdict", async () => {
    const { call } = setup();
    const preview = await call('book.preview', { dataset: 'demo', spec: demoBook, question: 'vertrouwen' });
    const spec = parseBookSpec(demoBook);
    const computed = computeBook(generateDemo(), spec, { ruleSet: defaultRuleSet('cbs-persons') });
    const want = bookTableModel(
      computed,
      computed.tables.find((t) => t.variable === 'vertrouwen')!,
      spec,
      formatDate(new Date(), 'nl'),
    );
    expect(preview.model).toEqual(JSON.parse(JSON.stringify(want)));
    expect(preview.tables.map((t: any) => t.variable)).toEqual(demoBook.questions);
    expect(preview.suppressedCells).toBe(preview.tables.reduce((n: number, t: any) => n + t.suppressedCells, 0));
    expect(preview.suppressedCells).toBeGreaterThan(0);
  });

  it('checks a rerun against what the book was saved on: missing variables, changed labels, lost categories', async () => {
    const { call, session } = setup();
    const saved = await call('book.save', { name: 'Met momentopname', spec: demoBook, snapshot: 'demo' });
    expect(Object.keys(saved.spec.expected.variables)).toEqual(expect.arrayContaining(['gemeente', 'leeftijd_gr', 'leefbaarheid']));
    expect(await call('book.check', { dataset: 'demo', spec: saved.spec })).toEqual([]);
    // Next wave as a dataset of its own: a question dropped, a value label changed, a municipality gone.
    const ds = generateDemo();
    const keep = ds.variables.map((v) => v.name !== 'financien');
    const next = {
      ...ds,
      name: 'golf2026',
      variables: ds.variables
        .filter((_, i) => keep[i])
        .map((v) => (v.name === 'vertrouwen' ? { ...v, valueLabels: { ...v.valueLabels, '1': 'Heel weinig' } } : v)),
      columns: ds.columns.filter((_, i) => keep[i]),
    };
    const g = next.variables.findIndex((v) => v.name === 'gemeente');
    const col = next.columns[g];
    if (col.kind !== 'numeric') throw new Error('gemeente is numeric');
    const data = Float64Array.from(col.data, (v) => (v === 6 ? 1 : v));
    next.columns[g] = { kind: 'numeric', data };
    session.store().saveDataset(next);
    const problems = await call('book.check', { dataset: 'golf2026', spec: saved.spec });
    expect(problems).toEqual(
      expect.arrayContaining([
        { kind: 'missing-variable', variable: 'financien', role: 'question', fatal: true },
        expect.objectContaining({ kind: 'value-labels-changed', variable: 'vertrouwen', codes: ['1'], fatal: false }),
        expect.objectContaining({ kind: 'category-gone', variable: 'gemeente', role: 'banner', codes: ['6'] }),
      ]),
    );
  });

  it('parses a book file with errors that name the JSON path, and reads version 1 files', async () => {
    const { call } = setup();
    expect(await call('book.parse', { text: '{"version": 2, "title": ""' })).toMatchObject({
      ok: false,
      issues: [{ path: '', message: expect.stringMatching(/^not JSON/) }],
    });
    const bad = await call('book.parse', { text: JSON.stringify({ ...demoBook, decimals: 9, banner: { items: [{ nest: ['a'] }] } }) });
    expect(bad.ok).toBe(false);
    expect(bad.issues.map((i: any) => i.path)).toEqual(expect.arrayContaining(['decimals', 'banner.items.0']));
    const v1 = await call('book.parse', { text: JSON.stringify({ ...demoBook, version: 1, statistics: { unweightedBase: false } }) });
    expect(v1).toMatchObject({ ok: true, spec: { version: 2, statistics: { base: false, colPct: true } } });
  });

  it('names the house styles a book can be written in, each one loadable', async () => {
    const { call } = setup();
    const styles: string[] = await call('book.styles', {});
    expect(styles).toContain(demoBook.style);
    for (const name of styles) await expect(loadHouseStyle(name)).resolves.toMatchObject({ name: expect.any(String) });
  });

  it('runs only to a file the user chose, readable by the user only, never over the project', async () => {
    const { call, raw, events, dir, session } = setup();
    expect((await raw('export.book', { dataset: 'demo', spec: demoBook, out: join(dir, 'x.xlsx') })).ok).toBe(false);
    const project = session.store().path;
    expect(await raw('files.saveTarget', { dir, name: 'demo.duiding', format: 'xlsx' })).toMatchObject({ ok: true });
    expect(await raw('files.saveTarget', { dir: join(dir, '..'), name: '../etc/boek', format: 'xlsx' })).toMatchObject({
      ok: false,
      body: { error: { code: 'bad-file-name' } },
    });
    expect(project.endsWith('demo.duiding')).toBe(true);
    // A project under another name is recognised by its contents, not its extension.
    ProjectStore.create(join(dir, 'vermomd.xlsx')).close();
    expect(await raw('files.saveTarget', { dir, name: 'vermomd', format: 'xlsx' })).toMatchObject({ ok: false, body: { error: { code: 'project-file' } } });
    const { token, path } = await call('files.saveTarget', { dir, name: 'boek', format: 'xlsx' });
    expect(path).toBe(join(dir, 'boek.xlsx'));
    const { jobId } = await call('export.book', { dataset: 'demo', spec: demoBook, target: token });
    for (let i = 0; i < 400 && !events.some((e) => e.name === 'job.done'); i++) await new Promise((r) => setTimeout(r, 50));
    const done = events.find((e) => e.name === 'job.done')!.payload as Events['job.done'];
    expect(done).toMatchObject({ jobId, ok: true });
    expect(existsSync(path)).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const entry = session
      .store()
      .auditEntries()
      .find((e) => e.action === 'export.book')!;
    expect(entry.detail).toMatchObject({ out: path, title: demoBook.title, ruleSet: 'cbs-persons' });
    expect((await raw('export.book', { dataset: 'demo', spec: demoBook, target: token })).ok).toBe(false);
  });
});
