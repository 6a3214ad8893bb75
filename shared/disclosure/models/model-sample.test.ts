import { describe, expect, it } from 'vitest';
import { regress } from '../../engine/regression/index';
import { compactNumeric, type Dataset, newVariable } from '../../model/dataset';
import { modelSampleCounts } from './model-sample';

// 14 cases; the comment on each says why it leaves the sample, if it does.
const y = [1, 2, 3, 1, 2, 3, 1, 2, 99, NaN, 1, 2, 3, 1];
const x = [5, 6, 7, 8, 9, 1, 2, 3, 4, 5, NaN, 6, 7, 8];
const g = [1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 9, NaN, 3];
const b = [0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1];
const w = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0];
//  y=99 user-missing (row 8), y sysmis (9), x sysmis (10), g=9 user-missing (11), g sysmis (12), w=0 (13)

function dataset(): Dataset {
  const variables = [
    newVariable('y', 'numeric', { measure: 'scale', missing: { values: [99], range: null } }),
    newVariable('x', 'numeric', { measure: 'scale' }),
    newVariable('g', 'numeric', { measure: 'nominal', valueLabels: { '1': 'Een', '2': 'Twee', '3': 'Drie' }, missing: { values: [9], range: null } }),
    newVariable('b', 'numeric', { measure: 'nominal', valueLabels: { '0': 'Nee', '1': 'Ja' } }),
    newVariable('w', 'numeric', { measure: 'scale' }),
  ];
  const columns = [y, x, g, b, w].map((c) => ({ kind: 'numeric' as const, data: compactNumeric(Float64Array.from(c)) }));
  return { name: 't', rows: y.length, variables, columns, weight: null, fileLabel: '', documents: [], mrSets: [] };
}

describe('modelSampleCounts', () => {
  const ds = dataset();
  const weight = { variable: 'w', type: 'frequency' as const };

  it('keeps the cases the engine keeps (listwise, SPSS missing, weight > 0) and counts per category', () => {
    const counts = modelSampleCounts(ds, { dependent: 'y', predictors: ['x'], categorical: [{ variable: 'g' }], weight, groups: [] });
    // Left: rows 0-7: g = 1,1,1,1,2,2,2,3.
    expect(counts.n).toBe(8);
    expect(counts.categorical).toEqual([
      {
        variable: 'g',
        categories: [
          { code: 1, label: 'Een', count: 4, reference: true },
          { code: 2, label: 'Twee', count: 3, reference: false },
          { code: 3, label: 'Drie', count: 1, reference: false },
        ],
      },
    ]);
    // y has three values and x many: neither is counted per value.
    expect(counts.outcome).toBeUndefined();
    expect(counts.binary).toEqual([]);
    const fit = regress(ds, { dependent: 'y', predictors: ['x'], categorical: [{ variable: 'g' }], model: 'ols', weight, se: 'classical' });
    expect(fit.n).toBe(counts.n);
  });

  it('applies the filter, marks a chosen reference and drops categories without cases', () => {
    const filter = Uint8Array.from(g.map((_v, i) => (i === 7 ? 0 : 1)));
    const counts = modelSampleCounts(ds, { dependent: 'y', predictors: [], categorical: [{ variable: 'g', ref: 2 }], filter, groups: [] });
    // No x and no weight here: rows 0-6, 10 and 13 remain: g = 1×4, 2×3, 3×2.
    expect(counts.n).toBe(9);
    expect(counts.categorical[0].categories.map((c) => [c.code, c.count, c.reference])).toEqual([
      [1, 4, false],
      [2, 3, true],
      [3, 2, false],
    ]);
    const only12 = Uint8Array.from(g.map((v) => (v === 1 || v === 2 ? 1 : 0)));
    const two = modelSampleCounts(ds, { dependent: 'y', predictors: [], categorical: [{ variable: 'g' }], filter: only12, groups: [] });
    expect(two.categorical[0].categories.map((c) => c.code)).toEqual([1, 2]);
  });

  it('counts both values of a two-valued numeric predictor', () => {
    const counts = modelSampleCounts(ds, { dependent: 'y', predictors: ['b', 'x'], categorical: [], groups: [] });
    // y missing in rows 8-9, x in row 10: b over rows 0-7 and 11-13 = 0,1,0,1,0,1,0,1,1,0,1.
    expect(counts.binary).toEqual([
      {
        variable: 'b',
        values: [
          { code: 0, label: 'Nee', count: 5 },
          { code: 1, label: 'Ja', count: 6 },
        ],
      },
    ]);
  });

  it('counts the two outcome values of a logit dependent, and drops cases missing on a grouping variable', () => {
    const counts = modelSampleCounts(ds, { dependent: 'b', predictors: ['x'], categorical: [], groups: ['g'] });
    // x missing in row 10, g missing in rows 11-12: rows 0-9 and 13 remain; b = 0,1 alternating.
    expect(counts.n).toBe(11);
    expect(counts.outcome).toEqual({
      variable: 'b',
      values: [
        { code: 0, label: 'Nee', count: 5 },
        { code: 1, label: 'Ja', count: 6 },
      ],
    });
    const fit = regress(ds, { dependent: 'b', predictors: ['x'], model: 'logit', se: { cluster: 'g' } });
    expect(fit.n).toBe(counts.n);
  });
});
