import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCsvDataset } from '../../../tests/oracle/regression/load-fixture';
import { type Dataset, newVariable } from '../../model/dataset';
import type { RegressionResult } from '../../model/results';
import { EngineError } from '../errors';
import { RegressionError, regress, type RegressOptions } from './index';

function dataset(cols: Record<string, number[]>): Dataset {
  const names = Object.keys(cols);
  return {
    name: 't',
    rows: cols[names[0]].length,
    variables: names.map((n) => newVariable(n, 'numeric')),
    columns: names.map((n) => ({ kind: 'numeric' as const, data: Float64Array.from(cols[n]) })),
    weight: null,
    fileLabel: '',
    documents: [],
    mrSets: [],
  };
}

function reason(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof RegressionError) return e.reason;
    if (e instanceof EngineError) return e.code;
    throw e;
  }
  return 'no error';
}

describe('failures are reported, not estimated', () => {
  const x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  it('perfect separation in a logit', () => {
    const ds = dataset({ y: x.map((v) => (v > 5 ? 1 : 0)), x });
    expect(reason(() => regress(ds, { dependent: 'y', predictors: ['x'], model: 'logit', se: 'classical' }))).toBe('separation');
  });
  it('a logit dependent with three values', () => {
    const ds = dataset({ y: x.map((v) => v % 3), x });
    expect(reason(() => regress(ds, { dependent: 'y', predictors: ['x'], model: 'logit', se: 'classical' }))).toBe('bad-dependent');
  });
  it('collinear predictors', () => {
    const ds = dataset({ y: x.map((v) => v * v), x, x2: x.map((v) => 2 * v + 1) });
    for (const solver of ['qr', 'normal'] as const) {
      expect(reason(() => regress(ds, { dependent: 'y', predictors: ['x', 'x2'], model: 'ols', se: 'classical', solver }))).toBe('collinear');
    }
  });
  it('a time-invariant predictor in a fixed-effects model', () => {
    const ds = dataset({ y: x.map((v) => v * v), id: x.map((v) => v % 2), z: x.map((v) => v % 2) });
    expect(reason(() => regress(ds, { dependent: 'y', predictors: ['z'], model: 'fe', panel: 'id', se: 'classical' }))).toBe('collinear');
  });
  it('unknown and string variables', () => {
    const ds = loadCsvDataset(new URL('../../../tests/oracle/regression/fixture.csv', import.meta.url).pathname);
    expect(reason(() => regress(ds, { dependent: 'y', predictors: ['nope'], model: 'ols', se: 'classical' }))).toBe('unknown-variable');
    expect(reason(() => regress(ds, { dependent: 'y', predictors: ['sex'], model: 'ols', se: 'classical' }))).toBe('string-variable');
  });
});

describe('case accounting on the R fixture', () => {
  const ds = loadCsvDataset(new URL('../../../tests/oracle/regression/fixture.csv', import.meta.url).pathname, {
    x2: { values: [-99], range: null },
  });
  it('counts weight exclusions apart from listwise deletion', () => {
    // make.R sets fw = 0 on row 44 and leaves x1 system-missing on 3 rows and x2 user-missing on 4.
    const r = regress(ds, { dependent: 'y', predictors: ['x1', 'x2'], model: 'ols', se: 'classical', weight: { variable: 'fw', type: 'frequency' } });
    expect(r.weightInfo).toEqual({ variable: 'fw', type: 'frequency', excluded: 1 });
    expect(r.n + (r.excluded ?? 0) + 1).toBe(ds.rows);
    expect(r.excluded).toBe(7);
  });
});

describe('logit weighting', () => {
  const base = loadCsvDataset(new URL('../../../tests/oracle/regression/fixture.csv', import.meta.url).pathname, {
    yb: { values: [9], range: null },
  });
  const ds: Dataset = {
    ...base,
    variables: [...base.variables, newVariable('one', 'numeric'), newVariable('half', 'numeric')],
    columns: [
      ...base.columns,
      { kind: 'numeric', data: new Float64Array(base.rows).fill(1) },
      { kind: 'numeric', data: new Float64Array(base.rows).fill(0.5) },
    ],
    rows: base.rows,
  };
  const spec: RegressOptions = { dependent: 'yb', predictors: ['x1', 'x3'], model: 'logit', se: 'hc1' };
  it('frequency weights of 1 give the unweighted fit; constant sampling weights give the same estimates', () => {
    const plain = regress(ds, spec);
    const ones = regress(ds, { ...spec, weight: { variable: 'one', type: 'frequency' } });
    const half = regress(ds, { ...spec, weight: { variable: 'half', type: 'sampling' } });
    plain.coefficients.forEach((c, j) => {
      expect(ones.coefficients[j].b).toBeCloseTo(c.b, 12);
      expect(ones.coefficients[j].se).toBeCloseTo(c.se, 12);
      expect(half.coefficients[j].b).toBeCloseTo(c.b, 12);
    });
    expect(ones.neg2LL).toBeCloseTo(plain.neg2LL as number, 9);
    expect(half.se).toBe('design');
  });
});

