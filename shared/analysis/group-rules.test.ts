import { describe, expect, it } from 'vitest';
import { bannerFrom } from '../../tests/disclosure/fixtures';
import { applyRulesToBanner } from '../disclosure/index';
import { defaultRuleSet } from '../disclosure/index';
import type { BannerResult } from '../model/results';
import { auditLinkedBanners } from '../disclosure/index';
import { groupRulesWith } from './table-group';

const defaultGroupRules = groupRulesWith('', []);

const rs = defaultRuleSet('cbs-persons');
const named = (b: BannerResult, name: string): BannerResult => ({ ...b, rowVariable: { name, label: name } });
// Same column bases (46, 27, 39); alone, A withholds the base of column 1 and B prints it.
const a = named(
  bannerFrom(
    [
      [
        [46, 2, 1],
        [0, 21, 19],
        [0, 4, 19],
      ],
    ],
    ['g'],
  ),
  'qa',
);
const b = named(
  bannerFrom(
    [
      [
        [22, 14, 3],
        [22, 5, 26],
        [2, 8, 10],
      ],
    ],
    ['g'],
  ),
  'qb',
);

describe('auditLinkedBanners', () => {
  it('blocks a table whose suppression the other table of the group undoes', () => {
    const alone = [applyRulesToBanner(a, rs), applyRulesToBanner(b, rs)];
    expect(alone[0].base.count[1]).toBeNull();
    expect(alone[1].base.count[1]).toBe(46);
    const out = auditLinkedBanners([a, b], alone, rs);
    expect(out[0].rules.status).toBe('blocked');
    expect(out[0].rules.reasons.join(' ')).toMatch(/together with qb/);
    expect(out[0].base.count.every((v) => v === null)).toBe(true);
    // B publishes nothing A needed hidden once A is gone: it stays as it was.
    expect(out[1]).toBe(alone[1]);
  });

  it('audits weighted tables in weight units as well, linking bases only over the same weighted total', () => {
    const weighted = (t: BannerResult, f: number): BannerResult => ({
      ...t,
      weight: { variable: 'w', type: 'sampling', excluded: 0 },
      cells: t.cells.map((row) => row.map((c) => ({ ...c, weighted: (c.count ?? 0) * f }))),
      base: { ...t.base, weighted: t.base.count.map((n) => (n ?? 0) * f) },
    });
    const [wa, wb] = [weighted(a, 1.5), weighted(b, 1.5)];
    const alone = [applyRulesToBanner(wa, rs), applyRulesToBanner(wb, rs)];
    expect(alone[0].base.weighted[1]).toBeNull();
    expect(auditLinkedBanners([wa, wb], alone, rs)[0].rules.status).toBe('blocked');
    // Same counts but other people (another weighted total): the weighted layer has no link, the
    // count layer still has one, so A is blocked all the same.
    const wb2 = weighted(b, 1.7);
    const alone2 = [alone[0], applyRulesToBanner(wb2, rs)];
    expect(auditLinkedBanners([wa, wb2], alone2, rs)[0].rules.status).toBe('blocked');
  });

  it('passes the consistent suppression of the group rules unchanged', () => {
    const out = defaultGroupRules([a, b], rs);
    expect(out.map((t) => t.rules.status)).toEqual(['suppressed', 'suppressed']);
    expect(out[0].base.count[1]).toBeNull();
    expect(out[1].base.count[1]).toBeNull();
  });

  it('leaves tables over different populations alone, and does nothing under the rule set none', () => {
    const c = named(
      bannerFrom(
        [
          [
            [30, 20, 25],
            [10, 20, 14],
          ],
        ],
        ['g'],
      ),
      'qc',
    );
    const alone = [applyRulesToBanner(a, rs), applyRulesToBanner(c, rs)];
    expect(auditLinkedBanners([a, c], alone, rs)).toEqual(alone);
    const none = defaultRuleSet('none');
    const open = [applyRulesToBanner(a, none), applyRulesToBanner(b, none)];
    expect(auditLinkedBanners([a, b], open, none)).toEqual(open);
  });
});
