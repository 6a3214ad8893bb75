import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bannerFrom } from '../../../tests/disclosure/fixtures';
import { applyRulesToBanner } from './one-banner';
import { defaultRuleSet } from '../rules';
import type { BannerResult } from '../../model/results';

const rs = defaultRuleSet('cbs-persons');
const small = (v: number) => v > 0 && v < 10;

function checkInvariants(input: BannerResult, out: BannerResult) {
  input.cells.forEach((row, i) =>
    row.forEach((c, k) => {
      const o = out.cells[i][k];
      if (small(c.count!)) expect(o).toMatchObject({ count: null, weighted: null, pct: null, suppressed: true });
      expect(o.suppressed).toBe(o.count === null);
      if (o.suppressed) expect(o.suppression).toMatch(/primary|secondary/);
      if (o.pct !== null) expect(out.base.count[k]).not.toBeNull();
    }),
  );
  for (const b of out.base.count) if (b !== null) expect(small(b)).toBe(false);
}

describe('applyRulesToBanner', () => {
  it('leaves everything published under rule set none', () => {
    const input = bannerFrom([
      [
        [3, 20],
        [12, 14],
      ],
    ]);
    const out = applyRulesToBanner(input, defaultRuleSet('none'));
    expect(out.cells.flat().every((c) => !c.suppressed && c.count !== null)).toBe(true);
    expect(out.rules.ruleSet).toBe('none');
  });

  it('suppresses and protects within a group, marking primary and secondary cells', () => {
    const input = bannerFrom([
      [
        [20, 3, 15],
        [12, 14, 30],
        [25, 40, 33],
      ],
      [
        [20, 18],
        [30, 26],
        [50, 48],
      ],
    ]);
    const out = applyRulesToBanner(input, rs);
    checkInvariants(input, out);
    expect(out.cells[0][2]).toMatchObject({ suppressed: true, suppression: 'primary' });
    expect(out.cells.flat().filter((c) => c.suppression === 'secondary').length).toBeGreaterThanOrEqual(1);
    expect(out.rules.status).toBe('suppressed');
    // Column 1 ("A") claimed to beat column "B", whose cell in row 0 is now withheld: the letter goes.
    expect(out.cells[0][1].sig).toBe('');
  });

  it('blocks a column with a small base and nulls its base', () => {
    const input = bannerFrom([
      [
        [20, 3, 15],
        [12, 4, 30],
        [25, 0, 33],
      ],
    ]);
    const out = applyRulesToBanner(input, rs);
    checkInvariants(input, out);
    expect(out.cells.map((row) => row[2].count)).toEqual([null, null, null]);
    expect(out.base.count[2]).toBeNull();
    expect(out.base.effective[2]).toBeNull();
  });

  it('blocks the whole banner when Totaal is below the threshold', () => {
    const out = applyRulesToBanner(
      bannerFrom([
        [
          [2, 3],
          [1, 2],
        ],
      ]),
      rs,
    );
    expect(out.rules.status).toBe('blocked');
    expect(out.base.count.every((b) => b === null)).toBe(true);
  });

  it('withholds means of small groups and one more in the same group', () => {
    const input = bannerFrom([
      [
        [20, 3, 15],
        [12, 14, 30],
        [25, 40, 33],
      ],
    ]);
    input.means = { mean: [3.1, 3.2, 2.5, 3.3], se: [0.1, 0.2, 0.5, 0.2], n: [57, 9, 57, 78] };
    const out = applyRulesToBanner(input, rs);
    expect(out.means!.mean[2]).toBeNull();
    expect(out.means!.mean.filter((m) => m === null).length).toBeGreaterThanOrEqual(2);
    expect(out.means!.mean[0]).toBe(3.1);
  });

  it('property: invariants hold on random two-group banners', () => {
    const counts = (r: number, c: number) =>
      fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 10, max: 60 })), { minLength: c, maxLength: c }), {
        minLength: r,
        maxLength: r,
      });
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }).chain((r) => fc.tuple(counts(r, 3), fc.array(fc.integer({ min: 0, max: 100 }), { minLength: r, maxLength: r }))),
        ([g1, split]) => {
          // Second group: split each row's total into two columns at a random share.
          const g2 = g1.map((row, i) => {
            const t = row.reduce((s, v) => s + v, 0);
            const a = Math.round((t * split[i]) / 100);
            return [a, t - a];
          });
          const input = bannerFrom([g1, g2]);
          checkInvariants(input, applyRulesToBanner(input, rs));
        },
      ),
      { numRuns: 40, seed: 5 },
    );
  });
});
