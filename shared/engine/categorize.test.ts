import { describe, expect, it } from 'vitest';
import { type Column, compactNumeric, newVariable } from '../model/dataset';
import { categorize, categoryLookup } from './categorize';

const meta = newVariable('v', 'numeric', {
  valueLabels: { '1': 'ja', '2': 'nee', '7': 'nooit gezien' },
  missing: { values: [9], range: [90, 99] },
});

function col(values: number[], wide = false): Column {
  const d = Float64Array.from(values);
  return { kind: 'numeric', data: wide ? d : compactNumeric(d) };
}

const values = [2, 1, 9, NaN, 2, 95, 3, 1];

describe('categorize', () => {
  it.each([false, true])('excludes user- and system-missing by default (Float64 storage: %s)', (wide) => {
    const c = categorize(col(values, wide), meta);
    expect(c.categories.map((x) => [x.code, x.label])).toEqual([
      [1, 'ja'],
      [2, 'nee'],
      [3, '3'],
    ]);
    expect(Array.from(c.index)).toEqual([1, 0, -1, -1, 1, -1, 2, 0]);
  });

  it('shows missing categories in code order with system-missing last when asked', () => {
    const c = categorize(col(values), meta, { includeMissing: true });
    expect(c.categories.map((x) => [x.code, x.missingKind ?? null])).toEqual([
      [1, null],
      [2, null],
      [3, null],
      [9, 'user'],
      [95, 'user'],
      [NaN, 'system'],
    ]);
    expect(Array.from(c.index)).toEqual([1, 0, 3, 5, 1, 4, 2, 0]);
  });

  it('lists labelled but unobserved codes only on request', () => {
    expect(categorize(col(values), meta, { includeLabelled: true }).categories.map((x) => x.code)).toEqual([1, 2, 3, 7]);
  });

  it('lookup and materialised index agree for every storage', () => {
    for (const wide of [false, true]) {
      const c = col(values, wide);
      const l = categoryLookup(c, meta, { includeMissing: true });
      const m = categorize(c, meta, { includeMissing: true });
      expect(Array.from(l.data, (v) => l.lut[v + l.offset])).toEqual(Array.from(m.index));
    }
  });

  it('string columns: right-trimmed codes, labels by code, user-missing strings', () => {
    const smeta = newVariable('s', 'string', { valueLabels: { b: 'Bee' }, missing: { values: ['x'], range: null } });
    const c: Column = { kind: 'string', codes: Int32Array.from([0, 1, 2, 0, 3]), dict: ['b  ', 'a', 'x', 'c'] };
    const r = categorize(c, smeta);
    expect(r.categories.map((x) => x.label)).toEqual(['a', 'Bee', 'c']);
    expect(Array.from(r.index)).toEqual([1, 0, -1, 1, 2]);
  });
});
