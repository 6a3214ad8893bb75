/** Overrides through the contract on the demo project: recorded with the audit log, applied on every path out. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/backend/dispatch';
import { handlers } from '../../electron/handlers/index';
import { AppSession } from '../../electron/backend/session';
import type { AppContext } from '../../electron/backend/types';
import { ensureDemoProject } from '../../electron/startup/demo-project';
import type { BannerResult, CrosstabTable } from '../../shared/model/results';

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'duiding-ovr-'));
  const session = new AppSession(dir);
  session.open(ensureDemoProject(dir));
  const events: string[] = [];
  const ctx: AppContext = { session, emit: (name) => void events.push(name) };
  const raw = (name: string, args: unknown) => dispatch(handlers, name, args, ctx);
  const call = async (name: string, args: unknown) => {
    const out = await raw(name, args);
    if (!out.ok) throw new Error(`${out.status} ${out.body.error.code}: ${out.body.error.message}`);
    return out.result as any;
  };
  return { session, call, raw, events, dir };
}

const columns = { total: true, items: [{ variable: 'leeftijdsklasse' }] };
const target = { dataset: 'demo', row: 'gemeente', columns, weight: null, filter: 'golf = 2025' };
const tableReq = { dataset: 'demo', rows: ['gemeente'], banner: columns, filter: 'golf = 2025' };
/** The banner of the table builder's screen for `req`. */
const bannerOf = async (call: (n: string, a: unknown) => Promise<any>, req: unknown): Promise<BannerResult> =>
  (await call('analysis.tables', req)).tables[0].result as BannerResult;
const PEKELA = 6;
const YOUNG = 'leeftijdsklasse=1';
const reason = 'Afgestemd met de CBS-outputcontrole (mail 24-11)';

const cellOf = (b: BannerResult, row: number, col: string) => b.cells[b.rows.findIndex((r) => r.code === row)][b.columns.findIndex((c) => c.key === col)];

