import { describe, expect, it } from 'vitest';
import { bannerFrom, crosstabFrom } from '../../../tests/disclosure/fixtures';
import { applyRulesToBanner } from '../apply/one-banner';
import { applyRulesToCrosstab } from '../apply/crosstab';
import { checkerRows } from './checker-sheet-rows';
import { defaultRuleSet } from '../rules';

const rs = defaultRuleSet('cbs-persons');

describe('checkerRows', () => {
  it('lists every published cell and margin of a crosstab with its unweighted n, and nothing withheld', () => {
    const counts = [
      [3, 12, 11],
      [10, 20, 14],
      [15, 16, 24],
    ];
    const out = applyRulesToCrosstab(crosstabFrom(counts), rs);
    const rows = checkerRows(out);
    const published = out.count.flat().filter((v) => v !== null).length;
    const margins = [...out.rowCounts!, ...out.colCounts!, out.n ?? null].filter((v) => v !== null).length;
    expect(rows).toHaveLength(published + margins);
    for (const r of rows) expect(r.n >= 10 || r.n === 0).toBe(true);
    const c22 = rows.find((r) => r.row === 'R2' && r.col === 'C2')!;
    expect(c22.n).toBe(counts[1][1]);
    expect(rows.some((r) => r.row === 'R1' && r.col === 'C1')).toBe(false);
  });

  it('adds the two largest contributions for magnitude tables', () => {
    const out = applyRulesToCrosstab(
      crosstabFrom([
        [30, 12],
        [10, 20],
      ]),
      rs,
    );
    const contributions = [
      [
        { total: 300, top: [50, 40, 30], n: 30 },
        { total: 120, top: [20, 10], n: 12 },
      ],
      [
        { total: 100, top: [15, 14], n: 10 },
        { total: 200, top: [30, 20], n: 20 },
      ],
    ];
    const rows = checkerRows(out, { table: 'omzet', contributions });
    expect(rows[0]).toEqual({ table: 'omzet', row: 'R1', col: 'C1', n: 30, top1: 50, top2: 40 });
  });

  it('lists banner cells and published bases', () => {
    const out = applyRulesToBanner(
      bannerFrom([
        [
          [20, 3, 15],
          [12, 14, 30],
          [25, 40, 33],
        ],
      ]),
      rs,
    );
    const rows = checkerRows(out);
    const published = out.cells.flat().filter((c) => !c.suppressed).length + out.base.count.filter((b) => b !== null).length;
    expect(rows).toHaveLength(published);
    expect(rows.some((r) => r.n > 0 && r.n < 10)).toBe(false);
  });
});
