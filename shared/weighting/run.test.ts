import { describe, expect, it } from 'vitest';
import { makeDataset } from '../transform/testing';
import { renderMessage } from '../i18n/messages';
import { WeightingError } from './errors';
import { runWeighting } from './run';
import { checkTargets } from './check';
import type { WeightSpecInput } from './spec';

/** 12 cases: area 1–3, sex 1–2 (9 = user-missing), a design weight, a string region. */
const ds = makeDataset([
  { name: 'area', values: [1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, NaN], valueLabels: { '1': 'Noord', '2': 'Midden', '3': 'Zuid' } },
  { name: 'sex', values: [1, 2, 1, 2, 1, 2, 1, 9, 1, 2, 2, 1], missing: { values: [9], range: null }, valueLabels: { '1': 'Man', '2': 'Vrouw' } },
  { name: 'dw', values: [1, 1, 2, 2, 1, 1, 0, 1, 1, 1, 1, 1] },
  { name: 'region', values: ['n', 'n', 'n', 'n', 'm', 'm', 'm', 'm', 'z', 'z', 'z', 'z'] },
]);

const area = { variable: 'area', targets: { '1': 300, '2': 300, '3': 400 } };
const sex = { variable: 'sex', targets: { '1': 480, '2': 520 } };

function errorOf(f: () => unknown): WeightingError {
  try {
    f();
  } catch (e) {
    if (e instanceof WeightingError) return e;
    throw e;
  }
  throw new Error('no error');
}

const run = (spec: Partial<WeightSpecInput>) => runWeighting(ds, { method: 'rake', targets: { margins: [area, sex] }, ...spec });

