import { describe, expect, it } from 'vitest';
import {
  dominanceUnsafe,
  magnitudeReason,
  pPercentUnsafe,
  primaryCounts,
  primaryGroupStats,
  primaryMagnitude,
  primaryPercentages,
  statisticAllowed,
} from './cell-rules';
import { defaultRuleSet } from '../rules';

const persons = defaultRuleSet('cbs-persons');
const business = defaultRuleSet('cbs-business');
const none = defaultRuleSet('none');

describe('primary rules', () => {
  it('flags counts in (0, minCount) and leaves empty cells and the threshold itself alone', () => {
    expect(primaryCounts([[0, 1, 9, 10, 11]], persons)).toEqual([[false, true, true, false, false]]);
    expect(primaryCounts([[1, 9]], none)).toEqual([[false, false]]);
    expect(primaryCounts([[4]], { ...persons, minCount: 5 })).toEqual([[true]]);
  });

  it('needs numerator and denominator of a percentage at minCount', () => {
    // Column bases 30 and 9: everything in the second column is unsafe, even its large-looking 0.
    expect(
      primaryPercentages(
        [
          [12, 0],
          [18, 9],
        ],
        [30, 9],
        persons,
      ),
    ).toEqual([
      [false, true],
      [false, true],
    ]);
    expect(primaryPercentages([[3, 12]], [15], persons, 'row')).toEqual([[true, false]]);
  });

  it('withholds group statistics of groups below minCount', () => {
    expect(primaryGroupStats([9, 10, 0], persons)).toEqual([true, false, true]);
  });

  it('applies the (n,k) dominance rule', () => {
    // Two largest 60 + 20 = 80 % of 100 > 75 %.
    expect(dominanceUnsafe({ total: 100, top: [60, 20], n: 12 }, business)).toBe(true);
    // 40 + 30 = 70 % ≤ 75 %.
    expect(dominanceUnsafe({ total: 100, top: [40, 30], n: 12 }, business)).toBe(false);
    expect(dominanceUnsafe({ total: 100, top: [99, 1], n: 12 }, persons)).toBe(false);
  });

  it('applies the p% rule', () => {
    // Rest after the two largest: 100 − 50 − 45 = 5 < 10 % of 50 = 5? No: 5 is not < 5 → safe.
    expect(pPercentUnsafe({ total: 100, top: [50, 45], n: 12 }, business)).toBe(false);
    // 100 − 50 − 46 = 4 < 5 → unsafe.
    expect(pPercentUnsafe({ total: 100, top: [50, 46], n: 12 }, business)).toBe(true);
  });

  it('reports why a magnitude cell is unsafe', () => {
    expect(magnitudeReason({ total: 100, top: [10, 9], n: 5 }, business)).toBe('count');
    expect(magnitudeReason({ total: 100, top: [90, 1], n: 20 }, business)).toBe('dominance');
    expect(magnitudeReason({ total: 100, top: [40, 30], n: 20 }, { ...business, dominance: undefined, pPercent: 100 })).toBe('p-percent');
    expect(magnitudeReason({ total: 100, top: [90, 1], n: 20 }, persons)).toBeNull();
    expect(magnitudeReason({ total: 0, top: [], n: 0 }, business)).toBeNull();
    expect(
      primaryMagnitude(
        [
          [
            { total: 100, top: [90, 1], n: 20 },
            { total: 100, top: [20, 10], n: 20 },
          ],
        ],
        business,
      ),
    ).toEqual([[true, false]]);
  });
});

describe('statisticAllowed', () => {
  it('never allows minima or maxima, and needs enough units for the rest', () => {
    expect(statisticAllowed('max', 5000, persons).ok).toBe(false);
    expect(statisticAllowed('min', 5000, persons).ok).toBe(false);
    expect(statisticAllowed('mean', 9, persons).ok).toBe(false);
    expect(statisticAllowed('median', 10, persons).ok).toBe(true);
    // p90 of 50 units: 5 units above it < 10.
    expect(statisticAllowed('percentile', 50, persons, 0.9).ok).toBe(false);
    expect(statisticAllowed('percentile', 100, persons, 0.9).ok).toBe(true);
    expect(statisticAllowed('max', 3, none).ok).toBe(true);
  });
});
