import { describe, expect, it } from 'vitest';
import { tableQuery } from '../../shared/query/table-query';
import { addColumn, addRow, emptySpec, nestColumn, removeColumn, reviveSpec, tableQueryOf } from './spec';

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

  it('puts a set in the columns beside other variables but never in a nest, and keeps it when a saved spec is reopened', () => {
    let s = addColumn(addColumn(emptySpec, 'gemeente'), '$isolatie');
    expect(nestColumn(s, 0, '$isolatie')).toBe(s);
    expect(nestColumn(s, 1, 'geslacht')).toBe(s);
    s = addRow(s, 'leefbaarheid');
    expect(tableQueryOf(s, 'demo', true)?.banner.items).toEqual([{ variable: 'gemeente' }, { variable: '$isolatie' }]);
    const { spec, missing } = reviveSpec(s, ['gemeente', 'leefbaarheid', '$isolatie']);
    expect([spec.columns, missing]).toEqual([s.columns, []]);
  });

  it('builds the table query, leaving out an invalid filter', () => {
    const s = {
      ...addColumn(addRow(emptySpec, 'leefbaarheid'), 'gemeente'),
      filter: 'leeftijd >=',
      weight: { variable: 'gewicht', type: 'sampling' as const },
    };
    expect(tableQueryOf(emptySpec, 'demo', true)).toBeNull();
    const q = tableQueryOf(s, 'demo', false)!;
    expect(q).toMatchObject({
      dataset: 'demo',
      rows: ['leefbaarheid'],
      banner: { total: true, items: [{ variable: 'gemeente' }] },
      weight: { variable: 'gewicht', type: 'sampling' },
      tests: { display: 'letters', adjust: 'bonferroni', alpha: 0.05, chi2: false },
      layers: [],
    });
    expect(q.filter).toBeUndefined();
    expect(tableQueryOf(s, 'demo', true)?.filter).toBe('leeftijd >=');
    // What the screen sends is a valid request of the one schema, unchanged by parsing.
    expect(tableQuery.parse(q)).toEqual(q);
  });
});

describe('reviveSpec', () => {
  it('matches variables by name, drops and reports the missing ones, and fills defaults', () => {
    const body = {
      rows: ['Leefbaarheid', 'vraag_2023'],
      columns: [{ variable: 'gemeente' }, { nest: ['leeftijd_gr', 'geslacht'] }, { bogus: 1 }],
      weight: { variable: 'gewicht', type: 'frequency' },
      filter: 'golf = 2024',
      stats: { counts: true },
      evil: '<script>',
    };
    const { spec, missing } = reviveSpec(body, ['leefbaarheid', 'gemeente', 'geslacht', 'gewicht']);
    expect(spec.rows).toEqual(['leefbaarheid']);
    expect(spec.columns).toEqual([{ variable: 'gemeente' }]);
    expect(spec.weight).toEqual({ variable: 'gewicht', type: 'frequency' });
    expect(spec.filter).toBe('golf = 2024');
    expect(spec.stats).toEqual({ ...emptySpec.stats, counts: true });
    expect(missing.sort()).toEqual(['leeftijd_gr', 'vraag_2023']);
    expect('evil' in spec).toBe(false);
  });

  it('turns a nest whose inner variable is missing into its outer variable', () => {
    expect(reviveSpec({ columns: [{ nest: ['gemeente', 'x'] }] }, ['gemeente']).spec.columns).toEqual([{ variable: 'gemeente' }]);
    expect(reviveSpec(null, []).spec).toEqual(emptySpec);
  });
});
