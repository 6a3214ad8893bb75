import oracle from '../../tests/oracle/tables/expected.json';
import { describe, expect, it } from 'vitest';
import { fisherExact2x2 } from './fisher';

// Expected p-values from R fisher.test, written by tests/oracle/tables/make.R.
const cases: Array<{ table: number[]; p: number }> = oracle.fisher_cases;

describe('fisherExact2x2 vs R fisher.test', () => {
  it.each(cases.map((c) => [c.table.join(','), c] as const))('table %s', (_, c) => {
    const [a, b, cc, d] = c.table;
    expect(Math.abs(fisherExact2x2(a, b, cc, d) - c.p)).toBeLessThan(1e-9);
  });
});
