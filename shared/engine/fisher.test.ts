import oracle from '../../tests/oracle/tables/expected.json';
import { describe, it } from 'vitest';
import { fisherExact2x2 } from './fisher';
import { expectP } from '../../tests/oracle/p-value';

// Expected p-values from R fisher.test, written by tests/oracle/tables/make.R.
const cases: Array<{ table: number[]; p: number }> = oracle.fisher_cases;

describe('fisherExact2x2 vs R fisher.test', () => {
  it.each(cases.map((c) => [c.table.join(','), c] as const))('table %s', (_, c) => {
    const [a, b, cc, d] = c.table;
    expectP(fisherExact2x2(a, b, cc, d), c.p);
  });
});
