import { describe, expect, it } from 'vitest';
import { emptyRegression, regressionProblem, regressRequest } from './regression-spec';

describe('regression request', () => {
  it('turns categorical predictors and options into the contract shape', () => {
    const s = {
      ...emptyRegression,
      dependent: 'eenzaam',
      predictors: ['leeftijd', 'gemeente', 'geslacht'],
      categorical: { gemeente: '3', geslacht: '' },
      model: 'logit' as const,
      weight: 'gewicht',
      se: 'cluster' as const,
      cluster: 'wijk',
    };
    expect(regressRequest(s, 'demo', false)).toEqual({
      dataset: 'demo',
      dependent: 'eenzaam',
      predictors: ['leeftijd'],
      categorical: [{ variable: 'gemeente', ref: 3 }, { variable: 'geslacht' }],
      model: 'logit',
      weight: { variable: 'gewicht', type: 'sampling' },
      se: { cluster: 'wijk' },
    });
  });

  it('says what is missing before a model can run', () => {
    expect(regressionProblem(emptyRegression)).toBe('reg.needDep');
    expect(regressionProblem({ ...emptyRegression, dependent: 'y', predictors: ['x'], model: 'fe' })).toBe('reg.needPanel');
    expect(regressionProblem({ ...emptyRegression, dependent: 'y', predictors: ['x'] })).toBeNull();
  });
});
