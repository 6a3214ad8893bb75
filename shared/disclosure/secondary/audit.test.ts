import { describe, expect, it } from 'vitest';
import { auditSuppression } from './audit';
import { crosstabLayout, flattenCrosstab } from './linear-table';
import { bannerLayout } from './banner-layout';
import type { BannerColumn } from '../../model/results';

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

function table(inner: number[][]) {
  const L = crosstabLayout(inner.length, inner[0].length);
  const rt = inner.map(sum);
  const ct = inner[0].map((_v, j) => sum(inner.map((r) => r[j])));
  const values = flattenCrosstab(inner, rt, ct, sum(rt));
  return { L, values, mask: (cells: number[]) => values.map((_v, i) => cells.includes(i)) };
}

const five = () => 5;

describe('auditSuppression', () => {
  const inner = [
    [3, 20, 15],
    [12, 14, 30],
    [25, 8, 40],
  ];

  it('holds Σw values to "not determined" too: a weighted cell recomputable from its row fails', () => {
    // Σw cells are not integers; a required width of "any" must still exclude a single value.
    const weighted = inner.map((row) => row.map((v) => v * 0.93));
    const { L, values, mask } = table(weighted);
    const [e] = auditSuppression(values, mask([L.interior(0, 0)]), L.table, () => Number.MIN_VALUE, {});
    expect(e.hi - e.lo).toBeLessThan(1e-9);
    expect(e.ok).toBe(false);
    const rect = [L.interior(0, 0), L.interior(0, 1), L.interior(1, 0), L.interior(1, 1)];
    expect(auditSuppression(values, mask(rect), L.table, () => Number.MIN_VALUE, {}).every((x) => x.ok)).toBe(true);
  });

  it('finds a single suppressed cell in a row recomputable', () => {
    const { L, values, mask } = table(inner);
    const [e] = auditSuppression(values, mask([L.interior(0, 0)]), L.table, five, { integer: true });
    expect(e).toMatchObject({ lo: 3, hi: 3, ok: false });
  });

  it('gives a rectangle p,a / b,d the interval [p − min(p,d), p + min(a,b)]', () => {
    // p = 3, a = 20 (same row), b = 12 (same column), d = 14: [3 − 3, 3 + 12] = [0, 15].
    const { L, values, mask } = table(inner);
    const cells = [L.interior(0, 0), L.interior(0, 1), L.interior(1, 0), L.interior(1, 1)];
    const out = auditSuppression(values, mask(cells), L.table, (c) => (c === cells[0] ? 5 : 0), { integer: true });
    expect(out.find((e) => e.cell === cells[0])).toMatchObject({ lo: 0, hi: 15, ok: true });
    // d moves with p (p + t, a − t, b − t, d + t with t in [−3, 12]): [14 − 3, 14 + 12].
    expect(out.find((e) => e.cell === cells[3])).toMatchObject({ lo: 11, hi: 26 });
  });

  it('fails a rectangle whose partners are too small for the margin', () => {
    const small = [
      [3, 1, 40],
      [1, 1, 40],
      [25, 30, 40],
    ];
    const { L, values, mask } = table(small);
    const cells = [L.interior(0, 0), L.interior(0, 1), L.interior(1, 0), L.interior(1, 1)];
    // p = 3 can only go to [3 − 1, 3 + 1] = [2, 4]: width 2 < 5.
    const e = auditSuppression(values, mask(cells), L.table, (c) => (c === cells[0] ? 5 : 0), { integer: true })[0];
    expect(e).toMatchObject({ lo: 2, hi: 4, ok: false });
  });

  it('sees through a suppressed row total when the column still pins the cell', () => {
    const { L, values, mask } = table(inner);
    const out = auditSuppression(values, mask([L.interior(0, 0), L.rowTotal(0)]), L.table, five, { integer: true });
    expect(out.every((e) => e.lo === e.hi)).toBe(true);
  });

  it('protects a cell hidden with its row total, column total and grand total', () => {
    const { L, values, mask } = table(inner);
    const cells = [L.interior(0, 0), L.rowTotal(0), L.colTotal(0), L.grand];
    const out = auditSuppression(values, mask(cells), L.table, five, { integer: true });
    // Nothing bounds the hidden corner from above once all its margins are hidden.
    expect(out.find((e) => e.cell === cells[0])!.hi).toBe(Infinity);
    expect(out.find((e) => e.cell === cells[0])!.lo).toBe(0);
  });

  it('treats each banner group as partitioning Totaal', () => {
    const col = (variable: string, code: number, letter: string): BannerColumn => ({
      key: `${variable}=${code}`,
      path: [{ variable, code, label: String(code) }],
      label: String(code),
      group: variable,
      letter,
    });
    const columns: BannerColumn[] = [
      { key: 'total', path: [], label: 'Totaal', group: '', letter: '' },
      col('g', 1, 'A'),
      col('g', 2, 'B'),
      col('s', 1, 'A'),
      col('s', 2, 'B'),
    ];
    const L = bannerLayout(2, columns);
    // Rows: Totaal = g1 + g2 = s1 + s2.
    const values = L.flatten(
      [
        [30, 4, 26, 15, 15],
        [40, 20, 20, 22, 18],
      ],
      [70, 24, 46, 37, 33],
    );
    const hidden = values.map((_v, i) => i === L.interior(0, 1) || i === L.interior(0, 2));
    // Row 0 of group g: 4 + 26 = 30 published, but the columns' bases pin each: both exact.
    const out = auditSuppression(values, hidden, L.table, five, { integer: true });
    expect(out.every((e) => e.lo === e.hi)).toBe(true);
  });
});

describe('auditing a published table without its hidden values', () => {
  it('computes the same intervals when the hidden values are unknown (NaN)', () => {
    const inner = [
      [3, 20, 15],
      [12, 14, 30],
      [25, 8, 40],
    ];
    const L = crosstabLayout(3, 3);
    const values = flattenCrosstab(
      inner,
      inner.map(sum),
      [0, 1, 2].map((j) => sum(inner.map((r) => r[j]))),
      sum(inner.map(sum)),
    );
    const cells = [L.interior(0, 0), L.interior(0, 1), L.interior(1, 0), L.interior(1, 1)];
    const hidden = values.map((_v, i) => cells.includes(i));
    const blind = values.map((v, i) => (hidden[i] ? NaN : v));
    const withTruth = auditSuppression(values, hidden, L.table, () => 5, { integer: true });
    const without = auditSuppression(blind, hidden, L.table, () => 5, { integer: true });
    expect(without.map((e) => [e.lo, e.hi, e.ok])).toEqual(withTruth.map((e) => [e.lo, e.hi, e.ok]));
  });
});
