import { describe, expect, it } from 'vitest';
import type { BannerResult } from '../model/results';
import { buildTableModel, rowOrder } from './table-model';

/** Rows with their Totaal %, a label, whether they are a net, and whether a cell is withheld. */
function banner(
  rows: { label: string; pct: number; count: number; suppressed?: boolean }[],
  nets: { row: number; members: number[]; instead: boolean }[] = [],
): BannerResult {
  return {
    kind: 'banner',
    rowVariable: { name: 'q', label: 'Q' },
    rows: rows.map((r, i) => ({ code: i + 1, label: r.label })),
    nets,
    columns: [{ key: 'total', path: [], label: 'Totaal', group: 'Totaal', letter: '' }],
    cells: rows.map((r) => [
      r.suppressed
        ? { count: null, weighted: null, pct: null, sig: '', suppressed: true, suppression: 'primary' as const }
        : { count: r.count, weighted: r.count, pct: r.pct, sig: '', suppressed: false },
    ]),
    base: { count: [100], weighted: [100], effective: [100] },
    weight: null,
    tests: { method: 'none', adjust: 'none', alpha: 0.05 },
    rules: { ruleSet: 'cbs-persons', status: 'safe', primary: 0, secondary: 0, reasons: [] },
  };
}

const labels = (b: BannerResult, opts: Parameters<typeof buildTableModel>[1]) =>
  buildTableModel(b, opts)
    .rows.filter((r) => r.kind === 'category')
    .map((r) => r.label);
const base = { decimals: 1, sigDisplay: 'none' as const, language: 'nl' as const };

describe('row order', () => {
  it('sorts by the published Totaal value, withheld values and closing answers last, nets at the end', () => {
    const b = banner(
      [
        { label: 'Fiets', pct: 20, count: 20 },
        { label: 'Anders', pct: 30, count: 30 },
        { label: 'Auto', pct: 40, count: 40 },
        { label: 'Bus', pct: 0, count: 5, suppressed: true },
        { label: 'Weet niet', pct: 10, count: 10 },
        { label: 'Netto', pct: 60, count: 60 },
      ],
      [{ row: 5, members: [0, 2], instead: false }],
    );
    expect(labels(b, { ...base, sort: 'total-desc' })).toEqual(['Auto', 'Fiets', 'Bus', 'Anders', 'Weet niet', 'Netto']);
    expect(labels(b, base)).toEqual(['Fiets', 'Anders', 'Auto', 'Bus', 'Weet niet', 'Netto']);
  });

  it('hides only categories with no case anywhere (never a withheld one), and members of a net shown instead', () => {
    const b = banner(
      [
        { label: 'Leeg', pct: 0, count: 0 },
        { label: 'Weinig', pct: 0, count: 3, suppressed: true },
        { label: 'Veel', pct: 97, count: 97 },
        { label: 'Som', pct: 97, count: 97 },
      ],
      [{ row: 3, members: [1, 2], instead: true }],
    );
    expect(labels(b, { ...base, hideEmpty: true })).toEqual(['Som']);
    expect(labels(b, base)).toEqual(['Leeg', 'Som']);
    expect(rowOrder(3, { label: () => '', isNet: () => false, hide: () => false, key: (i) => [1, null, 2][i] ?? null, sort: 'total-desc' })).toEqual([2, 0, 1]);
  });
});
