/**
 * `duiding weight` as users script it (docs/cli.md): the report's JSON shape, weights written to .csv
 * and .sav (against R on the oracle's api data), storing in a project with recipe, audit and undo, and
 * errors as one line with exit 1 (2 for usage).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findVariable, numericAt, type NumericColumn } from '../../shared/model/dataset';
import { generateDemo } from '../../resources/demo/generate';
import { readAnyFile } from '../../electron/import/index';
import { ensureDemoProject } from '../../electron/startup/demo-project';
import { ProjectStore } from '../../electron/store/project-store';
import { cli } from './run-cli';

const ORACLE = join(__dirname, '../oracle/weighting');
const expected = JSON.parse(readFileSync(join(ORACLE, 'expected.json'), 'utf8'));
const tmp = () => mkdtempSync(join(tmpdir(), 'duiding-weight-cli-'));

const TARGETS_CSV = [
  'variabele;code;doel',
  ...['37.000', '196.000', '38.000', '49.000', '31.000', '10.000', '26.000', '22.000', '51.000', '20.000'].map((t, k) => `gemeente;${k + 1};${t}`),
  'leeftijdsklasse;1;0,24',
  'leeftijdsklasse;2;0,22',
  'leeftijdsklasse;3;0,26',
  'leeftijdsklasse;4;0,28',
  'totaal;;480.000',
].join('\n');

function targetsFile(dir: string, text = TARGETS_CSV, name = 'doelen.csv'): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('duiding weight', () => {
  it('prints the report in the shape of docs/cli.md', async () => {
    const r = await cli(
      'weight',
      'demo',
      '--targets',
      join(__dirname, '../../resources/demo/weging-2025.csv'),
      '--method',
      'rake',
      '--filter',
      'golf = 2025',
      '--json',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining(['method', 'variable', 'converged', 'iterations', 'n', 'weighted', 'excluded', 'summary', 'margins']),
    );
    expect(Object.keys(report.summary).sort()).toEqual(['cv', 'effectiveN', 'kishDeff', 'max', 'mean', 'min', 'negative', 'trimmed']);
    expect(Object.keys(report.margins[0].categories[0])).toEqual(expect.arrayContaining(['code', 'label', 'sample', 'target', 'achieved']));
    expect(report).toMatchObject({ method: 'rake', variable: 'weging', converged: true, n: 5923, excluded: 6205, total: 480000 });
    expect(report.margins[0].categories[0]).toMatchObject({ code: 1, label: 'Eemsdelta', sample: 491, target: 37000 });
    expect(report.proportions).toEqual(['leeftijdsklasse']);
  });

  it('writes weights equal to R survey::rake to a CSV (the oracle data, design weights as base)', async () => {
    const dir = tmp();
    const out = join(dir, 'api.csv');
    const r = await cli(
      'weight',
      join(ORACLE, 'fixture.csv'),
      '--targets',
      join(ORACLE, 'targets-rake.json'),
      '--method',
      'rake',
      '--base-weight',
      'pw',
      '--name',
      'wrake',
      '--out',
      out,
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Wrote ${out}: 200 rows, 8 variables`);
    const back = await readAnyFile(out);
    const w = back.columns[back.variables.findIndex((v) => v.name === 'wrake')] as NumericColumn;
    (expected.rake_pw.weights as number[]).forEach((want, i) => expect(Math.abs(numericAt(w, i) - want) / want).toBeLessThan(1e-8));
  });

  it('writes a .sav that keeps the metadata and adds the labelled weight; cases without a weight are system-missing', async () => {
    const dir = tmp();
    const out = join(dir, 'golf2025.sav');
    const r = await cli(
      'weight',
      'demo',
      '--targets',
      targetsFile(dir),
      '--method',
      'linear',
      '--filter',
      'golf = 2025',
      '--name',
      'wlin',
      '--out',
      out,
      '--json',
    );
    expect(r.code).toBe(0);
    const back = await readAnyFile(out);
    expect(back.variables.find((v) => v.name === 'gemeente')?.valueLabels['6']).toBe('Pekela');
    expect(back.weight).toBe('gewicht');
    const meta = back.variables.find((v) => v.name === 'wlin')!;
    expect(meta).toMatchObject({ measure: 'scale', format: { type: 'F', width: 12, decimals: 4 } });
    expect(meta.label).toMatch(/^Weging \(linear, \d{4}-\d{2}-\d{2}\) naar gemeente, leeftijdsklasse; totaal 480\.000$/);
    const w = back.columns[back.variables.indexOf(meta)] as NumericColumn;
    const golf = back.columns[back.variables.findIndex((v) => v.name === 'golf')] as NumericColumn;
    let sum = 0;
    for (let i = 0; i < back.rows; i++) {
      const v = numericAt(w, i);
      if (numericAt(golf, i) === 2025) sum += v;
      else expect(v).toBeNaN();
    }
    expect(sum).toBeCloseTo(480000, 6);
  });

  it('--project stores the weight with its recipe and an audit entry; undo takes it out', async () => {
    const dir = tmp();
    const project = ensureDemoProject(dir);
    const r = await cli(
      'weight',
      `${project}#demo`,
      '--project',
      project,
      '--targets',
      targetsFile(dir),
      '--method',
      'rake',
      '--filter',
      'golf = 2025',
      '--trim',
      '3x',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Stored weging (role weight) with its recipe in ${project}#demo`);
    const store = ProjectStore.open(project);
    try {
      const meta = store.datasetInfo('demo').variables.find((v) => v.name === 'weging');
      expect(meta?.role).toBe('weight');
      expect(store.recipes().get('demo', 'weging')?.body).toMatchObject({ method: 'rake', trim: { max: 3, relative: true } });
      expect(store.auditEntries(5).find((e) => e.action === 'weight.cli')?.detail).toMatchObject({ variable: 'weging', method: 'rake' });
      store.undo();
      expect(store.datasetInfo('demo').variables.some((v) => v.name === 'weging')).toBe(false);
    } finally {
      store.close();
    }
  });

  it.each([
    [['--method', 'rake'], 2, /^duiding: --targets is required\n$/],
    [['--method', 'ipf', '--targets', 'T'], 2, /^duiding: --method is rake, poststrat or linear, not "ipf"\n$/],
    [['--method', 'rake', '--targets', '/nonexistent/t.json'], 2, /no such targets file/],
    [['--method', 'rake', '--targets', 'T', '--trim', 'veel'], 2, /--trim is a maximum weight/],
    [['--method', 'rake', '--targets', 'T', '--project', 'p.duiding'], 2, /give DATA as p\.duiding#DATASET/],
    [['--method', 'rake', '--targets', 'T', '--out', 'x.xlsx'], 2, /--out must end in \.sav, \.zsav or \.csv/],
    [['--method', 'rake', '--targets', 'T', '--name', '1x'], 2, /^duiding: --name: /],
  ])('usage error %j exits %d', async (flags, code, message) => {
    const dir = tmp();
    const args = flags.map((f) => (f === 'T' ? targetsFile(dir) : f));
    const r = await cli('weight', 'demo', ...args);
    expect(r.code).toBe(code);
    expect(r.err).toMatch(message);
    expect(r.out).toBe('');
  });

  it('codes without a target, margins that disagree and impossible bounds exit 1 with one line, writing nothing', async () => {
    const dir = tmp();
    const out = join(dir, 'x.sav');
    const noFilter = await cli('weight', 'demo', '--targets', targetsFile(dir, 'gemeente;1;10\ngemeente;2;20\n'), '--method', 'poststrat', '--out', out);
    expect(noFilter.code).toBe(1);
    expect(noFilter.err).toBe('duiding: gemeente: code(s) 3, 4, 5, 6, 7, 8, 9, 10 occur in the data but have no target\n');
    // Without the total line the age shares are not proportions of anything: the margins disagree.
    const noTotal = TARGETS_CSV.replace('\ntotaal;;480.000', '');
    const r = await cli('weight', 'demo', '--targets', targetsFile(dir, noTotal), '--method', 'rake', '--filter', 'golf = 2025');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^duiding: The targets of leeftijdsklasse sum to 1, not to the total 480000; .*\n$/);
    const scaled = await cli(
      'weight',
      'demo',
      '--targets',
      targetsFile(dir, noTotal),
      '--method',
      'rake',
      '--filter',
      'golf = 2025',
      '--scale-targets',
      '--json',
    );
    expect(scaled.code).toBe(0);
    const [s] = JSON.parse(scaled.out).scaled;
    expect(s.variable).toBe('leeftijdsklasse');
    expect(s.factor).toBeCloseTo(480000, 6);
    const tight = await cli(
      'weight',
      'demo',
      '--targets',
      targetsFile(dir),
      '--method',
      'rake',
      '--filter',
      'golf = 2025',
      '--bounds',
      '0.98,1.02',
      '--max-iter',
      '50',
      '--out',
      out,
    );
    expect(tight.code).toBe(1);
    expect(tight.err).toMatch(/^duiding: Weighting \(rake\) did not converge in 50 iterations .* Nothing was written\n$/);
    expect(() => readFileSync(out)).toThrow();
  });
});

describe('the weighting report under the output rules', () => {
  const demo = generateDemo();
  const gemeente = demo.columns[findVariable(demo, 'gemeente')] as NumericColumn;
  const column = (name: string) => demo.columns[findVariable(demo, name)] as NumericColumn;
  /** Cases per gemeente code among rows where `keep` holds, tallied from the data column. */
  const perGemeente = (keep: (i: number) => boolean) => {
    const out = new Map<number, number>();
    for (let i = 0; i < demo.rows; i++) if (keep(i)) out.set(numericAt(gemeente, i), (out.get(numericAt(gemeente, i)) ?? 0) + 1);
    return out;
  };
  const golf = (i: number) => numericAt(column('golf'), i) === 2025;
  const gemeenteOnly = (dir: string) =>
    targetsFile(
      dir,
      TARGETS_CSV.split('\n')
        .filter((l) => !l.startsWith('leeftijdsklasse'))
        .join('\n'),
      'gemeenten.csv',
    );
  const weigh = async (filter: string) => {
    const r = await cli('weight', 'demo', '--targets', gemeenteOnly(tmp()), '--method', 'rake', '--filter', filter, '--json');
    expect(r.err).toBe('');
    return JSON.parse(r.out);
  };

  it('suppresses small sample counts (and their scaled base weights) and withholds the spread of the weights', async () => {
    const filter = 'golf = 2025 and leefbaarheid <= 5';
    const report = await weigh(filter);
    const truth = perGemeente((i) => golf(i) && numericAt(column('leefbaarheid'), i) <= 5);
    const cats = report.margins[0].categories;
    expect(cats.some((c: any) => (truth.get(c.code) ?? 0) < 10)).toBe(true);
    for (const c of cats) {
      if (c.sample === null) expect(c.base).toBeNull();
      else {
        expect(c.sample).toBe(truth.get(c.code));
        expect(c.sample).toBeGreaterThanOrEqual(10);
      }
      expect(c.target).toBeGreaterThan(0);
    }
    // With one margin each weight is target / count: the largest weight would give the smallest count away.
    expect(report.summary).toMatchObject({ min: null, max: null, cv: null, kishDeff: null, effectiveN: null });
    expect(report.summary.mean).toBeCloseTo(480000 / report.n, 6);
    expect(report.rules.status).toBe('suppressed');
    expect(report.rules.messages).toContainEqual({ code: 'weight-summary-withheld' });
    const text = await cli('weight', 'demo', '--targets', gemeenteOnly(tmp()), '--method', 'rake', '--filter', filter);
    expect(text.out).toMatch(/^min x {2}max x {2}mean /m);
    expect(text.out).toMatch(/^output rules \(cbs-persons\): /m);
  });

  it('checks the sample counts against the same wave without one of the filter’s conditions (differencing)', async () => {
    const report = await weigh('golf = 2025 and leeftijdsklasse <> 1');
    const wave = perGemeente(golf);
    const published = report.margins[0].categories.filter((c: any) => c.sample !== null);
    expect(published.length).toBeGreaterThan(5);
    for (const c of published) {
      const d = (wave.get(c.code) ?? 0) - c.sample;
      expect(d > 0 && d < 10, `gemeente ${c.code}`).toBe(false);
    }
    expect(report.rules.messages).toContainEqual(expect.objectContaining({ code: 'difference-cells', source: 'filter' }));
  });
});
