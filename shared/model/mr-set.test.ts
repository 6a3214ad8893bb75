import { describe, expect, it } from 'vitest';
import { newVariable } from './dataset';
import { checkMrSet, mrSetIssueText, mrSetSchema, type MultipleResponseSet } from './mr-set';

const dich = (name: string) => newVariable(name, 'numeric', { valueLabels: { '0': 'Nee', '1': 'Ja' }, missing: { values: [9], range: null } });
const vars = [
  dich('a'),
  dich('b'),
  newVariable('m1', 'numeric', { valueLabels: { '1': 'Groen', '2': 'Zorg' } }),
  newVariable('m2', 'numeric', { valueLabels: { '1': 'Groen', '2': 'Zorgen' } }),
  newVariable('s', 'string'),
];
const set = (p: Partial<MultipleResponseSet>): MultipleResponseSet => ({
  name: '$x',
  label: 'X',
  type: 'dichotomies',
  countedValue: 1,
  variables: ['a', 'b'],
  ...p,
});

describe('mrSetSchema', () => {
  it('accepts both kinds and refuses what SPSS would', () => {
    expect(mrSetSchema.safeParse(set({})).success).toBe(true);
    expect(mrSetSchema.safeParse({ name: '$c', label: '', type: 'categories', variables: ['m1', 'm2'] }).success).toBe(true);
    for (const bad of [
      set({ name: 'x' }),
      set({ name: '$' }),
      set({ name: '$a b' }),
      set({ label: 'twee\nregels' }),
      set({ countedValue: undefined }),
      set({ type: 'categories' }),
      set({ variables: ['a'] }),
      set({ variables: ['a', 'A'] }),
      set({ countedValue: Infinity }),
    ]) {
      expect(mrSetSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('checkMrSet', () => {
  it('passes a consistent set', () => {
    expect(checkMrSet(set({}), vars)).toEqual({ errors: [], warnings: [] });
  });

  it('names unknown members, mixed types and a counted value of the wrong type or missing', () => {
    expect(checkMrSet(set({ variables: ['a', 'zz'] }), vars).errors).toEqual([{ code: 'unknown-member', variable: 'zz' }]);
    expect(checkMrSet(set({ variables: ['a', 's'] }), vars).errors).toEqual([{ code: 'mixed-types', numeric: ['a'], string: ['s'] }]);
    expect(checkMrSet(set({ countedValue: 'ja' }), vars).errors).toEqual([{ code: 'counted-type', expected: 'numeric' }]);
    expect(checkMrSet(set({ countedValue: 9 }), vars).errors).toEqual([
      { code: 'counted-missing', variable: 'a' },
      { code: 'counted-missing', variable: 'b' },
    ]);
  });

  it('refuses a name another set or a variable already has, whatever the case', () => {
    expect(checkMrSet(set({ name: '$X' }), vars, [set({})]).errors).toEqual([{ code: 'name-taken', name: '$X' }]);
  });

  it('warns when a counted value has no label and when category members label a code differently', () => {
    expect(checkMrSet(set({ countedValue: 2 }), vars).warnings).toEqual([{ code: 'counted-never-labelled', variables: ['a', 'b'] }]);
    const c = checkMrSet({ name: '$c', label: '', type: 'categories', variables: ['m1', 'm2'] }, vars);
    expect(c.errors).toEqual([]);
    expect(c.warnings).toEqual([{ code: 'labels-differ', variable: 'm1', other: 'm2', value: '2' }]);
    expect(mrSetIssueText(c.warnings[0])).toBe('m1 and m2 label value 2 differently');
  });
});
