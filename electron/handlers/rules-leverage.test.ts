/** A higher leverage threshold publishes models a lower one blocks: it loosens the rules and needs a reason. */
import { describe, expect, it } from 'vitest';
import { defaultRuleSet, ruleSetSchema } from '../../shared/disclosure/index';
import { loosens } from './rules';

describe('loosens() and the leverage threshold', () => {
  const rs = defaultRuleSet('cbs-persons');
  it('treats a higher maximum leverage as loosening, a lower one as tightening', () => {
    expect(rs.maxLeverage).toBe(0.5);
    expect(loosens(rs, { ...rs, maxLeverage: 0.8 })).toBe(true);
    expect(loosens(rs, { ...rs, maxLeverage: 0.3 })).toBe(false);
  });
  it('gives a rule set stored before the field existed the default', () => {
    const { maxLeverage: _m, ...old } = rs;
    expect(ruleSetSchema.parse(old).maxLeverage).toBe(0.5);
  });
});
