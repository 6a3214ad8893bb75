import { describe, expect, it } from 'vitest';
import { type Dataset, compactNumeric, newVariable } from '../model/dataset';
import { EngineError } from './errors';
import { resolveWeights, weightArray } from './weights';

function ds(): Dataset {
  const wv = newVariable('w', 'numeric', { missing: { values: [-9], range: null } });
  const sv = newVariable('s', 'string');
  return {
    name: 't',
    rows: 6,
    variables: [wv, sv],
    weight: null,
    fileLabel: '',
    documents: [],
    mrSets: [],
    columns: [
      { kind: 'numeric', data: compactNumeric(Float64Array.from([1.5, 0, -2, NaN, -9, 2])) },
      { kind: 'string', codes: new Int32Array(6), dict: ['x'] },
    ],
  };
}

describe('resolveWeights', () => {
  it('excludes zero, negative, system- and user-missing weights and counts them', () => {
    const r = resolveWeights(ds(), { variable: 'W', type: 'sampling' });
    expect(r.info).toEqual({ variable: 'w', type: 'sampling', excluded: 4 });
    expect(Array.from(r.w, (v) => v > 0)).toEqual([true, false, false, false, false, true]);
  });

  it('counts only rows inside the filter', () => {
    const r = resolveWeights(ds(), { variable: 'w', type: 'frequency' }, Uint8Array.from([1, 1, 0, 0, 0, 1]));
    expect(r.info.excluded).toBe(1);
  });

  it('rejects a string weight and an unknown variable with engine errors', () => {
    expect(() => resolveWeights(ds(), { variable: 's', type: 'frequency' })).toThrow(EngineError);
    expect(() => resolveWeights(ds(), { variable: 'nope', type: 'frequency' })).toThrow('Unknown variable: nope');
  });

  it('keeps the converted weights with the column, and converts again when the missing values change', () => {
    const d = ds();
    const a = weightArray(d, { variable: 'w', type: 'sampling' });
    expect(weightArray(d, { variable: 'w', type: 'frequency' })).toBe(a);
    const edited: Dataset = { ...d, variables: [newVariable('w', 'numeric', { missing: { values: [2], range: null } }), d.variables[1]] };
    const b = weightArray(edited, { variable: 'w', type: 'sampling' });
    expect(b).not.toBe(a);
    expect(Array.from(b, (v) => v > 0)).toEqual([true, false, false, false, false, false]);
    expect(Array.from(a, (v) => v > 0)).toEqual([true, false, false, false, false, true]);
  });
});
