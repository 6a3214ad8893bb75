import { describe, expect, it } from 'vitest';
import { applyRulesToFreq } from './freq';
import { defaultRuleSet } from '../rules';
import type { FreqResult } from '../../model/results';

const rs = defaultRuleSet('cbs-persons');

/** A frequency table from counts (inputs); percentages derived as the engine defines them. */
function freqFrom(valid: number[], missing: number[] = []): FreqResult {
  const counts = [...valid, ...missing];
  const total = counts.reduce((s, x) => s + x, 0);
  const validTotal = valid.reduce((s, x) => s + x, 0);
  let cum = 0;
  return {
    variable: 'oordeel',
    weight: null,
    categories: counts.map((count, k) => {
      const missingCat = k >= valid.length;
      if (!missingCat) cum += count;
      return {
        code: k + 1,
        label: `c${k + 1}`,
        count,
        weighted: count,
        percent: (100 * count) / total,
        validPercent: missingCat ? null : (100 * count) / validTotal,
        cumPercent: missingCat ? null : (100 * cum) / validTotal,
        missing: missingCat,
      };
    }),
    total,
    validTotal,
    n: total,
    validN: validTotal,
  };
}

describe('applyRulesToFreq', () => {
  it('passes everything under rule set none', () => {
    const out = applyRulesToFreq(freqFrom([3, 40]), defaultRuleSet('none'));
    expect(out.categories[0].count).toBe(3);
    expect(out.rules).toMatchObject({ ruleSet: 'none', status: 'safe' });
  });

  it('suppresses a small category and a partner, and the cumulative percentages from there on', () => {
    const out = applyRulesToFreq(freqFrom([40, 3, 25, 30], [12]), rs);
    expect(out.categories[1]).toMatchObject({ count: null, percent: null, suppressed: true, suppression: 'primary' });
    const secondary = out.categories.filter((c) => c.suppression === 'secondary');
    expect(secondary).toHaveLength(1);
    // Together the two withheld categories still span at least the margin: the partner is not tiny.
    expect(freqFrom([40, 3, 25, 30]).categories.find((c) => c.code === secondary[0].code)!.count).toBeGreaterThanOrEqual(5);
    expect(out.categories[0].cumPercent).not.toBeNull();
    expect(out.categories.slice(1, 4).every((c) => c.cumPercent === null)).toBe(true);
    expect(out.validTotal).not.toBeNull();
    expect(out.rules.status).toBe('suppressed');
  });

  it('protects a small missing category through the total', () => {
    const out = applyRulesToFreq(freqFrom([40, 25], [2]), rs);
    expect(out.categories[2].count).toBeNull();
    // With only one missing category, the valid total or the total must go too.
    expect(out.total === null || out.validTotal === null).toBe(true);
  });

  it('blocks a table below the threshold', () => {
    const out = applyRulesToFreq(freqFrom([3, 4]), rs);
    expect(out.rules.status).toBe('blocked');
    expect(out.total).toBeNull();
    expect(out.categories.every((c) => c.count === null)).toBe(true);
  });

  it('is safe when every category is empty or large', () => {
    const out = applyRulesToFreq(freqFrom([0, 40, 25]), rs);
    expect(out.rules.status).toBe('safe');
    expect(out.categories.map((c) => c.count)).toEqual([0, 40, 25]);
  });
});
