/**
 * Layered crosstabs against R (expected.json from make.R): per layer and for the total over layers,
 * counts exactly, Σw, Pearson/LR/Yates/Fisher and the Rao–Scott domain test to 1e-9 (p-values also to 1e-6 relative).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../../resources/demo/generate';
import { layeredCrosstab, type LayeredCrosstabOptions } from '../../../shared/engine/layers';
import { setLayeredCrosstab } from '../../../shared/engine/mr/set-layers';
import { filterMask } from '../../../shared/analysis/filter';
import type { LayeredCrosstab } from '../../../shared/engine/layer-result';
import type { CrosstabTable, RaoScott, TestStat } from '../../../shared/model/results';
import { loadCsvDataset } from '../regression/load-fixture';
import { expectP } from '../p-value';

const ex = JSON.parse(readFileSync(join(__dirname, 'expected.json'), 'utf8'));
const fixture = loadCsvDataset(join(__dirname, 'fixture.csv'), {
  a: { values: [9], range: null },
  c: { values: [9], range: null },
});
const demo = generateDemo();

const rel = (got: number, want: number) => Math.abs(got - want) <= 1e-9 * Math.max(Math.abs(want), 1e-300);

function expectStat(got: TestStat | undefined, want: TestStat) {
  expect(got).toBeDefined();
  expect(rel(got!.value, want.value), `${got!.value} vs ${want.value}`).toBe(true);
  expect(got!.df).toBe(want.df);
  expectP(got!.p, want.p);
}

interface Block {
  rows: number[];
  cols: number[];
  count: number[][];
  weighted: number[][];
  pearson?: TestStat;
  lr?: TestStat;
  yates?: TestStat;
  fisher?: number;
}

function expectBlock(t: CrosstabTable, want: Block, tests: boolean) {
  expect(t.rows.map((r) => r.code)).toEqual(want.rows);
  expect(t.cols.map((c) => c.code)).toEqual(want.cols);
  expect(t.count).toEqual(want.count);
  t.weighted.forEach((row, i) => row.forEach((v, j) => expect(rel(v!, want.weighted[i][j])).toBe(true)));
  if (!tests) return;
  if (want.pearson) expectStat(t.chi2?.pearson, want.pearson);
  if (want.lr) expectStat(t.chi2?.lr, want.lr);
  if (want.yates) expectStat(t.chi2?.yates, want.yates);
  if (want.fisher !== undefined) expectP(t.chi2!.fisher!.p, want.fisher, 'Fisher');
}

/** Layer codes as R wrote them: system-missing as −1, two layer variables as c·10 + x. */
function rCode(r: LayeredCrosstab, l: number): number {
  const keys = r.layers[l].keys;
  const num = keys.map((k) => (typeof k.code === 'number' && Number.isNaN(k.code) ? -1 : Number(k.code)));
  return num.reduce((s, v) => s * 10 + v, 0);
}

function compare(r: LayeredCrosstab, want: { codes: number[]; layers: Block[]; total: Block }, tests = true) {
  const byCode = new Map(want.codes.map((c, i) => [c, want.layers[i]]));
  expect(r.layers.map((_, l) => rCode(r, l)).sort((a, b) => a - b)).toEqual(want.codes);
  r.layers.forEach((layer, l) => expectBlock(layer.table, byCode.get(rCode(r, l))!, tests));
  expectBlock(r.total!, want.total, tests);
}

function compareRaoScott(r: LayeredCrosstab, want: { codes: number[]; layers: RaoScott[]; total: RaoScott }) {
  expect(r.layers.map((l) => l.code)).toEqual(want.codes);
  const check = (got: RaoScott | undefined, w: RaoScott) => {
    expect(got).toBeDefined();
    expect(rel(got!.F, w.F)).toBe(true);
    expect(rel(got!.ndf, w.ndf)).toBe(true);
    expect(rel(got!.ddf, w.ddf), `ddf ${got!.ddf} vs ${w.ddf}`).toBe(true);
    expectP(got!.p, w.p, 'Rao–Scott');
  };
  r.layers.forEach((l, i) => check(l.table.chi2?.raoScott, want.layers[i]));
  check(r.total!.chi2?.raoScott, want.total);
}

const fx = (o: Partial<LayeredCrosstabOptions>) => layeredCrosstab(fixture, { row: 'a', col: 'b', layers: ['c'], ...o });

describe('layered crosstab vs R: fixture', () => {
  it('unweighted a × b by c: user-missing layer code 9 and blanks left out', () => {
    const r = fx({});
    expect(r.layers.map((l) => l.label)).toEqual(['1', '2', '3']);
    compare(r, ex.fixture_unweighted);
  });
  it('integer frequency weight', () => compare(fx({ weight: { variable: 'fw', type: 'frequency' } }), ex.fixture_freq));
  it('fractional frequency weight', () => compare(fx({ weight: { variable: 'w', type: 'frequency' } }), ex.fixture_fracfreq));
  it('2×2 per layer: Yates and Fisher', () => compare(fx({ row: 'x', col: 'z' }), ex.fixture_2x2));
  it('2×2 per layer with frequency weights', () => compare(fx({ row: 'x', col: 'z', weight: { variable: 'fw', type: 'frequency' } }), ex.fixture_2x2_fw));
  it('missing layer codes shown when asked', () => {
    const r = fx({ includeMissingLayers: true });
    expect(r.layers.length).toBe(5);
    compare(r, ex.fixture_include_missing);
  });
  it('two layer variables: every combination, first variable slowest', () => {
    const r = fx({ layers: ['c', 'x'] });
    expect(r.layers.map((l) => l.code)).toEqual(['1,0', '1,1', '2,0', '2,1', '3,0', '3,1']);
    compare(r, ex.fixture_two_layers);
  });
  it('Rao–Scott per layer, weights only (subset design)', () =>
    compareRaoScott(fx({ weight: { variable: 'w', type: 'sampling' } }), ex.fixture_raoscott_weights));
  it('Rao–Scott per layer, strata and clusters (subset design)', () =>
    compareRaoScott(fx({ weight: { variable: 'w', type: 'sampling' }, design: { strata: 'st', cluster: 'cl' } }), ex.fixture_raoscott_design));
  it('Rao–Scott per layer on 2×2, strata and clusters', () =>
    compareRaoScott(
      fx({ row: 'x', col: 'z', weight: { variable: 'w', type: 'sampling' }, design: { strata: 'st', cluster: 'cl' } }),
      ex.fixture_raoscott_design_2x2,
    ));
});