// Properties on small random data sets.
// Values on a 0.1 grid: random but never denormal, so exact collinearity does not depend on case order.
const val = fc.integer({ min: -50, max: 50 }).map((v) => v / 10);
const rows = fc.array(fc.tuple(val, val, val), { minLength: 8, maxLength: 40 });

function build(data: [number, number, number][], weights?: number[]): Dataset {
  return dataset({
    y: data.map((r) => r[0] + 0.5 * r[1] - r[2]),
    x1: data.map((r) => r[1]),
    x2: data.map((r) => r[2] * r[2]),
    g: data.map((_, i) => i % 3),
    ...(weights ? { w: weights } : {}),
  });
}

function close(a: RegressionResult, b: RegressionResult): void {
  a.coefficients.forEach((c, j) => {
    const d = b.coefficients[j];
    for (const f of ['b', 'se', 'p'] as const) expect(Math.abs(c[f] - d[f])).toBeLessThanOrEqual(1e-8 * (1 + Math.abs(d[f])));
  });
  expect(a.df).toBeCloseTo(b.df, 9);
}

function fits(ds: Dataset, extra: Partial<RegressOptions> = {}): RegressionResult[] {
  // Noise makes y not an exact function of the predictors.
  const base: RegressOptions = { dependent: 'y', predictors: ['x1', 'x2'], model: 'ols', se: 'classical' };
  return (['classical', 'hc1', { cluster: 'g' }] as const).map((se) => regress(ds, { ...base, ...extra, se }));
}

describe('weighting properties (fast-check)', () => {
  const noisy = (data: [number, number, number][]) => data.map((r, i) => [r[0] + Math.sin(i * 7.1), r[1], r[2]] as [number, number, number]);
  const ok = (data: [number, number, number][]) => {
    try {
      fits(build(data));
      return true;
    } catch {
      return false;
    }
  };
  it('frequency weights of 1 give the unweighted results', () => {
    fc.assert(
      fc.property(rows.map(noisy).filter(ok), (data) => {
        const plain = fits(build(data));
        const weighted = fits(
          build(
            data,
            data.map(() => 1),
          ),
          { weight: { variable: 'w', type: 'frequency' } },
        );
        plain.forEach((p, i) => close(weighted[i], p));
      }),
      { numRuns: 25, seed: 1506 },
    );
  });
  it('permuting the cases changes nothing', () => {
    fc.assert(
      fc.property(rows.map(noisy).filter(ok), fc.integer({ min: 1, max: 1000 }), (data, seed) => {
        const perm = data.map((r, i) => ({ r, g: i % 3, k: Math.sin(seed * (i + 1)) })).sort((a, b) => a.k - b.k);
        const ds = build(perm.map((p) => p.r));
        (ds.columns[3] as { data: Float64Array }).data.set(perm.map((p) => p.g));
        fits(build(data)).forEach((p, i) => close(fits(ds)[i], p));
      }),
      { numRuns: 25, seed: 1507 },
    );
  });
  it('each case twice with frequency weight ½ changes nothing', () => {
    fc.assert(
      fc.property(rows.map(noisy).filter(ok), (data) => {
        const twice = build(
          [...data, ...data],
          [...data, ...data].map(() => 0.5),
        );
        (twice.columns[3] as { data: Float64Array }).data.set([...data, ...data].map((_, i) => (i % data.length) % 3));
        const weighted = fits(twice, { weight: { variable: 'w', type: 'frequency' } });
        fits(build(data)).forEach((p, i) => close(weighted[i], p));
      }),
      { numRuns: 25, seed: 1508 },
    );
  });
});
