/**
 * Weights per case against R survey (expected.json from make.R: rake, postStratify, calibrate linear and
 * raking with bounds, trimWeights), on the api data shipped with survey. Tolerances: weights from a
 * one-step method (poststratification, GREG) agree to 1e-12 relative; iterated ones (raking, bounded
 * calibration) to 1e-8 relative, the engine stopping at 1e-10 relative on the margins and R at its own
 * criterion. R writes 15 significant digits.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compactNumeric, newVariable, type Dataset } from '../../../shared/model/dataset';
import { parseTargetsFile, runWeighting, toTargetSet, WeightingError, type Targets } from '../../../shared/weighting/index';

const dir = __dirname;
const ex = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
const read = (name: string) => readFileSync(join(dir, name), 'utf8');

function loadFixture(): Dataset {
  const lines = read('fixture.csv').trim().split('\n');
  const names = lines[0].split(',').map((s) => s.replace(/"/g, ''));
  const cols = names.map(() => [] as number[]);
  for (const line of lines.slice(1)) line.split(',').forEach((cell, j) => cols[j].push(cell === '' || cell === 'NA' ? NaN : Number(cell)));
  const labels: Record<string, Record<string, string>> = {
    stype: { '1': 'E', '2': 'H', '3': 'M' },
    sch_wide: { '1': 'No', '2': 'Yes' },
  };
  return {
    name: 'apistrat',
    rows: cols[0].length,
    variables: names.map((name) => newVariable(name, 'numeric', { measure: name === 'pw' ? 'scale' : 'nominal', valueLabels: labels[name] ?? {} })),
    weight: null,
    fileLabel: '',
    documents: [],
    mrSets: [],
    columns: cols.map((c) => ({ kind: 'numeric' as const, data: compactNumeric(Float64Array.from(c)) })),
  };
}

const ds = loadFixture();
const N = 6194;
const jsonTargets = JSON.parse(read('targets-rake.json')) as Targets;
const cellsTargets = JSON.parse(read('targets-cells.json')) as Targets;

function expectWeights(got: Float64Array, want: (number | null)[], rel: number) {
  expect(got.length).toBe(want.length);
  let worst = 0;
  want.forEach((w, i) => {
    if (w === null) {
      expect(Number.isNaN(got[i])).toBe(true);
      return;
    }
    worst = Math.max(worst, Math.abs(got[i] - w) / Math.abs(w));
  });
  expect(worst).toBeLessThanOrEqual(rel);
}

const ITERATED = 1e-8;
const ONE_STEP = 1e-12;

describe('weighting vs R survey', () => {
  it('rake with the design weights, targets as JSON proportions of the total', () => {
    const { weights, report } = runWeighting(ds, { method: 'rake', targets: jsonTargets, baseWeight: 'pw' });
    expectWeights(weights, ex.rake_pw.weights, ITERATED);
    expect(report.proportions).toEqual(['stype', 'sch_wide', 'mealcat']);
    expect(report.weighted).toBeCloseTo(N, 6);
  });

  it('rake from the StatLine CSV form (labels for codes, Dutch thousands) gives the same weights', () => {
    const targetSet = parseTargetsFile('targets-rake.csv', read('targets-rake.csv'));
    const { weights } = runWeighting(ds, { method: 'rake', targets: { margins: [{ variable: 'stype', targets: { '1': 1 } }] }, baseWeight: 'pw' }, { targetSet });
    expectWeights(weights, ex.rake_pw.weights, ITERATED);
  });

  it('rake from equal base weights total/n', () => {
    const { weights, report } = runWeighting(ds, { method: 'rake', targets: jsonTargets });
    expectWeights(weights, ex.rake_equal.weights, ITERATED);
    expect(report.baseWeight).toBeNull();
  });

  it('cases missing a margin variable get system-missing and are counted', () => {
    const targets = { ...jsonTargets, margins: jsonTargets.margins!.map((m) => (m.variable === 'mealcat' ? { ...m, variable: 'mealcat_m' } : m)) };
    const { weights, report } = runWeighting(ds, { method: 'rake', targets, baseWeight: 'pw' });
    expectWeights(weights, ex.rake_missing.weights, ITERATED);
    expect(report.excluded).toBe(20);
    expect(report.excludedBy).toEqual({ filter: 0, missing: 20, baseWeight: 0 });
  });

  it('poststratification on one margin and on joint cells', () => {
    const stype = { total: N, margins: [jsonTargets.margins![0]] };
    expectWeights(runWeighting(ds, { method: 'poststrat', targets: stype, baseWeight: 'pw' }).weights, ex.poststrat_stype.weights, ONE_STEP);
    expectWeights(runWeighting(ds, { method: 'poststrat', targets: cellsTargets, baseWeight: 'pw' }).weights, ex.poststrat_cells.weights, ONE_STEP);
  });

  it('linear calibration (GREG), also with negative weights reported', () => {
    const linear = runWeighting(ds, { method: 'linear', targets: jsonTargets, baseWeight: 'pw' });
    expectWeights(linear.weights, ex.linear_pw.weights, ONE_STEP);
    expect(linear.report.iterations).toBe(1);
    const far = ex.linear_negative.targets;
    const targets = {
      margins: [
        jsonTargets.margins![0],
        { variable: 'sch_wide', targets: { '1': far.sch_wide[0], '2': far.sch_wide[1] } },
        { variable: 'mealcat', targets: Object.fromEntries(far.mealcat.map((t: number, k: number) => [String(k + 1), t])) },
      ],
      total: N,
    };
    const neg = runWeighting(ds, { method: 'linear', targets, baseWeight: 'pw' });
    expectWeights(neg.weights, ex.linear_negative.weights, ONE_STEP);
    expect(neg.report.summary.negative).toBe(ex.linear_negative.negative);
  });

  it.each([
    ['linear_bounded', 'linear', undefined],
    ['raking_bounded', 'rake', undefined],
    ['raking_bounded_pw', 'rake', 'pw'],
  ] as const)('bounds on the ratio new/base: %s', (key, method, baseWeight) => {
    const { weights, report } = runWeighting(ds, { method, targets: jsonTargets, baseWeight, bounds: ex[key].bounds });
    expectWeights(weights, ex[key].weights, ITERATED);
    expect(report.bounds).toEqual(ex[key].bounds);
  });

  it('bounded raking converges where R stalls (lower bound binding), meeting margins and bounds', () => {
    // R: calibrate(des_eq, ~stype+sch_wide+mealcat, pop, calfun = "raking", bounds = c(0.44, 2)) fails
    // ("Calibration failed"); a solution exists, and the safeguarded steps find it.
    const { weights, report } = runWeighting(ds, { method: 'rake', targets: jsonTargets, bounds: [0.44, 2] });
    const base = N / ds.rows;
    for (const w of weights) {
      expect(w / base).toBeGreaterThanOrEqual(0.44 - 1e-12);
      expect(w / base).toBeLessThanOrEqual(2 + 1e-12);
    }
    expect([...weights].filter((w) => Math.abs(w / base - 0.44) < 1e-9).length).toBeGreaterThan(0);
    for (const m of report.margins) for (const c of m.categories) expect(Math.abs(c.achieved - c.target) / c.target).toBeLessThan(1e-10);
  });

  it('trimming at a maximum weight with redistribution (trimWeights strict)', () => {
    const { weights, report } = runWeighting(ds, { method: 'rake', targets: jsonTargets, baseWeight: 'pw', trim: { max: ex.rake_trim.trim } });
    expectWeights(weights, ex.rake_trim.weights, ITERATED);
    expect(report.summary.max).toBeLessThanOrEqual(ex.rake_trim.trim);
    expect(report.summary.trimmed).toBe((ex.rake_trim.weights as number[]).filter((w) => Math.abs(w - ex.rake_trim.trim) < 1e-9).length);
    expect(report.weighted).toBeCloseTo(N, 6);
  });

  it('an empty cell (counties without a sampled school) fails as in R, naming the same codes', () => {
    expect(ex.fail_empty.error).toMatch(/absent from sample/);
    const targetSet = parseTargetsFile('targets-county.csv', read('targets-county.csv'));
    let err: unknown;
    try {
      runWeighting(ds, { method: 'poststrat', targets: { margins: [{ variable: 'x', targets: {} }] }, baseWeight: 'pw' }, { targetSet });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(WeightingError);
    const detail = (err as WeightingError).detail;
    expect(detail.code).toBe('weight-codes');
    if (detail.code !== 'weight-codes') return;
    expect(detail.mismatches).toEqual([{ variable: 'cnum', notInData: ex.fail_empty.absent.map(String), notInTargets: [] }]);
  });

  it('bounds that cannot be met fail as in R, and nothing is returned', () => {
    expect(ex.fail_bounds.error).toBe('Calibration failed');
    expect(() => runWeighting(ds, { method: 'rake', targets: jsonTargets, baseWeight: 'pw', bounds: ex.fail_bounds.bounds, maxIter: 200 })).toThrow(
      /did not converge in 200 iterations.*with bounds 0\.97–1\.03/,
    );
  });

  it('the JSON and CSV targets files are read to the same normalised targets', () => {
    const fromCsv = parseTargetsFile('targets-rake.csv', read('targets-rake.csv'));
    const fromJson = toTargetSet(jsonTargets);
    expect(fromCsv.margins.map((m) => m.variables[0])).toEqual(fromJson.margins.map((m) => m.variables[0]));
    const csvTotals = fromCsv.margins.map((m) => m.entries.map((e) => e.target));
    const jsonTotals = fromJson.margins.map((m) => m.entries.map((e) => e.target * N));
    csvTotals.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(jsonTotals[i][j], 9)));
  });
});
