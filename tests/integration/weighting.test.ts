/**
 * Weighting through the contract on the demo project: preview stores nothing; apply stores a weight
 * variable (role weight) with its recipe and audit entry, undoable; tables use it as a sampling weight;
 * a recipe reruns on the next wave and names the codes that no longer match.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventName, Events } from '../../shared/api';
import { numericAt, type Dataset, type NumericColumn } from '../../shared/model/dataset';
import { runWeighting } from '../../shared/weighting/index';
import { generateDemo } from '../../resources/demo/generate';
import { dispatch } from '../../electron/backend/dispatch';
import { AppSession } from '../../electron/backend/session';
import type { AppContext } from '../../electron/backend/types';
import { handlers } from '../../electron/handlers/index';
import { ensureDemoProject } from '../../electron/startup/demo-project';
import { ProjectStore } from '../../electron/store/project-store';

/** Invented population totals of the ten municipalities (18+), for the demo's 2025 wave. */
export const MUNICIPAL_TOTALS = { '1': 37000, '2': 196000, '3': 38000, '4': 49000, '5': 31000, '6': 10000, '7': 26000, '8': 22000, '9': 51000, '10': 20000 };
const spec = {
  method: 'rake' as const,
  name: 'wgem25',
  filter: 'golf = 2025',
  targets: {
    margins: [
      { variable: 'gemeente', targets: MUNICIPAL_TOTALS },
      { variable: 'leeftijdsklasse', targets: { '1': 0.24, '2': 0.22, '3': 0.26, '4': 0.28 } },
    ],
    total: 480000,
  },
};

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'duiding-weight-'));
  const path = ensureDemoProject(dir);
  const session = new AppSession(dir);
  session.open(path);
  const events: EventName[] = [];
  const ctx: AppContext = { session, emit: <E extends EventName>(name: E, _p: Events[E]) => void events.push(name) };
  const call = async (name: string, args: unknown) => {
    const out = await dispatch(handlers, name, args, ctx);
    if (!out.ok) throw Object.assign(new Error(out.body.error.message), { status: out.status, body: out.body });
    return out.result as any;
  };
  const fail = async (name: string, args: unknown) => {
    const out = await dispatch(handlers, name, args, ctx);
    if (out.ok) throw new Error(`${name} did not fail`);
    return out;
  };
  return { dir, path, session, call, fail, events };
}

const column = (ds: Dataset, name: string) => ds.columns[ds.variables.findIndex((v) => v.name === name)] as NumericColumn;

