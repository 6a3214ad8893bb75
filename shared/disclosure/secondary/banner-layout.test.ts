import { describe, expect, it } from 'vitest';
import { auditSuppression } from './audit';
import { bannerLayout } from './banner-layout';
import { protectTable } from './suppress';
import type { BannerColumn } from '../../model/results';

const step = (variable: string, code: number) => ({ variable, code, label: `${variable} ${code}` });
const column = (group: string, ...path: ReturnType<typeof step>[]): BannerColumn => ({
  key: path.map((p) => `${p.variable}=${p.code}`).join('|'),
  path,
  label: path[path.length - 1].label,
  group,
  letter: 'A',
});

// Totaal | leeftijd 1, 2 | leeftijd × geslacht (1,1) (1,2) (2,1) (2,2)
const columns: BannerColumn[] = [
  { key: 'total', path: [], label: 'Totaal', group: '', letter: '' },
  column('leeftijd', step('leeftijd', 1)),
  column('leeftijd', step('leeftijd', 2)),
  column('lxg', step('leeftijd', 1), step('geslacht', 1)),
  column('lxg', step('leeftijd', 1), step('geslacht', 2)),
  column('lxg', step('leeftijd', 2), step('geslacht', 1)),
  column('lxg', step('leeftijd', 2), step('geslacht', 2)),
];
// One row variable with two categories; nested cells sum to their leeftijd parent.
const inner = [
  [60, 25, 35, 3, 22, 20, 15],
  [80, 45, 35, 20, 25, 17, 18],
];
const bases = [140, 70, 70, 23, 47, 37, 33];
const need = (v: number) => (v > 0 && v < 10 ? 5 : 0);

describe('bannerLayout', () => {
  it('ties nested columns to their parent column as well as to Totaal', () => {
    const L = bannerLayout(2, columns);
    const has = (parent: number, children: number[]) =>
      L.table.constraints.some((c) => {
        const total = c.cells[c.coefs.indexOf(-1)];
        const parts = c.cells.filter((x, t) => c.coefs[t] === 1 && !L.table.fixed![x]);
        return total === parent && parts.length === children.length && children.every((k) => parts.includes(k));
      });
    expect(has(L.interior(0, 1), [L.interior(0, 3), L.interior(0, 4)])).toBe(true);
    expect(has(L.interior(1, 2), [L.interior(1, 5), L.interior(1, 6)])).toBe(true);
    expect(has(L.base(1), [L.base(3), L.base(4)])).toBe(true);
    expect(
      has(
        L.interior(0, 0),
        [3, 4, 5, 6].map((k) => L.interior(0, k)),
      ),
    ).toBe(true);
    expect(
      has(
        L.interior(0, 0),
        [1, 2].map((k) => L.interior(0, k)),
      ),
    ).toBe(true);
    // The remainders are zero here: every group partitions its parent exactly.
    const values = L.flatten(inner, bases);
    expect(values.filter((_v, c) => L.table.fixed![c]).every((v) => v === 0)).toBe(true);
  });

  it('finds a protecting pattern for a small nested cell', () => {
    const L = bannerLayout(2, columns);
    const values = L.flatten(inner, bases);
    const primary = values.map((v, c) => !L.table.fixed![c] && need(v) > 0);
    const required = (c: number, v: number) => (L.table.fixed![c] ? 0 : need(v));
    const res = protectTable(L.table, [{ values, required, integer: true }], primary);
    expect(res.failures).toEqual([]);
    const audit = auditSuppression(values, res.suppressed, L.table, required, { integer: true });
    expect(audit.find((e) => e.cell === L.interior(0, 3))).toMatchObject({ ok: true });
  });
});
