/**
 * Switching the rules off, as an outsider tried it: `--rules none` on the CLI (crosstab, chart, a book
 * spec with "ruleSet": "none"), and `ruleSet: "none"` through the API. Without a written reason each is
 * refused (CLI: exit 2, one line); with one it runs, is recorded in the project's audit log, and its
 * result says rules.status "unchecked" — and every file written from it says "Niet gecontroleerd op
 * outputregels" on each sheet and in the checker's sheet.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import demoBook from '../../resources/demo/book.json';
import { dispatch } from '../../electron/backend/dispatch';
import { handlers } from '../../electron/handlers/index';
import { AppSession } from '../../electron/backend/session';
import type { AppContext } from '../../electron/backend/types';
import { ensureDemoProject } from '../../electron/startup/demo-project';
import { ProjectStore } from '../../electron/store/project-store';
import { cli } from './run-cli';

const REASON = 'Afgestemd met de begeleidingscommissie';
const PEKELA_YOUNG = ['crosstab', 'demo', '--rows', 'gemeente', '--cols', 'leeftijdsklasse', '--filter', 'golf = 2025'];

describe("rules below the project's on the command line", () => {
  it('refuses --rules none without a reason: exit 2, one line', async () => {
    const r = await cli(...PEKELA_YOUNG, '--rules', 'none', '--json');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/--reason/);
    const short = await cli(...PEKELA_YOUNG, '--rules', 'none', '--reason', 'te kort', '--json');
    expect(short.code).toBe(2);
    const chart = await cli(
      'chart',
      'demo',
      '--rows',
      'gemeente',
      '--cols',
      'leeftijdsklasse',
      '--rules',
      'none',
      '--type',
      'bar',
      '--out',
      join(tmpdir(), 'x.svg'),
    );
    expect(chart.code).toBe(2);
  });

  it("runs with a reason, marked unchecked, and records it in the project's audit log", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duiding-loosen-'));
    const project = ensureDemoProject(dir);
    const r = await cli('crosstab', `${project}#demo`, ...PEKELA_YOUNG.slice(2), '--rules', 'none', '--reason', REASON, '--json');
    expect(r.code).toBe(0);
    const t = JSON.parse(r.out);
    expect(t.rules).toMatchObject({ ruleSet: 'none', status: 'unchecked' });
    expect(t.rules.messages).toContainEqual({ code: 'rules-unchecked', ruleSet: 'none', project: 'cbs-persons' });
    const store = ProjectStore.open(project);
    try {
      expect(store.auditEntries()[0]).toMatchObject({
        action: 'rules.loosen',
        detail: { call: 'cli crosstab', ruleSet: 'none', project: 'cbs-persons', reason: REASON },
      });
    } finally {
      store.close();
    }
  });

  it('refuses a book spec with "ruleSet": "none" without a reason, and marks every sheet of one with a reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duiding-loosen-book-'));
    const spec = join(dir, 'boek.json');
    writeFileSync(spec, JSON.stringify({ ...demoBook, ruleSet: 'none' }));
    const refused = await cli('book', 'demo', '--spec', spec, '--out', join(dir, 'a.xlsx'));
    expect(refused.code).toBe(2);
    writeFileSync(spec, JSON.stringify({ ...demoBook, ruleSet: 'none', rulesReason: REASON }));
    const r = await cli('book', 'demo', '--spec', spec, '--out', join(dir, 'b.xlsx'), '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).tables.every((x: { status: string }) => x.status === 'unchecked')).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'b.xlsx'));
    const texts = (name: string) => {
      const out: string[] = [];
      wb.getWorksheet(name)!.eachRow((row) => row.eachCell((c) => out.push(String(c.value ?? ''))));
      return out;
    };
    for (const ws of wb.worksheets) {
      if (ws.name === 'Inhoud') continue;
      expect(
        texts(ws.name).some((x) => x.includes('Niet gecontroleerd op outputregels')),
        ws.name,
      ).toBe(true);
    }
    expect(wb.getWorksheet('Controle')).toBeDefined();
  });
});

describe("rules below the project's through the API", () => {
  it('refuses ruleSet "none" without a reason; with one it is audited and the tables say unchecked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duiding-loosen-api-'));
    const session = new AppSession(dir);
    session.open(ensureDemoProject(dir));
    const ctx: AppContext = { session, emit: () => undefined };
    const req = { dataset: 'demo', rows: ['gemeente'], banner: { items: [{ variable: 'leeftijdsklasse' }] }, filter: 'golf = 2025', ruleSet: 'none' };
    const refused = await dispatch(handlers, 'analysis.tables', req, ctx);
    expect(refused).toMatchObject({ ok: false, status: 422, body: { error: { code: 'output-rules', detail: { code: 'rules-reason-required' } } } });
    const csv = await dispatch(handlers, 'export.table', { ...req, format: 'csv' }, ctx);
    expect(csv.ok).toBe(false);
    const ok = await dispatch(handlers, 'analysis.tables', { ...req, rulesReason: REASON }, ctx);
    if (!ok.ok) throw new Error(ok.body.error.message);
    const table = (ok.result as any).tables[0];
    expect(table.status).toBe('unchecked');
    expect(table.result.rules.status).toBe('unchecked');
    const exported = await dispatch(handlers, 'export.table', { ...req, rulesReason: REASON, format: 'csv' }, ctx);
    if (!exported.ok) throw new Error(exported.body.error.message);
    expect((exported.result as any).text.split('\r\n')[1]).toMatch(/^Niet gecontroleerd op outputregels/);
    const actions = session
      .store()
      .auditEntries()
      .map((e) => e.action);
    expect(actions.filter((a) => a === 'rules.loosen')).toHaveLength(2);
    session.close();
  });
});
