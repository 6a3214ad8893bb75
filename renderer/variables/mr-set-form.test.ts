import { describe, expect, it } from 'vitest';
import { newVariable } from '../../shared/model/dataset';
import { emptyForm, formOf, moveMember, setOfForm } from './mr-set-form';

const vars = [
  newVariable('a', 'numeric', { valueLabels: { '0': 'Nee', '1': 'Ja' } }),
  newVariable('b', 'numeric', { valueLabels: { '0': 'Nee', '1': 'Ja' } }),
  newVariable('s', 'string'),
  newVariable('t', 'string'),
];

describe('the set form', () => {
  it('makes a dichotomy set, adding the $ and reading a Dutch decimal comma', () => {
    const r = setOfForm({ ...emptyForm(), name: 'isolatie', label: ' Isolatie ', counted: '1,0', members: ['a', 'b'] }, vars, []);
    expect(r).toEqual({
      set: { name: '$isolatie', label: 'Isolatie', type: 'dichotomies', countedValue: 1, variables: ['a', 'b'] },
      check: { errors: [], warnings: [] },
    });
  });

  it('keeps a text counted value for text members and drops it for a categories set', () => {
    expect(setOfForm({ ...emptyForm(), name: '$s', counted: 'ja', members: ['s', 't'] }, vars, [])).toMatchObject({ set: { countedValue: 'ja' } });
    const c = setOfForm({ ...emptyForm(), name: '$c', kind: 'categories', counted: '1', members: ['a', 'b'] }, vars, []);
    expect('set' in c ? c.set.countedValue : 'no set').toBeUndefined();
  });

  it('says what is missing before the dataset is asked', () => {
    expect(setOfForm({ ...emptyForm(), name: '$x', members: ['a'] }, vars, [])).toEqual({ problem: 'members' });
    expect(setOfForm({ ...emptyForm(), name: '$x', counted: 'ja', members: ['a', 'b'] }, vars, [])).toEqual({ problem: 'counted' });
    expect(setOfForm({ ...emptyForm(), name: '$x y', members: ['a', 'b'] }, vars, [])).toEqual({ problem: 'name' });
  });

  it('reports the dataset check (a name taken by another set)', () => {
    const other = { name: '$x', label: '', type: 'dichotomies' as const, countedValue: 1, variables: ['a', 'b'] };
    const r = setOfForm({ ...formOf(other) }, vars, [other]);
    expect('check' in r && r.check.errors).toEqual([{ code: 'name-taken', name: '$x' }]);
  });

  it('moves members within bounds', () => {
    expect(moveMember(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveMember(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
  });
});
