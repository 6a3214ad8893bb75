import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newVariable, type Dataset } from '../../shared/model/dataset';
import type { MultipleResponseSet } from '../../shared/model/mr-set';
import { importIntoProject } from '../import/run-import';
import { writeSav } from '../import/sav/write';
import { ProjectStore } from './project-store';

const dir = mkdtempSync(join(tmpdir(), 'duiding-mrsets-'));
let n = 0;
const stores: ProjectStore[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.close()));

function wave(names: string[], rows = 4): Dataset {
  return {
    name: 'panel',
    rows,
    weight: null,
    fileLabel: '',
    documents: [],
    mrSets: [],
    variables: names.map((name) => newVariable(name, 'numeric', { valueLabels: { '0': 'Nee', '1': 'Ja' } })),
    columns: names.map((_, k) => ({ kind: 'numeric', data: Float64Array.from({ length: rows }, (_v, i) => (i + k) % 2) })),
  };
}

function project(ds = wave(['dak', 'gevel', 'vloer'])): ProjectStore {
  const store = ProjectStore.create(join(dir, `p${n++}.duiding`));
  stores.push(store);
  store.saveDataset(ds);
  return store;
}

const isolatie: MultipleResponseSet = { name: '$isolatie', label: 'Isolatie', type: 'dichotomies', countedValue: 1, variables: ['dak', 'GEVEL'] };
const info = (s: ProjectStore) => s.datasetInfo('panel').mrSets;
const recipeBodies = (s: ProjectStore) =>
  s
    .recipes()
    .list({ dataset: 'panel', kind: 'mrset' })
    .map((r) => r.body);

describe('multiple-response sets in the project', () => {
  it('defines, edits and deletes a set, each with its audit entry, recipe and undo step', () => {
    const s = project();
    const sets = s.mrSets();
    const saved = sets.save('panel', isolatie);
    // Members are stored as the dataset spells them.
    expect(saved.set.variables).toEqual(['dak', 'gevel']);
    expect(info(s)).toEqual([saved.set]);
    expect(recipeBodies(s)).toEqual([saved.set]);
    const renamed = { ...saved.set, name: '$maatregelen', variables: ['dak', 'gevel', 'vloer'] };
    sets.save('panel', renamed, '$isolatie');
    expect(info(s)).toEqual([renamed]);
    expect(recipeBodies(s)).toEqual([renamed]);
    sets.remove('panel', '$maatregelen');
    expect(info(s)).toEqual([]);
    expect(recipeBodies(s)).toEqual([]);
    const actions = s
      .auditEntries()
      .map((e) => e.action)
      .filter((a) => a.startsWith('mrset.'));
    expect(actions).toEqual(['mrset.delete', 'mrset.update', 'mrset.define']);

    expect(s.undo()).toBe('$maatregelen: set delete');
    expect(info(s)).toEqual([renamed]);
    expect(s.undo()).toBe('$isolatie: set edit');
    expect(info(s)).toEqual([saved.set]);
    expect(recipeBodies(s)).toEqual([saved.set]);
    expect(s.undo()).toBe('$isolatie: set define');
    expect(info(s)).toEqual([]);
    expect(recipeBodies(s)).toEqual([]);
    expect(s.redo()).toBe('$isolatie: set define');
    expect(s.redo()).toBe('$isolatie: set edit');
    expect(info(s)).toEqual([renamed]);
    expect(recipeBodies(s)).toEqual([renamed]);
  });

  it('keeps the order of sets through an edit and its undo', () => {
    const s = project();
    const a = s.mrSets().save('panel', { ...isolatie, name: '$a' }).set;
    const b = s.mrSets().save('panel', { ...isolatie, name: '$b' }).set;
    s.mrSets().save('panel', { ...a, label: 'Nieuw' }, '$a');
    expect(info(s).map((x) => [x.name, x.label])).toEqual([
      ['$a', 'Nieuw'],
      ['$b', 'Isolatie'],
    ]);
    s.undo();
    expect(info(s)).toEqual([a, b]);
  });

  it('refuses a set that does not fit the dataset and leaves the project unchanged', () => {
    const s = project();
    s.mrSets().save('panel', isolatie);
    const before = { sets: info(s), audit: s.auditEntries().length, recipes: recipeBodies(s) };
    expect(() => s.mrSets().save('panel', { ...isolatie, name: '$x', variables: ['dak', 'kelder'] })).toThrow(/no variable named kelder/);
    expect(() => s.mrSets().save('panel', { ...isolatie, name: '$ISOLATIE' })).toThrow(/already has a set or variable/);
    expect(() => s.mrSets().save('panel', { ...isolatie, countedValue: undefined })).toThrow(/counted value/);
    expect(() => s.mrSets().remove('panel', '$onbekend')).toThrow(/no set named/);
    expect({ sets: info(s), audit: s.auditEntries().length, recipes: recipeBodies(s) }).toEqual(before);
  });

  it('carries a renamed member variable into its sets and recipes, undone in the same step', () => {
    const s = project();
    s.mrSets().save('panel', isolatie);
    s.updateVariable('panel', 'gevel', { name: 'gevel_spouw' });
    expect(info(s)[0].variables).toEqual(['dak', 'gevel_spouw']);
    expect((recipeBodies(s)[0] as MultipleResponseSet).variables).toEqual(['dak', 'gevel_spouw']);
    s.undo();
    expect(info(s)[0].variables).toEqual(['dak', 'gevel']);
    expect((recipeBodies(s)[0] as MultipleResponseSet).variables).toEqual(['dak', 'gevel']);
  });

  it('gives a set back to the next wave when its members exist, and says which sets it could not', async () => {
    const s = project();
    await writeSav(join(dir, 'w1.sav'), wave(['dak', 'gevel', 'vloer']));
    await importIntoProject(s, join(dir, 'w1.sav'), { name: 'panel', replace: true });
    s.mrSets().save('panel', isolatie);
    s.mrSets().save('panel', { ...isolatie, name: '$vloer', variables: ['dak', 'vloer'] });
    await writeSav(join(dir, 'w2.sav'), wave(['dak', 'gevel', 'kelder'], 6));
    const summary = await importIntoProject(s, join(dir, 'w2.sav'), { name: 'panel', replace: true });
    expect(summary.rows).toBe(6);
    expect(summary.mrSets).toEqual({
      applied: ['$isolatie'],
      skipped: [{ name: '$vloer', missing: ['vloer'], reason: 'the dataset has no variable named vloer' }],
    });
    expect(info(s).map((x) => x.name)).toEqual(['$isolatie']);
    // The skipped recipe stays: a later wave that has the member again gets the set back.
    await writeSav(join(dir, 'w3.sav'), wave(['dak', 'gevel', 'vloer']));
    const third = await importIntoProject(s, join(dir, 'w3.sav'), { name: 'panel', replace: true });
    expect(third.mrSets?.applied).toEqual(['$isolatie', '$vloer']);
    expect(s.auditEntries().find((e) => e.action === 'import')?.detail).toMatchObject({ mrSetRecipes: { applied: ['$isolatie', '$vloer'], skipped: [] } });
  });
});