describe('layered crosstab vs R: demo gemeente × geslacht by golf', () => {
  const dm = (o: Partial<LayeredCrosstabOptions>) => layeredCrosstab(demo, { row: 'gemeente', col: 'geslacht', layers: ['golf'], ...o });
  it('unweighted', () => compare(dm({}), ex.demo_unweighted));
  it('gewicht as frequency weight', () => compare(dm({ weight: { variable: 'gewicht', type: 'frequency' } }), ex.demo_freq));
  it('gewicht as sampling weight: Rao–Scott per golf', () => {
    const r = dm({ weight: { variable: 'gewicht', type: 'sampling' } });
    compareRaoScott(r, ex.demo_raoscott);
    compare(r, ex.demo_freq, false);
  });
  it('golf × leeftijdsklasse layers', () => compare(dm({ layers: ['golf', 'leeftijdsklasse'] }), ex.demo_two_layers));
});

describe('a multiple-response set as the layer vs R: demo leefbaarheid × geslacht by $isolatie, wave 2025', () => {
  const wave = filterMask(demo, 'golf = 2025');
  const set = demo.mrSets.find((s) => s.name === '$isolatie')!;
  const r = setLayeredCrosstab(demo, { row: 'leefbaarheid', col: 'geslacht', set, weight: { variable: 'gewicht', type: 'sampling' }, filter: wave });
  it('one layer per item (cases with it ticked), the total over the set’s base: counts and Σw', () => {
    expect(r.layers.map((l) => l.code)).toEqual(ex.demo_set_layers.items);
    expect(r.overlapping).toEqual({ set: '$isolatie', kind: 'dichotomies', maxPerCase: 5 });
    // With a sampling weight the test is Rao–Scott (below), not Pearson on Σw, as for the other layers.
    r.layers.forEach((l, i) => expectBlock(l.table, ex.demo_set_layers.layers[i], false));
    expectBlock(r.total!, ex.demo_set_layers.total, false);
  });
  it('Rao–Scott per item on the subset design (svychisq on subset(design, item ticked))', () => {
    const want = ex.demo_set_layers_raoscott;
    compareRaoScott({ ...r, layers: r.layers.map((l, i) => ({ ...l, code: i })) }, { codes: want.items.map((_: string, i: number) => i), layers: want.layers, total: want.total });
  });
});

describe('PSPP CROSSTABS /TABLES=a BY b BY c agrees (layers-pspp.csv, at the decimals PSPP prints)', () => {
  const txt = readFileSync(join(__dirname, 'layers-pspp.csv'), 'utf8');
  /** Per run: layer code → interior counts (rows a = 1..3, columns b = 1..3), and Pearson/LR per layer. */
  const runs = txt.split('Table: a × b × c').slice(1).map((block) => {
    const [counts, tests] = block.split('Table: Chi-Square Tests');
    const byLayer = new Map<number, number[][]>();
    let layer = NaN;
    for (const line of counts.split('\n')) {
      const f = line.split(',');
      if (f[4] !== 'Count' || f[2] === 'Total') continue;
      if (f[1] !== '') layer = Number(f[1]);
      if (!byLayer.has(layer)) byLayer.set(layer, []);
      byLayer.get(layer)!.push(f.slice(5, -1).map(Number));
    }
    const stats = new Map<number, { pearson: number; lr: number }>();
    for (const line of tests.split('\n')) {
      const f = line.split(',');
      if (f[1] !== '') layer = Number(f[1]);
      if (f[2] === 'Pearson Chi-Square') stats.set(layer, { pearson: Number(f[3]), lr: NaN });
      if (f[2] === 'Likelihood Ratio') stats.get(layer)!.lr = Number(f[3]);
    }
    return { byLayer, stats };
  });

  it.each([
    ['unweighted', undefined, 0],
    ['fw as frequency weight', { variable: 'fw', type: 'frequency' as const }, 1],
  ])('%s: same layers, counts and tests', (_name, weight, run) => {
    const r = fx({ weight });
    const want = runs[run];
    expect(r.layers.map((l) => l.code)).toEqual([...want.byLayer.keys()]);
    for (const l of r.layers) {
      expect(l.table.weighted).toEqual(want.byLayer.get(l.code as number));
      const s = want.stats.get(l.code as number)!;
      expect(l.table.chi2!.pearson.value.toFixed(2)).toBe(s.pearson.toFixed(2));
      expect(l.table.chi2!.lr.value.toFixed(2)).toBe(s.lr.toFixed(2));
    }
  });
});