describe('runWeighting', () => {
  it('gives system-missing, never 0, to cases missing a margin, and counts them', () => {
    const { weights, report } = run({});
    expect(Number.isNaN(weights[7])).toBe(true); // sex user-missing
    expect(Number.isNaN(weights[11])).toBe(true); // area system-missing
    expect(report.excludedBy).toEqual({ filter: 0, missing: 2, baseWeight: 0 });
    expect(report.n).toBe(10);
    expect(report.excluded).toBe(2);
    expect(weights.filter((w) => w === 0)).toHaveLength(0);
    for (const m of report.margins) for (const c of m.categories) expect(Math.abs(c.achieved - c.target) / c.target).toBeLessThan(1e-10);
  });

  it('leaves out cases outside the filter and with a base weight of 0, counted separately', () => {
    const { weights, report } = run({
      filter: 'region <> "z"',
      baseWeight: 'dw',
      targets: { margins: [{ variable: 'area', targets: { '1': 500, '2': 500 } }] },
    });
    expect(report.excludedBy).toEqual({ filter: 4, missing: 0, baseWeight: 1 });
    expect(Number.isNaN(weights[6])).toBe(true);
    // Poststratification on area with design weights: 500 over Σ dw in the area.
    expect(weights[0]).toBeCloseTo(500 / 6, 12);
    expect(weights[2]).toBeCloseTo((2 * 500) / 6, 12);
  });

  it('matches targets by value label and string codes', () => {
    const { report } = runWeighting(ds, {
      method: 'poststrat',
      targets: { margins: [{ variable: 'REGION', targets: { n: 1, m: 2, z: 3 } }] },
    });
    expect(report.margins[0].variable).toBe('region');
    expect(report.margins[0].categories.map((c) => [c.code, c.sample, c.achieved])).toEqual([
      ['n', 4, 1],
      ['m', 4, 2],
      ['z', 4, 3],
    ]);
    const byLabel = run({ targets: { margins: [{ variable: 'area', targets: { noord: 300, Midden: 300, ' ZUID ': 400 } }, sex] } });
    expect(byLabel.report.margins[0].categories.map((c) => c.label)).toEqual(['Noord', 'Midden', 'Zuid']);
  });

  it('names codes in the data without a target and codes with a target but no cases', () => {
    const e = errorOf(() => run({ targets: { margins: [{ variable: 'area', targets: { '1': 300, '2': 699, '4': 1 } }, sex] } }));
    expect(e.detail).toEqual({ code: 'weight-codes', mismatches: [{ variable: 'area', notInData: ['4'], notInTargets: ['3'] }] });
    expect(e.message).toBe('area: code(s) 4 have a target but no cases (empty cell); area: code(s) 3 occur in the data but have no target');
    expect(renderMessage(e.detail, 'nl')).toContain('area: code 4 heeft een doelwaarde maar geen waarnemingen (lege cel)');
    expect(checkTargets(ds, { method: 'rake', targets: { margins: [{ variable: 'area', targets: { '1': 300, '2': 699, '4': 1 } }, sex] } })).toEqual(
      e.detail.code === 'weight-codes' ? e.detail.mismatches : [],
    );
  });

  it('names a target code that is neither a code nor a label, with its JSON path', () => {
    const e = errorOf(() => run({ targets: { margins: [{ variable: 'area', targets: { '1': 300, Oost: 700 } }] } }));
    expect(e.detail).toEqual({ code: 'weight-unknown-code', variable: 'area', written: 'Oost', path: 'margins[0].targets.Oost' });
  });

  it('refuses margins with different totals, or scales them and says so', () => {
    const bad = { margins: [area, { variable: 'sex', targets: { '1': 500, '2': 520 } }] };
    expect(errorOf(() => run({ targets: bad })).detail).toEqual({ code: 'weight-totals', variable: 'sex', sum: 1020, total: 1000 });
    const { report } = run({ targets: bad, scaleTargets: true });
    expect(report.scaled).toEqual([{ variable: 'sex', sum: 1020, factor: 1000 / 1020 }]);
    expect(report.margins[1].categories[0].target).toBeCloseTo((500 * 1000) / 1020, 10);
  });

  it('refuses a target of 0 for a category with cases, and drops one without cases', () => {
    expect(errorOf(() => run({ targets: { margins: [{ variable: 'area', targets: { '1': 0, '2': 500, '3': 500 } }] } })).detail).toEqual({
      code: 'weight-zero-target',
      variable: 'area',
      codes: ['1'],
    });
    const { report } = run({ targets: { margins: [{ variable: 'area', targets: { '1': 300, '2': 300, '3': 400, '4': 0 } }, sex] } });
    expect(report.margins[0].categories[3]).toMatchObject({ code: 4, sample: 0, target: 0, achieved: 0 });
  });

  it('checks method, bounds and trimming before weighting', () => {
    expect(errorOf(() => run({ method: 'poststrat' })).detail.code).toBe('weight-method-margins');
    expect(errorOf(() => run({ method: 'poststrat', targets: { margins: [area] }, bounds: [0.5, 2] })).detail.code).toBe('weight-bounds-method');
    expect(errorOf(() => run({ bounds: [1.2, 2] })).detail).toEqual({ code: 'weight-bounds', lo: 1.2, hi: 2 });
    expect(errorOf(() => run({ trim: { max: 50 } })).detail).toEqual({ code: 'weight-trim', max: 50, mean: 100 });
    expect(errorOf(() => run({ baseWeight: 'region' })).detail).toEqual({ code: 'weight-text-base', variable: 'region' });
    expect(errorOf(() => run({ baseWeight: 'nope' })).detail).toEqual({ code: 'weight-unknown-variable', variable: 'nope' });
    expect(errorOf(() => run({ filter: 'area > 5' })).detail).toEqual({ code: 'weight-no-cases' });
  });

  it('trims relative to the mean weight and keeps the total', () => {
    const { report, weights } = run({ trim: { max: 1.2, relative: true } });
    expect(report.trim).toBeCloseTo(120, 12);
    expect(report.summary.max).toBeLessThanOrEqual(120 + 1e-9);
    expect(report.summary.trimmed).toBeGreaterThan(0);
    expect(weights.reduce((s, w) => (Number.isNaN(w) ? s : s + w), 0)).toBeCloseTo(1000, 9);
  });

  it('reports the summary the way Kish defines it', () => {
    const { report, weights } = run({});
    const w = [...weights].filter((x) => !Number.isNaN(x));
    const sum = w.reduce((a, b) => a + b, 0);
    const sum2 = w.reduce((a, b) => a + b * b, 0);
    expect(report.summary.kishDeff).toBeCloseTo((w.length * sum2) / sum ** 2, 12);
    expect(report.summary.effectiveN).toBeCloseTo(sum ** 2 / sum2, 10);
    expect(report.summary.mean).toBeCloseTo(100, 10);
    expect(report.weighted).toBeCloseTo(1000, 9);
  });
});
