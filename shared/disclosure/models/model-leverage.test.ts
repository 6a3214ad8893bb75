/**
 * A model may not rest on one case: the attack of issue 16 without an identifier. A computed
 * predictor that is leeftijd for everyone except one person (+1000) makes that person's leverage ~1,
 * so `leefbaarheid ~ leeftijd + d` would give their score; a predictor that is 0 except for five
 * persons estimates their mean like a dummy would. Both are blocked, naming the variable; without
 * rules the same models are estimated (the attack is real).
 */
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../../resources/demo/generate';
import { runRegress, type RegressRequest } from '../../analysis/run-models';
import { applyCompute } from '../../transform/recode';
import { defaultRuleSet } from '../rules';
import { checkRegression } from '../primary/result-checks';

const ONE = 'golf = 2025 and gemeente = 6 and leeftijd = 21';
const FIVE = 'golf = 2025 and gemeente = 6 and leeftijdsklasse = 1';
const demo = applyCompute(applyCompute(generateDemo(), { target: 'd', expression: `leeftijd + 1000 * (${ONE})` }), {
  target: 's',
  expression: `leeftijd * (${FIVE})`,
});
const rs = defaultRuleSet('cbs-persons');
const model = (predictors: string[]): RegressRequest => ({ dependent: 'leefbaarheid', predictors, categorical: [], model: 'ols', se: 'classical' });

describe('leverage and sparse predictors', () => {
  it('blocks a model in which one observation has leverage above the rule set maximum, naming the variable', () => {
    const r = runRegress(demo, model(['leeftijd', 'd']), rs);
    expect(r.rules!.status).toBe('blocked');
    expect(r.coefficients).toEqual([]);
    const m = r.rules!.messages!.find((x) => x.code === 'model-leverage');
    expect(m).toMatchObject({ code: 'model-leverage', max: 0.5, term: 'd' });
    expect((m as { leverage: number }).leverage).toBeGreaterThan(0.99);
    expect(r.rules!.reasons.join('; ')).toMatch(/leverage .* most unusual in d/);
    expect(r).not.toHaveProperty('diagnostics');
    // The same model without rules: the person's score is in the coefficients.
    expect(runRegress(demo, model(['leeftijd', 'd']), defaultRuleSet('none')).coefficients).toHaveLength(3);
  });

  it('a logit on one isolated case is separated: the engine refuses it before any rule', () => {
    expect(() => runRegress(demo, { ...model(['leeftijd', 'd']), dependent: 'isolatie_geen', model: 'logit' }, rs)).toThrow(/separation/i);
  });

  it('blocks a predictor whose values other than its mode are held by fewer than the minimum count', () => {
    const r = runRegress(demo, model(['leeftijd', 's']), rs);
    expect(r.rules!.status).toBe('blocked');
    // Five persons match, four of them answered leefbaarheid.
    expect(r.rules!.messages).toContainEqual({ code: 'model-sparse', variable: 's', value: '0', count: 4, min: 10 });
    expect(r.rules!.messages!.map((x) => x.code)).not.toContain('model-leverage');
  });

  it('publishes an ordinary model', () => {
    const r = runRegress(demo, { ...model(['leeftijd']), categorical: [{ variable: 'gemeente' }] }, rs);
    expect(r.rules!.status).toBe('safe');
  });

  it('counts residual df as observations minus parameters when the fit says how many it estimated', () => {
    const diag = { params: 8, maxLeverage: 0.01, leverageTerm: 'x' };
    expect(checkRegression({ n: 7846, df: 9, diagnostics: diag }, rs).status).toBe('safe');
    expect(checkRegression({ n: 17, df: 9, diagnostics: diag }, rs).messages).toEqual([{ code: 'model-df', df: 9, min: 10 }]);
    // Without diagnostics the result's own df is the (stricter) reading.
    expect(checkRegression({ n: 7846, df: 9 }, rs).status).toBe('blocked');
  });
});