describe('rules.override.* through the handlers', () => {
  it('releases Pekela 18–34 (wave 2025) in the table, the crosstab and the chart, logged with the table spec', async () => {
    const { call, session, events } = setup();
    const before = await bannerOf(call, tableReq);
    expect(cellOf(before, PEKELA, YOUNG)).toMatchObject({ suppressed: true, suppression: 'primary' });
    const secondaries = before.cells.flat().filter((c) => c.suppression === 'secondary').length;
    expect(secondaries).toBeGreaterThan(0);

    const added = await call('rules.override.add', { target, cells: [{ row: PEKELA, col: YOUNG }], reason: `  ${reason}  ` });
    expect(added).toMatchObject({ reason, status: 'applied', cells: [{ row: PEKELA, col: YOUNG, rowLabel: 'Pekela' }] });
    expect(added.cells[0].count).toBeGreaterThan(0);
    expect(added.cells[0].count).toBeLessThan(10);
    expect(events).toContain('project.changed');

    const after = await bannerOf(call, tableReq);
    expect(cellOf(after, PEKELA, YOUNG)).toMatchObject({ suppressed: false, overridden: true, count: added.cells[0].count });
    // Pekela 18–34 was the only primary cell: its partners are published again.
    expect(after.cells.flat().some((c) => c.suppressed)).toBe(false);
    expect(after.rules.overrides).toEqual([expect.objectContaining({ id: added.id, reason })]);

    const ct = (await call('analysis.crosstab', { dataset: 'demo', row: 'gemeente', col: 'leeftijdsklasse', filter: 'golf = 2025' })) as CrosstabTable;
    expect(ct.count[PEKELA - 1][0]).toBe(added.cells[0].count);
    expect(ct.overridden?.[PEKELA - 1][0]).toBe(true);

    const chart = await call('chart.render', { dataset: 'demo', row: 'gemeente', col: 'leeftijdsklasse', filter: 'golf = 2025', spec: { type: 'bar' } });
    expect(chart.suppressed).toBe(0);
    expect(chart.rules.overrides?.[0].id).toBe(added.id);

    const log = session
      .store()
      .auditEntries()
      .find((e) => e.action === 'rules.override.add')!;
    expect(log.detail).toMatchObject({ id: added.id, tableSpec: target, reason, ruleSet: { name: 'cbs-persons', minCount: 10 } });

    // Another wave: same table key, other counts — listed as stale, not applied.
    const other = await call('rules.override.list', { target: { ...target, filter: 'golf = 2024' } });
    expect(other).toEqual([expect.objectContaining({ id: added.id, status: 'stale' })]);
    const w2024 = await bannerOf(call, { ...tableReq, filter: 'golf = 2024' });
    expect(w2024.cells.flat().some((c) => c.overridden)).toBe(false);
    expect(await call('rules.override.list', { target })).toEqual([expect.objectContaining({ id: added.id, status: 'applied' })]);

    await call('rules.override.remove', { id: added.id, reason: 'toch niet publiceren' });
    const again = await bannerOf(call, tableReq);
    expect(cellOf(again, PEKELA, YOUNG)).toMatchObject({ suppressed: true });
    expect(session.store().auditEntries()[0]).toMatchObject({
      action: 'rules.override.remove',
      detail: { id: added.id, removalReason: 'toch niet publiceren' },
    });
    expect(await call('rules.override.list', {})).toEqual([]);
  });

  it('publishes the released cell in table exports and the tabellenboek, and lists it on the checker sheet', async () => {
    const { call, dir, events } = setup();
    const added = await call('rules.override.add', { target, cells: [{ row: PEKELA, col: YOUNG }], reason });
    const n = added.cells[0].count as number;
    const csv = await call('export.table', { ...tableReq, format: 'csv', display: { decimals: 0 } });
    expect(csv.tables).toEqual([expect.objectContaining({ variable: 'gemeente', suppressedCells: 0 })]);
    const pekela = (csv.text as string).split('\n').find((l) => l.startsWith('Pekela'))!;
    expect(pekela.split(';')).not.toContain('x');
    // Marked as released, with the reason under the table.
    expect(csv.text).toContain(`† = vrijgegeven ondanks de outputregels: ${reason}`);

    const out = join(dir, 'boek.xlsx');
    const spec = { version: 1, title: 'Boek', dataset: 'demo', filter: 'golf = 2025', banner: columns, questions: ['gemeente'] };
    const { token } = await call('files.saveTarget', { dir, name: 'boek', format: 'xlsx' });
    const { jobId } = await call('export.book', { dataset: 'demo', target: token, spec });
    for (let i = 0; i < 400 && !events.includes('job.done'); i++) await new Promise((r) => setTimeout(r, 50));
    expect(events).toContain('job.done');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const checker = wb.getWorksheet('Controle')!;
    const lines: unknown[][] = [];
    checker.eachRow((row) => lines.push((row.values as unknown[]).slice(1)));
    const header = lines.find((l) => l[0] === 'Tabel (variabele)')!;
    expect(header[4]).toMatch(/Vrijgegeven/);
    const released = lines.filter((l) => typeof l[4] === 'string' && String(l[4]).includes(reason));
    expect(released).toEqual([['gemeente', 'Pekela', expect.stringContaining('18 t/m 34 jaar'), n, `${reason} (${added.createdAt.slice(0, 10)})`]]);
    expect(jobId).toBeTruthy();
  });

  it('answers typed 4xx errors: short reason, a cell that is not primary, an unknown id, no project', async () => {
    const { raw, session } = setup();
    const short = await raw('rules.override.add', { target, cells: [{ row: PEKELA, col: YOUNG }], reason: '  te kort    ' });
    expect(short).toMatchObject({ ok: false, status: 400, body: { error: { code: 'invalid-request' } } });
    const published = await raw('rules.override.add', { target, cells: [{ row: 2, col: YOUNG }], reason });
    expect(published).toMatchObject({ ok: false, status: 422, body: { error: { code: 'not-primary' } } });
    // With its message code, so the dialog can say it in Dutch.
    expect(published).toMatchObject({ body: { error: { detail: { code: 'override-not-primary', secondary: false } } } });
    const unknown = await raw('rules.override.add', { target, cells: [{ row: 99, col: YOUNG }], reason });
    expect(unknown).toMatchObject({ ok: false, status: 422, body: { error: { code: 'unknown-cell' } } });
    const gone = await raw('rules.override.remove', { id: 12345 });
    expect(gone).toMatchObject({ ok: false, status: 404, body: { error: { code: 'not-found' } } });
    expect(session.store().overrides().list()).toEqual([]);
    expect(
      session
        .store()
        .auditEntries()
        .some((e) => e.action.startsWith('rules.override')),
    ).toBe(false);
  });
});
