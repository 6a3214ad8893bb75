import { describe, expect, it } from 'vitest';
import { type Dataset, compactNumeric, newVariable } from '../model/dataset';
import { banner } from './banner';

function ds(n: number): Dataset {
  let s = 7;
  const rnd = () => (s = (s * 1103515245 + 12345) >>> 0) / 4294967296;
  const col = (k: number, wide = false) => {
    const v = Float64Array.from({ length: n }, () => 1 + Math.floor(rnd() * k));
    return { kind: 'numeric' as const, data: wide ? v : compactNumeric(v) };
  };
  const names = ['q', 'p', 'r', 's', 't', 'w'];
  return {
    name: 'b',
    rows: n,
    variables: names.map((v) => newVariable(v, 'numeric')),
    weight: null,
    fileLabel: '',
    documents: [],
    mrSets: [],
    // t is kept in Float64 storage to mix the kernel's reader kinds.
    columns: [col(4), col(3), col(2), col(5), col(3, true), { kind: 'numeric', data: Float64Array.from({ length: n }, () => 0.5 + rnd()) }],
  };
}

describe('banner parts', () => {
  const d = ds(500);
  const weight = { variable: 'w', type: 'frequency' as const };
  const cellsOf = (items: Parameters<typeof banner>[1]['columns']['items'], total: boolean) =>
    banner(d, { row: 'q', columns: { total, items }, weight }).cells.map((row) => row.map((c) => [c.count, c.weighted]));

  it('many parts (several kernel passes) give the same columns as each part alone', () => {
    const items = [{ variable: 'p' }, { nest: ['r', 's'] as [string, string] }, { variable: 't' }, { variable: 'r' }, { nest: ['t', 'p'] as [string, string] }];
    const all = cellsOf(items, true);
    const alone = [cellsOf([], true), ...items.map((it) => cellsOf([it], false))];
    expect(all).toEqual(all.map((_, r) => alone.flatMap((block) => block[r])));
  });

  it('Totaal only: one column holding every valid case', () => {
    const b = banner(d, { row: 'q', columns: { total: true, items: [] } });
    expect(b.columns.map((c) => c.key)).toEqual(['total']);
    expect(b.base.count).toEqual([500]);
  });
});