describe('weighting calls', () => {
  it('preview reports without storing; apply stores the weight with recipe and audit, undoable', async () => {
    const { session, call, events } = setup();
    const report = await call('weighting.preview', { dataset: 'demo', spec });
    expect(report.converged).toBe(true);
    expect(report.n + report.excluded).toBe(session.dataset('demo').rows);
    expect(report.excludedBy.filter).toBeGreaterThan(0);
    expect(session.dataset('demo').variables.some((v) => v.name === 'wgem25')).toBe(false);

    const { variable, report: applied } = await call('weighting.apply', { dataset: 'demo', spec });
    expect(variable).toMatchObject({ name: 'wgem25', role: 'weight', measure: 'scale' });
    expect(variable.label).toMatch(/^Weging \(rake, \d{4}-\d{2}-\d{2}\) naar gemeente, leeftijdsklasse; totaal 480\.000$/);
    expect(applied.weighted).toBeCloseTo(480000, 4);
    expect(events).toContain('project.changed');

    const ds = session.dataset('demo');
    const expected = runWeighting(generateDemo(), spec).weights;
    const got = column(ds, 'wgem25');
    for (let i = 0; i < ds.rows; i++) {
      const w = numericAt(got, i);
      if (Number.isNaN(expected[i])) expect(w).toBeNaN();
      else expect(Math.abs(w - expected[i])).toBeLessThanOrEqual(1e-9 * expected[i]);
    }
    const store = session.store();
    expect(store.recipes().get('demo', 'wgem25')?.body).toMatchObject({ method: 'rake', filter: 'golf = 2025', targets: spec.targets });
    const audit = store.auditEntries(5).find((e) => e.action === 'weight.apply');
    expect(audit?.detail).toMatchObject({ dataset: 'demo', variable: 'wgem25', method: 'rake', n: applied.n });

    expect((await call('history.undo', {})).undone).toBe('wgem25: weging (rake)');
    expect(session.dataset('demo').variables.some((v) => v.name === 'wgem25')).toBe(false);
    expect(store.recipes().get('demo', 'wgem25')).toBeNull();
    await call('history.redo', {});
    const back = column(session.dataset('demo'), 'wgem25');
    expect(Array.from(back.data)).toEqual(Array.from(got.data));
  });

  it('a weighted table uses the new weight as a sampling weight (effective base, Rao–Scott)', async () => {
    const { call } = setup();
    const { report } = await call('weighting.apply', { dataset: 'demo', spec });
    const weight = { variable: 'wgem25', type: 'sampling' };
    const t = await call('analysis.crosstab', {
      dataset: 'demo',
      row: 'geslacht',
      col: 'leeftijdsklasse',
      weight,
      filter: 'golf = 2025',
      rules: 'none',
      rulesReason: 'Rao–Scott test of the new weight, not published',
    });
    expect(t.weightInfo).toMatchObject({ variable: 'wgem25', type: 'sampling', excluded: 0 });
    expect(t.chi2.raoScott.p).toBeGreaterThanOrEqual(0);
    // Every case of the wave has a sex, so the weighted column totals are the age targets.
    t.colTotals.forEach((v: number, j: number) => expect(v / 480000).toBeCloseTo([0.24, 0.22, 0.26, 0.28][j], 10));
    // The table's effective base is the report's Kish effective n.
    const group = await call('analysis.tables', { dataset: 'demo', rows: ['geslacht'], banner: { total: true, items: [] }, weight, filter: 'golf = 2025' });
    expect(group.tables[0].result.base.effective[0]).toBeCloseTo(report.summary.effectiveN, 6);
  });

  it('refuses to overwrite a variable unless asked, and says so in a message code', async () => {
    const { call, fail } = setup();
    const out = await fail('weighting.apply', { dataset: 'demo', spec: { ...spec, name: 'gewicht' } });
    if (out.ok) return;
    expect(out.status).toBe(422);
    expect(out.body.error).toMatchObject({ code: 'weighting', detail: { code: 'weight-variable-exists', name: 'gewicht' } });
    const replaced = await call('weighting.apply', { dataset: 'demo', spec: { ...spec, name: 'GEWICHT' }, replace: true });
    expect(replaced.variable.name).toBe('gewicht');
    await call('history.undo', {});
    const restored = await call('dataset.info', { dataset: 'demo' });
    expect(restored.variables.find((v: any) => v.name === 'gewicht').label).toBe('Weegfactor (gemeente × leeftijd × geslacht)');
  });

  it('a recipe reruns on the next wave, naming codes that no longer match, then with updated targets', async () => {
    const { path, session, call } = setup();
    await call('weighting.apply', { dataset: 'demo', spec });
    // The next wave: a new dataset in which Westerwolde (10) took part no more.
    const next = generateDemo();
    const gem = column(next, 'gemeente');
    for (let i = 0; i < next.rows; i++) if (gem.data[i] === 10) gem.data[i] = 4;
    session.close();
    const store = ProjectStore.open(path);
    store.saveDataset({ ...next, name: 'demo2026' });
    store.close();
    session.open(path);

    const recipes = await call('weighting.recipes', {});
    expect(recipes).toHaveLength(1);
    expect(recipes[0]).toMatchObject({ dataset: 'demo', variable: 'wgem25', datasetExists: true });
    const id = recipes[0].id;
    const stale = await call('weighting.rerun', { recipe: id, dataset: 'demo2026', apply: true });
    expect(stale.mismatches).toEqual([{ variable: 'gemeente', notInData: ['10'], notInTargets: [] }]);
    expect(stale.report).toBeNull();
    expect(session.dataset('demo2026').variables.some((v) => v.name === 'wgem25')).toBe(false);

    const { '10': _gone, ...rest } = MUNICIPAL_TOTALS;
    const targets = { total: 460000, margins: [{ variable: 'gemeente', targets: rest }, spec.targets.margins[1]] };
    const preview = await call('weighting.rerun', { recipe: id, dataset: 'demo2026', targets });
    expect(preview.report.total).toBe(460000);
    expect(preview.variable).toBeNull();
    const done = await call('weighting.rerun', { recipe: id, dataset: 'demo2026', targets, apply: true });
    expect(done.variable.role).toBe('weight');
    expect(session.store().recipes().get('demo2026', 'wgem25')?.body).toMatchObject({ targets });
    expect(
      session
        .store()
        .auditEntries(5)
        .some((e) => e.action === 'weight.rerun'),
    ).toBe(true);
  });

  it('reads a targets file, and a bad one fails naming the line', async () => {
    const { dir, call, fail } = setup();
    const good = join(dir, 'doelen.csv');
    writeFileSync(good, 'variabele;code;doel\ngemeente;Eemsdelta;37.000\ngemeente;2;196.000\n');
    const { targets } = await call('weighting.readTargets', { path: good });
    expect(targets).toEqual({ margins: [{ variable: 'gemeente', targets: { Eemsdelta: 37000, '2': 196000 } }] });
    const bad = join(dir, 'fout.csv');
    writeFileSync(bad, 'gemeente;1;37.000\ngemeente;2;veel\n');
    const out = await fail('weighting.readTargets', { path: bad });
    if (out.ok) return;
    expect(out.body.error.message).toBe('Targets, line 2: the target is not a number (veel)');
    expect(out.body.error.detail).toMatchObject({ code: 'weight-targets', line: 2, problem: 'csv-number' });
  });

  it('draws a margin before and after as SVG', async () => {
    const { call } = setup();
    const report = await call('weighting.preview', { dataset: 'demo', spec });
    const { svg } = await call('weighting.chart', { margin: report.margins[0], lang: 'nl' });
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('gemeente: voor en na weging');
    expect(svg).toContain('Na weging');
  });
});
