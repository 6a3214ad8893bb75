/**
 * Small hand-counted cases for the multiple-response engine (the R oracle in tests/oracle/mrsets
 * checks the numbers on a realistic file): who is in the base, what counts once, what weights do.
 */
import { describe, expect, it } from 'vitest';
import { type Dataset, newVariable } from '../../model/dataset';
import type { MultipleResponseSet } from '../../model/mr-set';
import { mrAsCrosstab, mrCrosstabResult } from './crosstab';
import { mrTable } from './table';

const N = NaN;
/** Ten cases. a, b, c: ticks (1), not ticked (0), 9 = user-missing "weet niet", NaN = system-missing. */
const cols = {
  a: [1, 1, 0, 0, 9, N, 1, 0, 1, 0],
  b: [1, 0, 0, 9, 9, N, 1, 1, 0, 0],
  c: [0, 1, 0, 1, 9, N, 1, 0, 0, 1],
  // first, second mention (codes 1–3, 9 user-missing)
  m1: [1, 2, 3, 1, 9, N, 2, 1, 3, 2],
  m2: [2, 2, N, 1, 9, N, 3, N, 1, N],
  g: [1, 1, 1, 2, 2, 2, 2, 1, N, 2],
  w: [1, 2, 1, 0.5, 1, 1, 2, 1, 1, 0],
};

function data(): Dataset {
  const dich = (name: string) =>
    newVariable(name, 'numeric', { label: name.toUpperCase(), valueLabels: { '0': 'Nee', '1': 'Ja' }, missing: { values: [9], range: null } });
  const ment = (name: string) =>
    newVariable(name, 'numeric', { valueLabels: { '1': 'Groen', '2': 'Zorg', '3': 'Wonen' }, missing: { values: [9], range: null } });
  const variables = [
    dich('a'),
    dich('b'),
    dich('c'),
    ment('m1'),
    ment('m2'),
    newVariable('g', 'numeric', { valueLabels: { '1': 'Noord', '2': 'Zuid' } }),
    newVariable('w', 'numeric'),
  ];
  const names = ['a', 'b', 'c', 'm1', 'm2', 'g', 'w'] as const;
  return {
    name: 't',
    rows: 10,
    variables,
    columns: names.map((n) => ({ kind: 'numeric', data: Float64Array.from(cols[n]) })),
    weight: null,
    fileLabel: '',
    documents: [],
    mrSets: [
      { name: '$abc', label: 'ABC', type: 'dichotomies', countedValue: 1, variables: ['a', 'b', 'c'] },
      { name: '$m', label: 'Genoemd', type: 'categories', variables: ['m1', 'm2'] },
    ],
  };
}

const counts = (r: ReturnType<typeof mrTable>) => ({
  base: r.base.count,
  items: r.cells.map((row) => row.map((c) => c.count)),
  any: r.any.map((c) => c.count),
  responses: r.responses.count,
});

describe('dichotomy set', () => {
  const spec = { total: true, items: [{ variable: 'g' }] };

  it('counts the base as cases valid on any member, items as cases with the counted value', () => {
    const r = mrTable(data(), { set: '$abc', columns: spec });
    // Case 4 is missing on all three (user-missing 9), case 5 system-missing: both out of the base.
    // Case 3 (a=0, b=9, c=1) is valid on a and c. Case 8 has g missing: in Totaal only.
    expect(r.columns.map((c) => c.key)).toEqual(['total', 'g=1', 'g=2']);
    expect(counts(r)).toEqual({
      base: [8, 4, 3],
      items: [
        [4, 2, 1],
        [3, 2, 1],
        [4, 1, 3],
      ],
      // case 2 (all 0) and case 9 (c = 1 only, in any) … : any = cases with ≥ 1 tick.
      any: [7, 3, 3],
      responses: [11, 5, 5],
    });
    expect(r.items).toEqual([
      { code: 'a', label: 'A' },
      { code: 'b', label: 'B' },
      { code: 'c', label: 'C' },
    ]);
    expect(r.cells[0][0].pct).toBeCloseTo(50, 12);
    expect(r.any[0].pct).toBeCloseTo(87.5, 12);
    expect(r.set).toEqual({ name: '$abc', label: 'ABC', kind: 'dichotomies', counted: 1, variables: ['a', 'b', 'c'] });
  });

  it('leaves out cases without a positive weight and weights the rest', () => {
    const r = mrTable(data(), { set: '$abc', columns: spec, weight: { variable: 'w', type: 'frequency' }, responsePct: true });
    // Case 9 has weight 0: out. Weighted base Totaal: cases 0,1,2,3,6,7,8 → 1+2+1+0.5+2+1+1.
    expect(r.weight).toEqual({ variable: 'w', type: 'frequency', excluded: 1 });
    expect(r.base.count).toEqual([7, 4, 2]);
    expect(r.base.weighted).toEqual([8.5, 5, 2.5]);
    // a: cases 0,1,6,8 → 1+2+2+1; responses Totaal: a 6, b (0,6,7) 4, c (1,3,6) 4.5.
    expect(r.cells[0][0].weighted).toBe(6);
    expect(r.responses.weighted[0]).toBe(14.5);
    expect(r.cells[0][0].responsePct).toBeCloseTo((100 * 6) / 14.5, 12);
    expect(r.base.effective[0]).toBeCloseTo(8.5 ** 2 / (1 + 4 + 1 + 0.25 + 4 + 1 + 1), 12);
  });
});

