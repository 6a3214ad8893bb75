import { describe, expect, it } from 'vitest';
import { defaultRuleSet, publicRuleSummary, requiredWidth, ruleSetSchema } from './rules';

describe('rule sets', () => {
  it('round-trips every built-in set through JSON and the schema', () => {
    for (const name of ['cbs-persons', 'cbs-business', 'none'] as const) {
      const rs = defaultRuleSet(name);
      expect(ruleSetSchema.parse(JSON.parse(JSON.stringify(rs)))).toEqual(rs);
    }
  });

  it('rejects nonsense parameters', () => {
    const rs = defaultRuleSet('cbs-business');
    expect(ruleSetSchema.safeParse({ ...rs, minCount: 0 }).success).toBe(false);
    expect(ruleSetSchema.safeParse({ ...rs, dominance: { n: 2, k: 120 } }).success).toBe(false);
    expect(ruleSetSchema.safeParse({ ...rs, name: 'strict' }).success).toBe(false);
  });

  it('keeps dominance and p% parameters out of the public summary', () => {
    const rs = { ...defaultRuleSet('cbs-business'), dominance: { n: 3, k: 87.5 }, pPercent: 13.25 };
    const text = JSON.stringify(publicRuleSummary(rs));
    expect(text).not.toContain('87.5');
    expect(text).not.toContain('13.25');
    expect(publicRuleSummary(rs)).toMatchObject({ dominanceRule: true, pPercentRule: true, minCount: 10 });
  });

  it('requires the larger of the absolute and the relative margin', () => {
    expect(requiredWidth(3, { absolute: 5, relative: 0.3 })).toBe(5);
    expect(requiredWidth(100, { absolute: 5, relative: 0.3 })).toBeCloseTo(30, 12);
  });
});
