import { describe, expect, it } from 'vitest';
import { weightedPercentile } from './median';

// Hand-worked cases of the HAVERAGE rule (the R/PSPP-backed checks are in tests/oracle/tables).
describe('weightedPercentile (HAVERAGE)', () => {
  it('unweighted odd and even n: (n+1)p with interpolation', () => {
    expect(weightedPercentile(Float64Array.from([5, 1, 3]), null, 0.5)).toBe(3);
    expect(weightedPercentile(Float64Array.from([4, 1, 3, 2]), null, 0.5)).toBe(2.5);
  });
  it('integer weights act as repeated cases', () => {
    const rep = weightedPercentile(Float64Array.from([1, 1, 1, 2, 7, 7]), null, 0.5);
    expect(weightedPercentile(Float64Array.from([7, 1, 2]), Float64Array.from([2, 3, 1]), 0.5)).toBe(rep);
  });
  it('empty input has no median', () => {
    expect(weightedPercentile(new Float64Array(0), null, 0.5)).toBeNull();
  });
});