describe('categories set', () => {
  it('counts a category once per case however many members hold it', () => {
    const r = mrTable(data(), { set: '$m', columns: { total: true, items: [{ variable: 'g' }] } });
    expect(r.items).toEqual([
      { code: 1, label: 'Groen' },
      { code: 2, label: 'Zorg' },
      { code: 3, label: 'Wonen' },
    ]);
    // Case 1 names 2 twice: counted once. Base: every case with a valid mention (not 4, 5).
    expect(counts(r)).toEqual({
      base: [8, 4, 3],
      items: [
        [4, 2, 1],
        [4, 2, 2],
        [3, 1, 1],
      ],
      any: [8, 4, 3],
      responses: [11, 5, 4],
    });
  });

  it('lists labelled codes nobody names only when asked (banners do, crosstabs do not)', () => {
    const ds = data();
    ds.variables[3] = { ...ds.variables[3], valueLabels: { ...ds.variables[3].valueLabels, '4': 'Anders' } };
    expect(mrTable(ds, { set: '$m', columns: { total: true, items: [] } }).items.map((i) => i.code)).toEqual([1, 2, 3, 4]);
    expect(mrTable(ds, { set: '$m', columns: { total: true, items: [] }, includeLabelled: false }).items.map((i) => i.code)).toEqual([1, 2, 3]);
  });
});

describe('a set in the rows of a crosstab', () => {
  it('has the items as rows, the column bases as totals and the mr block', () => {
    const ds = data();
    const t = mrAsCrosstab(ds, mrCrosstabResult(ds, { set: '$abc', col: 'g' }), 'g');
    expect(t.rows.map((r) => r.code)).toEqual(['a', 'b', 'c']);
    expect(t.cols).toEqual([
      { code: 1, label: 'Noord' },
      { code: 2, label: 'Zuid' },
    ]);
    expect(t.count).toEqual([
      [2, 1],
      [2, 1],
      [1, 3],
    ]);
    expect(t.colPct[2][1]).toBeCloseTo(100, 12);
    expect(t.colPct[0][0]).toBeCloseTo(50, 12);
    // Margins over cases valid on g: case 8 is not in them.
    expect(t.rowCounts).toEqual([3, 3, 4]);
    expect(t.colTotals).toEqual([4, 3]);
    expect(t.total).toBe(7);
    expect(t.chi2).toBeNull();
    expect(t.mr).toEqual({
      set: '$abc',
      kind: 'dichotomies',
      counted: 1,
      base: [4, 3],
      baseWeighted: [4, 3],
      any: [3, 3],
      anyWeighted: [3, 3],
      responses: [5, 5],
    });
  });

  it('refuses an unknown set by naming the sets there are', () => {
    const set: MultipleResponseSet = { name: '$x', label: '', type: 'dichotomies', countedValue: 1, variables: ['a', 'zz'] };
    expect(() => mrTable(data(), { set: '$nee', columns: { total: true, items: [] } })).toThrow(/Unknown set: \$nee \(sets: \$abc, \$m\)/);
    expect(() => mrTable(data(), { set, columns: { total: true, items: [] } })).toThrow(/Unknown variable: zz/);
  });
});
