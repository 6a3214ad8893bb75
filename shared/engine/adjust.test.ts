import oracle from '../../tests/oracle/tables/expected.json';
import { describe, expect, it } from 'vitest';
import { adjustP } from './adjust';

// Expected values from R p.adjust, written by tests/oracle/tables/make.R.
const ex = oracle.p_adjust;

describe('adjustP vs R p.adjust', () => {
  it.each([
    ['bonferroni', 'bonferroni'],
    ['bh', 'bh'],
  ] as const)('%s', (method, key) => {
    adjustP(ex.p, method).forEach((v, i) => expect(Math.abs(v - ex[key][i])).toBeLessThan(1e-12));
  });
  it('none leaves p unchanged', () => expect(adjustP(ex.p, 'none')).toEqual(ex.p));
});
