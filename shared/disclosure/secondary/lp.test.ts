import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feasibleBasis, minimize } from './lp';

// Expected optima are worked out by hand in the comments.
describe('simplex', () => {
  it('takes right-hand sides of rounding noise as zero, not as infeasible', () => {
    // Σw knowns that cancel: x1 + x2 = −1.8e-15 is x1 = x2 = 0, not "x1 + x2 = −1" after scaling.
    const fb = feasibleBasis(
      [
        [1, 1, 0],
        [0, 1, -1],
      ],
      [-1.7763568394002505e-15, 0],
      3,
    );
    expect(fb).not.toBeNull();
    expect(-minimize(fb!, [0, 0, -1]).value).toBeCloseTo(0, 9);
    expect(feasibleBasis([[1, 1]], [-1e-3], 2)).toBeNull();
  });

  it('bounds a variable of x1 + x2 = 5 to [0, 5]', () => {
    const fb = feasibleBasis([[1, 1]], [5], 2)!;
    expect(minimize(fb, [1, 0]).value).toBeCloseTo(0, 9);
    expect(-minimize(fb, [-1, 0]).value).toBeCloseTo(5, 9);
  });

  it('detects infeasibility (x1 + x2 = -1 with x >= 0)', () => {
    expect(feasibleBasis([[1, 1]], [-1], 2)).toBeNull();
  });

  it('detects an unbounded direction (x1 − x2 = 2)', () => {
    const fb = feasibleBasis([[1, -1]], [2], 2)!;
    expect(minimize(fb, [-1, 0]).status).toBe('unbounded');
    // min x1 = 2 at x2 = 0.
    expect(minimize(fb, [1, 0]).value).toBeCloseTo(2, 9);
  });

  it('copes with redundant and degenerate rows', () => {
    // x1+x2 = 3 twice, x2+x3 = 0 forces x2 = x3 = 0, so x1 = 3 exactly.
    const fb = feasibleBasis(
      [
        [1, 1, 0],
        [1, 1, 0],
        [0, 1, 1],
      ],
      [3, 3, 0],
      3,
    )!;
    expect(minimize(fb, [1, 0, 0]).value).toBeCloseTo(3, 9);
    expect(-minimize(fb, [-1, 0, 0]).value).toBeCloseTo(3, 9);
  });

  it('never reports an optimum worse than a known feasible point, nor one below a brute-force minimum', () => {
    // Random {-1,0,1} systems with a known non-negative integer solution x0; objectives c >= 0 on a
    // box-bounded problem are checked against exhaustive search over small integer points.
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.array(fc.integer({ min: -1, max: 1 }), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 3, maxLength: 3 }),
        (_m, x0, a, c) => {
          const b = a.map((row) => row.reduce((s, v, j) => s + v * x0[j], 0));
          const fb = feasibleBasis(a, b, 3);
          expect(fb).not.toBeNull();
          const res = minimize(fb!, c);
          const cx0 = c.reduce((s, v, j) => s + v * x0[j], 0);
          if (res.status === 'optimal') expect(res.value).toBeLessThanOrEqual(cx0 + 1e-7);
          // Every integer point in [0,6]^3 that satisfies A x = b is >= the LP minimum.
          for (let p = 0; p < 7; p++)
            for (let q = 0; q < 7; q++)
              for (let s = 0; s < 7; s++) {
                const x = [p, q, s];
                if (a.every((row, i) => row.reduce((t, v, j) => t + v * x[j], 0) === b[i])) {
                  const cx = c.reduce((t, v, j) => t + v * x[j], 0);
                  expect(cx).toBeGreaterThanOrEqual(res.value - 1e-7);
                }
              }
        },
      ),
      { numRuns: 200, seed: 5 },
    );
  });
});
