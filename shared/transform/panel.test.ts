/**
 * Appending and merging waves: values land in the right rows, metadata conflicts are reported and
 * never silently make a missing code valid, duplicate keys are found before committing.
 */
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../model/dataset';
import { isUserMissing, numericAt } from '../model/dataset';
import { MergeError, mergeDatasets, planMerge } from './merge';
import { appendDatasets, PanelError } from './panel';
import { makeDataset } from './testing';

function values(ds: Dataset, name: string): (number | string)[] {
  const k = ds.variables.findIndex((v) => v.name === name);
  if (k < 0) throw new Error(`no ${name}`);
  const c = ds.columns[k];
  return Array.from({ length: ds.rows }, (_, i) => (c.kind === 'numeric' ? numericAt(c, i) : c.dict[c.codes[i]]));
}

const w1 = makeDataset(
  [
    { name: 'id', values: [1, 2, 3] },
    { name: 'tevreden', values: [1, 2, 9], label: 'Tevredenheid', valueLabels: { '1': 'ja', '2': 'nee' }, missing: { values: [9], range: null } },
    { name: 'opm', values: ['a', 'b', 'c'] },
  ],
  'wave2023',
);
const w2 = makeDataset(
  [
    { name: 'ID', values: [2, 4] },
    { name: 'tevreden', values: [8, 1], label: 'Tevreden?', valueLabels: { '1': 'Ja', '8': 'weet niet' }, missing: { values: [8], range: null } },
    { name: 'opm', values: [5, NaN] },
    { name: 'nieuw', values: [10, 20] },
  ],
  'wave2024',
);

describe('appendDatasets', () => {
  const { dataset, conflicts } = appendDatasets(w1, w2, { waveVariable: 'golf', waveValues: [2023, 2024], waveLabels: ['2023', '2024'] });

  it('stacks rows by variable name and adds the wave variable', () => {
    expect(dataset.rows).toBe(5);
    expect(dataset.variables.map((v) => v.name)).toEqual(['id', 'tevreden', 'opm', 'nieuw', 'golf']);
    expect(values(dataset, 'id')).toEqual([1, 2, 3, 2, 4]);
    expect(values(dataset, 'nieuw')).toEqual([NaN, NaN, NaN, 10, 20]);
    expect(values(dataset, 'golf')).toEqual([2023, 2023, 2023, 2024, 2024]);
    expect(dataset.variables[4].valueLabels).toEqual({ '2023': '2023', '2024': '2024' });
  });

  it('reports label, value-label, missing and type conflicts, keeping both waves missing codes missing', () => {
    const fields = conflicts.map((c) => `${c.variable}:${c.field}`);
    expect(fields).toEqual(['tevreden:label', 'tevreden:valueLabels', 'tevreden:missing', 'opm:type']);
    expect(conflicts[1]).toMatchObject({ a: { '1': 'ja' }, b: { '1': 'Ja' } });
    const meta = dataset.variables[1];
    expect(meta.label).toBe('Tevredenheid');
    expect(meta.valueLabels).toEqual({ '1': 'ja', '2': 'nee', '8': 'weet niet' });
    expect(isUserMissing(meta.missing, 9)).toBe(true);
    expect(isUserMissing(meta.missing, 8)).toBe(true);
    expect(values(dataset, 'opm')).toEqual(['a', 'b', 'c', '5', '']);
  });

  it('refuses a wave variable name that exists', () => {
    expect(() => appendDatasets(w1, w2, { waveVariable: 'ID', waveValues: [1, 2] })).toThrow(PanelError);
  });
});

describe('mergeDatasets', () => {
  const persons = makeDataset([
    { name: 'id', values: [1, 2, 3, NaN] },
    { name: 'geslacht', values: [1, 2, 1, 2] },
  ]);
  const waves = makeDataset([
    { name: 'id', values: [2, 1, 2, 7] },
    { name: 'golf', values: [2023, 2023, 2024, 2024] },
    { name: 'geslacht', values: [9, 9, 9, 9] },
  ]);

  it('plans before committing: duplicates, unmatched and missing keys', () => {
    const r = planMerge(persons, waves, { key: 'id', kind: 'one-to-one' });
    expect(r.duplicateKeys).toEqual({ left: [], right: [2] });
    expect(r.ok).toBe(false);
    expect(r.missingKeys).toEqual({ left: 1, right: 0 });
    expect(() => mergeDatasets(persons, waves, { key: 'id', kind: 'one-to-one' })).toThrow(MergeError);
  });

  it('one-to-many: every right row gets its left values; unmatched rows are kept and counted', () => {
    const { dataset, report } = mergeDatasets(persons, waves, { key: 'id', kind: 'one-to-many', rightSuffix: '_golf' });
    expect(report).toMatchObject({ ok: true, unmatchedLeft: 2, unmatchedRight: 1, rows: 6 });
    expect(dataset.variables.map((v) => v.name)).toEqual(['id', 'geslacht', 'golf', 'geslacht_golf']);
    expect(values(dataset, 'id')).toEqual([2, 1, 2, 7, 3, NaN]);
    expect(values(dataset, 'geslacht')).toEqual([2, 1, 2, NaN, 1, 2]);
    expect(values(dataset, 'golf')).toEqual([2023, 2023, 2024, 2024, NaN, NaN]);
    expect(report.conflicts).toEqual([{ variable: 'geslacht', field: 'name', a: 'kept', b: 'renamed to geslacht_golf' }]);
  });

  it('one-to-one on text keys, ignoring trailing blanks', () => {
    const a = makeDataset([
      { name: 'k', values: ['x', 'y '] },
      { name: 'a', values: [1, 2] },
    ]);
    const b = makeDataset([
      { name: 'k', values: ['y', 'z'] },
      { name: 'b', values: [3, 4] },
    ]);
    const { dataset, report } = mergeDatasets(a, b, { key: 'k', kind: 'one-to-one' });
    expect(values(dataset, 'k')).toEqual(['x', 'y ', 'z']);
    expect(values(dataset, 'a')).toEqual([1, 2, NaN]);
    expect(values(dataset, 'b')).toEqual([NaN, 3, 4]);
    expect(report).toMatchObject({ unmatchedLeft: 1, unmatchedRight: 1 });
  });

  it('refuses keys of different types', () => {
    const a = makeDataset([{ name: 'k', values: ['x'] }]);
    const b = makeDataset([{ name: 'k', values: [1] }]);
    expect(() => planMerge(a, b, { key: 'k', kind: 'one-to-one' })).toThrow(PanelError);
  });
});
