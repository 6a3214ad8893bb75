import { describe, expect, it } from 'vitest';
import { bannerFrom } from '../../../tests/disclosure/fixtures';
import { applyRulesToBanner } from './one-banner';
import { applyRulesToBanners } from './banner-group';
import { defaultRuleSet } from '../rules';

const rs = defaultRuleSet('cbs-persons');

describe('applyRulesToBanners', () => {
  it('withholds a base in every table once one table withholds it', () => {
    // Same banner columns, same bases (119 | 65, 3, 51), two questions. Alone, table A withholds
    // the base of "g 1" and table B that of "g 3" (found by a search over random pairs).
    const a = bannerFrom(
      [
        [
          [30, 1, 35],
          [35, 2, 16],
        ],
      ],
      ['g'],
    );
    const b = bannerFrom(
      [
        [
          [4, 3, 9],
          [61, 0, 42],
        ],
      ],
      ['g'],
    );
    expect(a.base.count).toEqual(b.base.count);
    const aloneB = applyRulesToBanner(b, rs);
    const [outA, outB] = applyRulesToBanners([a, b], rs);
    for (let k = 0; k < a.columns.length; k++) {
      if (outA.base.count[k] === null) expect(outB.base.count[k]).toBeNull();
      if (outB.base.count[k] === null) expect(outA.base.count[k]).toBeNull();
    }
    // The test only means something if A withholds a base B would have printed.
    const hiddenInA = outA.base.count.map((v, k) => v === null && aloneB.base.count[k] !== null);
    expect(hiddenInA.some(Boolean)).toBe(true);
    expect(outB.rules.reasons.join(' ')).toContain('another table');
  });

  it('leaves tables with different bases independent', () => {
    const a = bannerFrom(
      [
        [
          [3, 17],
          [17, 23],
        ],
      ],
      ['g'],
    );
    const b = bannerFrom(
      [
        [
          [30, 20],
          [10, 20],
        ],
      ],
      ['g'],
    );
    const [, outB] = applyRulesToBanners([a, b], rs);
    expect(outB.rules.status).toBe('safe');
  });
});
