import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crosstabFrom } from '../../../tests/disclosure/fixtures';
import { applyRulesToCrosstab } from './crosstab';
import { auditSuppression } from '../secondary/audit';
import { crosstabLayout, flattenCrosstab } from '../secondary/linear-table';
import { defaultRuleSet } from '../rules';
import type { CrosstabTable } from '../../model/results';

const rs = defaultRuleSet('cbs-persons');
const small = (v: number) => v > 0 && v < 10;
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

/** Invariants every published crosstab must satisfy, whatever the pattern chosen. */
function checkInvariants(input: number[][], out: CrosstabTable) {
  input.forEach((row, i) =>
    row.forEach((v, j) => {
      if (small(v)) {
        expect(out.suppressed[i][j]).toBe(true);
        for (const g of [out.count, out.weighted, out.colPct, out.rowPct, out.totalPct!]) expect(g[i][j]).toBeNull();
      }
      expect(out.suppressed[i][j]).toBe(out.count[i][j] === null);
      if (out.colPct[i][j] !== null) expect(out.colCounts![j] !== null && out.colTotals[j] !== null && out.count[i][j] !== null).toBe(true);
      if (out.rowPct[i][j] !== null) expect(out.rowCounts![i] !== null && out.rowTotals[i] !== null && out.count[i][j] !== null).toBe(true);
      if (out.totalPct![i][j] !== null) expect(out.total).not.toBeNull();
    }),
  );
  for (const m of [...out.rowCounts!, ...out.colCounts!, out.n ?? null]) if (m !== null) expect(small(m)).toBe(false);
  const hidden =
    out.count.flat().filter((v) => v === null).length + [...out.rowCounts!, ...out.colCounts!].filter((v) => v === null).length + (out.n === undefined ? 1 : 0);
  if (out.rules.status !== 'blocked') expect(out.rules.primary + out.rules.secondary).toBe(hidden);
  expect(out.rules.status === 'safe').toBe(hidden === 0);
}

describe('applyRulesToCrosstab', () => {
  it('changes nothing under rule set none, and says so', () => {
    const input = crosstabFrom([
      [3, 12],
      [1, 40],
    ]);
    const out = applyRulesToCrosstab(input, defaultRuleSet('none'));
    expect(out.count).toEqual(input.count);
    expect(out.rules).toMatchObject({ ruleSet: 'none', status: 'safe' });
  });

  it('suppresses small cells, protects them and withholds chi-square', () => {
    const counts = [
      [3, 12, 11],
      [10, 20, 14],
      [15, 16, 24],
    ];
    const out = applyRulesToCrosstab(crosstabFrom(counts), rs);
    checkInvariants(counts, out);
    expect(out.rules.status).toBe('suppressed');
    expect(out.rules.primary).toBe(1);
    expect(out.rules.secondary).toBeGreaterThanOrEqual(3);
    expect(out.chi2).toBeNull();
  });

  it('suppresses a column whose base is below the threshold, with a reason', () => {
    const counts = [
      [3, 12, 11],
      [2, 20, 14],
      [0, 16, 24],
    ];
    const out = applyRulesToCrosstab(crosstabFrom(counts), rs);
    checkInvariants(counts, out);
    expect(out.count.map((row) => row[0])).toEqual([null, null, null]);
    expect(out.colCounts![0]).toBeNull();
    expect(out.rules.reasons.some((r) => r.includes('"C1"') && r.includes('base 5'))).toBe(true);
  });

  it('blocks a table of fewer than minCount units, and one on a linking key', () => {
    const tiny = applyRulesToCrosstab(
      crosstabFrom([
        [3, 2],
        [1, 0],
      ]),
      rs,
    );
    expect(tiny.rules.status).toBe('blocked');
    expect(tiny.count.flat().every((v) => v === null)).toBe(true);
    expect(tiny.total).toBeNull();
    const keyed = applyRulesToCrosstab(
      {
        ...crosstabFrom([
          [30, 20],
          [10, 40],
        ]),
        rowVariable: 'RINPERSOON',
      },
      rs,
    );
    expect(keyed.rules.status).toBe('blocked');
  });

  it('leaves a safe table untouched', () => {
    const input = crosstabFrom([
      [30, 20],
      [10, 0],
    ]);
    const out = applyRulesToCrosstab(input, rs);
    expect(out.count).toEqual(input.count);
    expect(out.chi2).toEqual(input.chi2);
    expect(out.rules.status).toBe('safe');
  });

  it('protects the weighted values too', () => {
    const counts = [
      [3, 12, 11],
      [10, 20, 14],
      [15, 16, 24],
    ];
    const weights = counts.map((row, i) => row.map((v, j) => v * (1 + 0.37 * i + 0.11 * j)));
    const out = applyRulesToCrosstab(crosstabFrom(counts, weights), rs);
    checkInvariants(counts, out);
    const L = crosstabLayout(3, 3);
    const rowW = weights.map(sum);
    const colW = weights[0].map((_v, j) => sum(weights.map((r) => r[j])));
    const values = flattenCrosstab(weights, rowW, colW, sum(rowW));
    const hidden = [...out.weighted.flat(), ...out.rowTotals, ...out.colTotals, out.total].map((v) => v === null);
    // The count margin (5 units) in weight units: 5 × the cell's mean weight.
    const need = (5 * weights[0][0]) / counts[0][0];
    const audit = auditSuppression(values, hidden, L.table, (c) => (c === L.interior(0, 0) ? need : 0));
    expect(audit.find((e) => e.cell === L.interior(0, 0))!.ok).toBe(true);
  });

  it('property: invariants hold on random tables', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 10, max: 80 })), { minLength: 4, maxLength: 4 }), {
          minLength: 2,
          maxLength: 6,
        }),
        (counts) => checkInvariants(counts, applyRulesToCrosstab(crosstabFrom(counts), rs)),
      ),
      { numRuns: 60, seed: 5 },
    );
  });
});
