import { describe, expect, it } from 'vitest';
import { addColumn, addRow, bannerRequest, emptySpec, nestColumn, removeColumn } from './spec';

describe('table builder spec', () => {
  it('stacks column variables and nests on drop', () => {
    let s = addColumn(addColumn(emptySpec, 'gemeente'), 'geslacht');
    s = nestColumn(s, 0, 'leeftijd');
    expect(s.columns).toEqual([{ nest: ['gemeente', 'leeftijd'] }, { variable: 'geslacht' }]);
    // Dropping onto a nested item replaces its inner variable, keeping the outer one.
    s = nestColumn(s, 0, 'opleiding');
    expect(s.columns[0]).toEqual({ nest: ['gemeente', 'opleiding'] });
    expect(removeColumn(s, 0).columns).toEqual([{ variable: 'geslacht' }]);
  });

  it('does not add a variable twice or nest it under itself', () => {
    const s = addRow(addRow(addColumn(emptySpec, 'a'), 'x'), 'x');
    expect(s.rows).toEqual(['x']);
    expect(addColumn(s, 'a')).toBe(s);
    expect(nestColumn(s, 0, 'a')).toBe(s);
  });

  it('builds the banner request, leaving out an invalid filter', () => {
    const s = { ...addColumn(addRow(emptySpec, 'leefbaarheid'), 'gemeente'), filter: 'leeftijd >=', weight: { variable: 'gewicht', type: 'sampling' as const } };
    expect(bannerRequest(emptySpec, 'demo', true)).toBeNull();
    expect(bannerRequest(s, 'demo', false)).toEqual({
      dataset: 'demo',
      rows: ['leefbaarheid'],
      columns: { total: true, items: [{ variable: 'gemeente' }] },
      weight: { variable: 'gewicht', type: 'sampling' },
      tests: { adjust: 'bonferroni', alpha: 0.05 },
      means: false,
    });
    expect(bannerRequest(s, 'demo', true)?.filter).toBe('leeftijd >=');
  });
});
