import { describe, expect, it } from 'vitest';
import { applyRulesToRegression, checkLinkingKeys, checkRegression, linkingKeyReason } from './result-checks';
import { defaultRuleSet } from '../rules';
import type { RegressionResult } from '../../model/results';

const rs = defaultRuleSet('cbs-persons');

describe('linking keys', () => {
  it.each([
    'RINPERSOON',
    'rinpersoon',
    'RINPERSOONS',
    'rinpersoons_ma',
    'kind_rinpersoon',
    'ouderRinpersoon',
    'RINADRES',
    'rinadres2',
    'BEID',
    'beidnr',
    'BRIN_NUMMER',
    'brinnummer',
    'bsn',
    'HUISHOUDNR',
  ])('catches %s', (name) => {
    expect(linkingKeyReason(name, rs.linkingKeys)).not.toBeNull();
  });

  it.each(['arbeid', 'ARBEIDSDUUR', 'leeftijd', 'brink', 'beidsvoorwaarden', 'gemeente'])('lets %s through', (name) => {
    expect(linkingKeyReason(name, rs.linkingKeys)).toBeNull();
  });

  it('also blocks variables marked as identifiers, and nothing under rule set none', () => {
    const metas = [
      { name: 'respnr', role: 'id' as const },
      { name: 'leeftijd', role: 'input' as const },
    ];
    const res = checkLinkingKeys(['RESPNR', 'leeftijd', 'RINPERSOON'], metas, rs);
    expect(res.ok).toBe(false);
    expect(res.hits.map((h) => h.name)).toEqual(['RESPNR', 'RINPERSOON']);
    expect(checkLinkingKeys(['RINPERSOON'], metas, defaultRuleSet('none')).ok).toBe(true);
  });
});

describe('regression check', () => {
  const model: RegressionResult = {
    model: 'ols',
    n: 15,
    df: 9,
    coefficients: [{ term: '(Intercept)', b: 1, se: 1, stat: 1, p: 0.3, ciLow: -1, ciHigh: 3 }],
    r2: 0.5,
  };

  it('blocks a model with fewer than minDf residual degrees of freedom', () => {
    expect(checkRegression(model, rs).status).toBe('blocked');
    expect(checkRegression({ ...model, df: 10 }, rs).status).toBe('safe');
    expect(checkRegression(model, defaultRuleSet('none'))).toMatchObject({ status: 'safe', ruleSet: 'none' });
  });

  it('publishes no estimates of a blocked model', () => {
    const out = applyRulesToRegression(model, rs);
    expect(out.coefficients).toEqual([]);
    expect(out.r2).toBeUndefined();
    expect(applyRulesToRegression({ ...model, df: 12 }, rs).coefficients).toHaveLength(1);
  });
});
