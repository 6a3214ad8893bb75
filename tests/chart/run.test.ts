// End to end: dataset → crosstab through the output rules → chart file; and the chart handlers.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contract } from '../../shared/api';
import { defaultRuleSet } from '../../shared/disclosure/rules';
import { chartHandlers } from '../../electron/handlers/charts';
import type { AppContext } from '../../electron/backend/types';
import { prepareChart, readPngInfo, runChart } from '../../electron/export/chart';
import { SaveTargets } from '../../electron/backend/save-targets';
import { surveyDataset } from './dataset';
import { parseSvg, texts } from './fixtures';

const dir = mkdtempSync(join(tmpdir(), 'duiding-chart-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ds = surveyDataset();
const nbsp = (s: string) => s.replace(/\u00a0/g, ' ');

describe('runChart', () => {
  it('writes a 300-dpi PNG of the exact print size and reports suppressed cells', async () => {
    const out = join(dir, 'q.png');
    const r = await runChart(ds, {
      rows: 'q',
      cols: 'g',
      weight: 'w',
      type: 'bar-100',
      out,
      widthMm: 160,
      heightMm: 100,
      dpi: 300,
      locale: 'nl',
      ruleSet: 'cbs-persons',
    });
    expect(r).toMatchObject({ path: out, widthPx: 1890, heightPx: 1181 });
    // The 12-person area cannot be shown cell by cell under cbs-persons.
    expect(r.suppressed).toBeGreaterThan(0);
    expect(readPngInfo(readFileSync(out))).toMatchObject({ width: 1890, height: 1181, dpi: 300 });
    expect(readdirSync(dir)).toEqual(['q.png']);
  });

  it('draws everything with rules "none", titled by the variable label', async () => {
    const out = join(dir, 'q-none.svg');
    const r = await runChart(ds, {
      rows: 'q',
      cols: 'g',
      type: 'bar',
      out,
      ruleSet: 'none',
      rulesReason: 'testtabel zonder regels',
      spec: { source: 'Testpeiling' },
    });
    expect(r.suppressed).toBe(0);
    const t = texts(parseSvg(readFileSync(out, 'utf8'))).map(nbsp);
    expect(t).toContain('De gemeente luistert naar inwoners');
    expect(t).toContain('Bron: Testpeiling');
    // Made under rules below cbs-persons, on request: the chart says so.
    expect(t).toContain('Niet gecontroleerd op outputregels');
    expect(t.some((s) => s.startsWith('Eiland (n = 12'))).toBe(true);
    // User-missing "Weet niet" is not a valid category.
    expect(t).not.toContain('Weet niet');
  });

  it('refuses to chart an identifier', async () => {
    await expect(runChart(ds, { rows: 'respnr', cols: 'g', type: 'bar', out: join(dir, 'id.svg') })).rejects.toThrow(/respnr/);
  });

  it('draws weighted intervals on the Kish effective base of each column, from the published banner', () => {
    const { table } = prepareChart(ds, { row: 'q', col: 'g', weight: { variable: 'w', type: 'sampling' } }, { type: 'dot' }, defaultRuleSet('none'));
    const q = ds.columns[0].kind === 'numeric' ? ds.columns[0].data : null;
    const g = ds.columns[1].kind === 'numeric' ? ds.columns[1].data : null;
    const w = ds.columns[2].kind === 'numeric' ? ds.columns[2].data : null;
    let checked = 0;
    table.columns.forEach((c, k) => {
      if (c.path.length === 0) return;
      let s = 0;
      let s2 = 0;
      for (let i = 0; i < ds.rows; i++) {
        if (g![i] !== c.path[0].code || q![i] === 9) continue;
        s += w![i];
        s2 += w![i] * w![i];
      }
      expect(table.base.effective[k]).toBeCloseTo((s * s) / s2, 9);
      checked++;
    });
    expect(checked).toBeGreaterThan(1);
  });
});

describe('chart handlers', () => {
  const ctx = {
    session: {
      dataset: () => ds,
      ruleSet: () => defaultRuleSet('cbs-persons'),
      store: () => {
        throw new Error('no project');
      },
      invalidate: () => undefined,
      isOpen: () => false,
      saveTargets: new SaveTargets(),
    },
    emit: () => undefined,
  } as unknown as AppContext;
  const req = (extra: Record<string, unknown>) => ({
    dataset: 'survey',
    row: 'q',
    col: 'g',
    weight: { variable: 'w', type: 'sampling' },
    spec: { type: 'dot', focus: [4] },
    ...extra,
  });

  it('renders an SVG preview under the project rule set', async () => {
    const res = await chartHandlers['chart.render']!(contract['chart.render'].request.parse(req({})), ctx);
    expect(res.format).toBe('svg');
    expect(res.svg).toMatch(/^<svg width="160mm"/);
    expect(res.rules.ruleSet).toBe('cbs-persons');
    expect(texts(parseSvg(res.svg!)).some((s) => s.startsWith('Lijnen: 95%-betrouwbaarheidsinterval'))).toBe(true);
  });

  it('renders a PNG as base64 and exports files', async () => {
    const png = await chartHandlers['chart.render']!(
      contract['chart.render'].request.parse(req({ format: 'png', spec: { type: 'bar', widthMm: 80, heightMm: 50, dpi: 150 } })),
      ctx,
    );
    expect(readPngInfo(Buffer.from(png.png!, 'base64'))).toMatchObject({ width: 472, height: 295 });
    const out = join(dir, 'export.svg');
    const { token } = ctx.session.saveTargets.issue(out, 'svg');
    // Only a file the user chose: a path in the request is not a target, nor a token for another format.
    expect(contract['chart.export'].request.safeParse(req({ out, format: 'svg' })).success).toBe(false);
    await expect(chartHandlers['chart.export']!(contract['chart.export'].request.parse(req({ target: token, format: 'png' })), ctx)).rejects.toThrow(/svg/);
    const { token: again } = ctx.session.saveTargets.issue(out, 'svg');
    const res = await chartHandlers['chart.export']!(contract['chart.export'].request.parse(req({ target: again, format: 'svg' })), ctx);
    expect(res.path).toBe(out);
    // A token is good for one export.
    await expect(chartHandlers['chart.export']!(contract['chart.export'].request.parse(req({ target: again, format: 'svg' })), ctx)).rejects.toThrow(
      /Choose where to save/,
    );
    expect(readFileSync(out, 'utf8')).toMatch(/^<svg/);
  });

  it('saves a house style in the project and draws with it', async () => {
    const specs: { id: number; kind: string; name: string; body: unknown }[] = [];
    const store = {
      overrides: () => ({ list: () => [] }),
      listSpecs: (kind: string) => specs.filter((x) => x.kind === kind),
      saveSpec: (x: { id?: number; kind: string; name: string; body: unknown }) => {
        const row = { ...x, id: x.id ?? specs.length + 1 };
        specs.splice(0, specs.length, ...specs.filter((y) => y.id !== row.id), row);
        return row;
      },
    };
    const withProject = { ...ctx, session: { ...ctx.session, store: () => store } } as unknown as AppContext;
    const base = await chartHandlers['chart.style']!({}, withProject);
    const style = { ...base, palette: { ...base.palette, categorical: ['#123456', ...base.palette.categorical.slice(1)] } };
    await chartHandlers['chart.saveStyle']!(contract['chart.saveStyle'].request.parse({ style }), withProject);
    await chartHandlers['chart.saveStyle']!(contract['chart.saveStyle'].request.parse({ style }), withProject);
    expect(specs).toHaveLength(1);
    const res = await chartHandlers['chart.render']!(contract['chart.render'].request.parse(req({})), withProject);
    expect(res.svg).toContain('fill="#123456"');
    const plain = await chartHandlers['chart.render']!(contract['chart.render'].request.parse(req({})), ctx);
    expect(plain.svg).not.toContain('#123456');
  });

  it('rejects a spec that does not parse', () => {
    expect(contract['chart.render'].request.safeParse(req({ spec: { type: 'pie' } })).success).toBe(false);
  });
});
