import { describe, expect, it } from 'vitest';
import { auditSuppression } from '../secondary/audit';
import { crosstabLayout, flattenCrosstab } from '../secondary/linear-table';
import { suppressMagnitudeTable } from './magnitude';
import type { Contribution } from './cell-rules';
import { defaultRuleSet } from '../rules';

const business = defaultRuleSet('cbs-business');
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

/** Contributions from explicit unit values (inputs); total, top and n follow by definition. */
const cellOf = (units: number[]): Contribution => {
  const sorted = [...units].sort((a, b) => b - a);
  return { total: sum(units), top: sorted.slice(0, 2), n: units.length };
};
const spread = (n: number, each: number) => Array.from({ length: n }, () => each);

describe('suppressMagnitudeTable', () => {
  const cells = [
    [cellOf([900, ...spread(11, 10)]), cellOf(spread(12, 50)), cellOf(spread(15, 40))],
    [cellOf(spread(20, 30)), cellOf(spread(14, 45)), cellOf(spread(10, 70))],
    [cellOf(spread(16, 25)), cellOf(spread(12, 60)), cellOf(spread(30, 20))],
  ];
  const sums = cells.map((row) => row.map((c) => c.total));

  it('suppresses a dominated cell and protects it by a relative margin', () => {
    const out = suppressMagnitudeTable(sums, cells, business);
    expect(out.suppressed[0][0]).toBe(true);
    expect(out.rules.status).toBe('suppressed');
    expect(out.rules.reasons.join(' ')).toContain('dominance');
    const L = crosstabLayout(3, 3);
    const values = flattenCrosstab(
      sums,
      sums.map(sum),
      [0, 1, 2].map((j) => sum(sums.map((r) => r[j]))),
      sum(sums.map(sum)),
    );
    const hidden = [...out.suppressed.flat(), ...out.rowTotals, ...out.colTotals, out.grand];
    const e = auditSuppression(values, hidden, L.table, (c, v) => (c === 0 ? 0.3 * v : 0))[0];
    expect(e.ok).toBe(true);
  });

  it('does not apply dominance under cbs-persons', () => {
    const out = suppressMagnitudeTable(sums, cells, defaultRuleSet('cbs-persons'));
    expect(out.rules.status).toBe('safe');
  });
});
