import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditSuppression } from './audit';
import { RectangleCertifier } from './certificate';
import { constraintsByCell, crosstabLayout, flattenCrosstab } from './linear-table';

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

function setup(inner: number[][]) {
  const L = crosstabLayout(inner.length, inner[0].length);
  const values = flattenCrosstab(
    inner,
    inner.map(sum),
    inner[0].map((_v, j) => sum(inner.map((r) => r[j]))),
    sum(inner.map(sum)),
  );
  return { L, values, cert: new RectangleCertifier(L.table, constraintsByCell(L.table)) };
}

describe('RectangleCertifier', () => {
  const inner = [
    [3, 20, 15],
    [12, 14, 30],
    [25, 8, 40],
  ];

  it('proves a rectangle with large enough partners and names its corners', () => {
    const { L, values, cert } = setup(inner);
    const rect = [L.interior(0, 0), L.interior(0, 1), L.interior(1, 0), L.interior(1, 1)];
    const hidden = values.map((_v, c) => rect.includes(c));
    expect(cert.certify(L.interior(0, 0), 5, values, hidden)?.sort()).toEqual([...rect].sort());
    // [0, 15] is 15 wide: a need of 16 cannot be met by this rectangle.
    expect(cert.certify(L.interior(0, 0), 16, values, hidden)).toBeNull();
  });

  it('leaves a six-cycle to the LP', () => {
    const { L, values, cert } = setup(inner);
    const cycle = [L.interior(0, 0), L.interior(0, 1), L.interior(2, 1), L.interior(2, 2), L.interior(1, 2), L.interior(1, 0)];
    const hidden = values.map((_v, c) => cycle.includes(c));
    expect(cert.certify(L.interior(0, 0), 1, values, hidden)).toBeNull();
    expect(auditSuppression(values, hidden, L.table, (c) => (c === cycle[0] ? 1 : 0), { integer: true })[0].ok).toBe(true);
  });

  it('property: a certified cell always passes the exact LP audit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 4, maxLength: 4 }), { minLength: 2, maxLength: 4 }),
        fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
        fc.integer({ min: 1, max: 12 }),
        (tbl, mask, need) => {
          const { L, values, cert } = setup(tbl);
          const hidden = values.map((_v, c) => mask[c % mask.length]);
          for (let c = 0; c < values.length; c++) {
            if (!hidden[c] || !cert.certify(c, need, values, hidden)) continue;
            const e = auditSuppression(values, hidden, L.table, (x) => (x === c ? need : 0), { integer: true }).find((x) => x.cell === c)!;
            expect(e.hi - e.lo).toBeGreaterThanOrEqual(need);
          }
        },
      ),
      { numRuns: 40, seed: 11 },
    );
  });
});
