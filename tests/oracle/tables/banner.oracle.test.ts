/** Banner vs R (expected-banner.json from make-banner.R): cells, bases, effective base, letters, means. */
import { describe, expect, it } from 'vitest';
import { banner } from '../../../shared/engine/banner';
import { closeRel, loadFixture } from './fixture';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ds = loadFixture();
const ex = JSON.parse(readFileSync(join(__dirname, 'expected-banner.json'), 'utf8'));

describe.each([
  ['sampling_bh', 'sampling', 'bh'],
  ['frequency_bonferroni', 'frequency', 'bonferroni'],
] as const)('banner %s', (key, type, adjust) => {
  const want = ex[key];
  const b = banner(ds, {
    row: 'b',
    columns: { total: true, items: [{ variable: 'a' }, { nest: ['x', 'z'] }] },
    weight: { variable: 'w', type },
    tests: { adjust, alpha: 0.05 },
    means: true,
  });

  it('has the columns and rows R has', () => {
    expect(b.columns.map((c) => c.key)).toEqual(want.keys);
    expect(b.rows.map((r) => r.code)).toEqual(want.rows);
    expect(b.columns.map((c) => c.letter)).toEqual(['', 'A', 'B', 'C', 'D', 'A', 'B', 'A', 'B']);
  });

  it('counts exact, Σw, bases and effective base to 1e-9', () => {
    b.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        expect(cell.count).toBe(want.count[r][c]);
        expect(closeRel(cell.weighted!, want.weighted[r][c])).toBe(true);
        expect(closeRel(cell.pct!, (100 * want.weighted[r][c]) / want.base_w[c])).toBe(true);
      }),
    );
    expect(b.base.count).toEqual(want.base_n);
    b.base.weighted.forEach((v, c) => expect(closeRel(v!, want.base_w[c])).toBe(true));
    b.base.effective.forEach((v, c) => expect(closeRel(v!, want.effective[c])).toBe(true));
  });

  it('row and total percentages within each column group', () => {
    b.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        expect(closeRel(cell.rowPct!, want.row_pct[r][c])).toBe(true);
        expect(closeRel(cell.totalPct!, want.total_pct[r][c])).toBe(true);
      }),
    );
  });

  it('significance letters', () => {
    expect(b.cells.map((row) => row.map((c) => c.sig))).toEqual(want.sig);
  });

  it('column means and standard errors', () => {
    b.means!.mean.forEach((v, c) => expect(closeRel(v!, want.mean[c])).toBe(true));
    b.means!.se.forEach((v, c) => expect(closeRel(v!, want.se[c])).toBe(true));
  });
});

describe('column-mean t-tests (pooled SD, as R pairwise.t.test(pool.sd = TRUE))', () => {
  it.each([
    ['unweighted_bh', undefined, 'bh'],
    ['fw_bonferroni', { variable: 'fw', type: 'frequency' as const }, 'bonferroni'],
  ] as const)('%s', (key, weight, adjust) => {
    const b = banner(ds, {
      row: 'b',
      columns: { total: true, items: [{ variable: 'a' }, { nest: ['x', 'z'] }] },
      weight,
      tests: { adjust, alpha: 0.05 },
      means: true,
    });
    expect(b.means!.sig).toEqual(ex.mean_tests[key]);
  });

  it('are not given for sampling weights', () => {
    const b = banner(ds, {
      row: 'b',
      columns: { total: true, items: [{ variable: 'a' }] },
      weight: { variable: 'w', type: 'sampling' },
      tests: { adjust: 'none', alpha: 0.05 },
      means: true,
    });
    expect(b.means!.sig).toBeUndefined();
  });
});
