import { describe, expect, it } from 'vitest';
import type { RegressionResult } from '../../model/results';
import { applyModelRules, checkModelCounts, type ModelCounts } from './model-rules';
import { defaultRuleSet } from '../rules';

const rs = defaultRuleSet('cbs-persons');
const cats = (xs: [number, string, number, boolean][]) => xs.map(([code, label, count, reference]) => ({ code, label, count, reference }));
const model: RegressionResult = {
  model: 'ols',
  n: 60,
  df: 56,
  coefficients: [{ term: '(Intercept)', b: 1, se: 0.1, stat: 10, p: 0, ciLow: 0.8, ciHigh: 1.2 }],
  r2: 0.3,
  adjR2: 0.28,
};

describe('checkModelCounts', () => {
  it('names every dummy category and the reference below the minimum, in Dutch', () => {
    const counts: ModelCounts = {
      n: 60,
      categorical: [
        {
          variable: 'gemeente',
          categories: cats([
            [1, 'Groningen', 45, false],
            [2, 'Pekela', 9, true],
            [3, 'Veendam', 6, false],
          ]),
        },
      ],
    };
    expect(checkModelCounts(counts, rs)).toEqual([
      'gemeente: referentiecategorie 2 "Pekela" telt 9 waarnemingen, minder dan 10',
      'gemeente: categorie 3 "Veendam" telt 6 waarnemingen, minder dan 10',
    ]);
  });

  it('accepts categories at exactly the minimum, and applies the project threshold', () => {
    const counts: ModelCounts = {
      n: 30,
      categorical: [
        {
          variable: 'g',
          categories: cats([
            [1, '1', 10, true],
            [2, '2', 20, false],
          ]),
        },
      ],
    };
    expect(checkModelCounts(counts, rs)).toEqual([]);
    expect(checkModelCounts(counts, { ...rs, minCount: 15 })).toEqual(['g: referentiecategorie 1 telt 10 waarnemingen, minder dan 15']);
  });

  it('checks both outcome values of a logit model', () => {
    const counts: ModelCounts = {
      n: 40,
      categorical: [],
      outcome: {
        variable: 'werk',
        values: [
          { code: 0, label: 'Nee', count: 33 },
          { code: 1, label: 'Ja', count: 7 },
        ],
      },
    };
    expect(checkModelCounts(counts, rs)).toEqual(['werk: uitkomst 1 "Ja" telt 7 waarnemingen, minder dan 10']);
    expect(checkModelCounts(counts, defaultRuleSet('none'))).toEqual([]);
  });

  it('checks both values of a two-valued numeric predictor', () => {
    const counts: ModelCounts = {
      n: 50,
      categorical: [],
      binary: [
        {
          variable: 'isolatie_dak',
          values: [
            { code: 0, label: 'Niet genoemd', count: 42 },
            { code: 1, label: 'Genoemd', count: 8 },
          ],
        },
      ],
    };
    expect(checkModelCounts(counts, rs)).toEqual(['isolatie_dak: waarde 1 "Genoemd" telt 8 waarnemingen, minder dan 10']);
  });
});

describe('applyModelRules', () => {
  const small: ModelCounts = {
    n: 60,
    categorical: [
      {
        variable: 'g',
        categories: cats([
          [1, 'a', 55, true],
          [2, 'b', 5, false],
        ]),
      },
    ],
  };

  it('blocks a model with a small category: no estimates, no fit, the reason kept', () => {
    const out = applyModelRules(model, small, rs);
    expect(out.coefficients).toEqual([]);
    expect(out.r2).toBeUndefined();
    expect(out.adjR2).toBeUndefined();
    expect(out.rules).toMatchObject({ ruleSet: 'cbs-persons', status: 'blocked' });
    expect(out.rules!.reasons).toEqual(['g: categorie 2 "b" telt 5 waarnemingen, minder dan 10']);
  });

  it('keeps the residual-df reasons alongside the category reasons', () => {
    const out = applyModelRules({ ...model, df: 4 }, small, rs);
    expect(out.rules!.reasons).toHaveLength(2);
    expect(out.rules!.reasons[0]).toMatch(/residual degrees of freedom 4/);
  });

  it('publishes a safe model unchanged, and blocks when the recount does not match the model', () => {
    const safe: ModelCounts = {
      n: 60,
      categorical: [
        {
          variable: 'g',
          categories: cats([
            [1, 'a', 30, true],
            [2, 'b', 30, false],
          ]),
        },
      ],
    };
    const out = applyModelRules(model, safe, rs);
    expect(out.coefficients).toHaveLength(1);
    expect(out.rules!.status).toBe('safe');
    expect(applyModelRules(model, { ...safe, n: 59 }, rs).rules!.status).toBe('blocked');
    expect(applyModelRules(model, null, rs).rules!.status).toBe('blocked');
  });

  it('publishes anything under the rule set none', () => {
    expect(applyModelRules(model, small, defaultRuleSet('none')).coefficients).toHaveLength(1);
  });
});
