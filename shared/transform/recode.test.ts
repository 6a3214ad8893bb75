/**
 * Recode rules: first match wins, ranges are inclusive and open-ended, user-missing values do not fall
 * into ranges or else, string sources recode by value, and the result carries labels and its recipe.
 */
import { describe, expect, it } from 'vitest';
import { numericAt } from '../model/dataset';
import { ExprError } from './expr/ast';
import { applyCompute, applyRecode, RecipeError } from './recode';
import { makeDataset } from './testing';

const ds = makeDataset([
  { name: 'leeftijd', values: [18, 34, 35, 64, 65, 90, 999, NaN, 12] },
  { name: 'geslacht', values: ['m', 'v', 'x', 'v', 'm', 'v', 'm', 'v', 'm'] },
]);
ds.variables[0].missing = { values: [999], range: null };

const values = (d: typeof ds, name: string): number[] => {
  const k = d.variables.findIndex((v) => v.name === name);
  const col = d.columns[k];
  if (col.kind !== 'numeric') throw new Error('not numeric');
  return Array.from({ length: d.rows }, (_, i) => numericAt(col, i));
};

describe('applyRecode', () => {
  const recipe = {
    source: 'leeftijd',
    target: 'leeftijd3',
    label: 'Leeftijd in 3 groepen',
    rules: [
      { from: { lo: 18, hi: 34 }, to: 1, label: '18-34' },
      { from: { lo: 35, hi: 64 }, to: 2, label: '35-64' },
      { from: { lo: 65 }, to: 3, label: '65+' },
    ],
  };

  it('groups ages; user-missing 999 and sysmis stay missing, out-of-range is sysmis', () => {
    const out = applyRecode(ds, recipe);
    expect(values(out, 'leeftijd3')).toEqual([1, 1, 2, 2, 3, 3, NaN, NaN, NaN]);
    const meta = out.variables[2];
    expect(meta.valueLabels).toEqual({ '1': '18-34', '2': '35-64', '3': '65+' });
    expect(meta.label).toBe('Leeftijd in 3 groepen');
    expect(JSON.parse(meta.derivedFrom ?? '')).toMatchObject({ kind: 'recode', source: 'leeftijd' });
    expect(ds.variables).toHaveLength(2);
  });

  it('maps missing and else explicitly, first rule winning', () => {
    const out = applyRecode(ds, {
      ...recipe,
      rules: [
        { from: { values: [999] }, to: 8 },
        { from: 'missing', to: 9 },
        { from: { hi: 17 }, to: 0 },
        { from: 'else', to: 1 },
      ],
    });
    expect(values(out, 'leeftijd3')).toEqual([1, 1, 1, 1, 1, 1, 8, 9, 0]);
  });

  it('recodes strings by value and replays over its own earlier result', () => {
    const rules = [
      { from: { values: ['m'] }, to: 1, label: 'man' },
      { from: { values: ['v'] }, to: 2, label: 'vrouw' },
    ];
    const once = applyRecode(ds, { source: 'geslacht', target: 'sekse', rules });
    const twice = applyRecode(once, { source: 'geslacht', target: 'sekse', rules });
    expect(twice.variables).toHaveLength(3);
    expect(values(twice, 'sekse')).toEqual([1, 2, NaN, 2, 1, 2, 1, 2, 1]);
  });

  it('refuses to overwrite a source variable', () => {
    expect(() => applyRecode(ds, { ...recipe, target: 'geslacht' })).toThrow(RecipeError);
  });
});

describe('applyCompute', () => {
  it('adds a derived numeric variable and reports expression errors with positions', () => {
    const out = applyCompute(ds, { target: 'tien', expression: 'trunc(leeftijd / 10)' });
    expect(values(out, 'tien')).toEqual([1, 3, 3, 6, 6, 9, NaN, NaN, 1]);
    expect(() => applyCompute(ds, { target: 'y', expression: 'leeftijd +' })).toThrow(ExprError);
  });
});
