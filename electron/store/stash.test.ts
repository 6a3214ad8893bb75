import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeDataset } from '../../shared/transform/testing';
import { newVariable, type Column } from '../../shared/model/dataset';
import { ProjectStore } from './project-store';

let store: ProjectStore;
beforeEach(() => {
  store = ProjectStore.create(join(mkdtempSync(join(tmpdir(), 'duiding-stash-')), 'p.duiding'));
  store.saveDataset(
    makeDataset(
      [
        { name: 'a', values: [1, 2, 3] },
        { name: 'b', values: ['x', 'y', 'z'] },
        { name: 'c', values: [0.5, 1.5, 2.5] },
      ],
      'golf',
    ),
  );
});
afterEach(() => store.close());

const weight = (values: number[]): Column => ({ kind: 'numeric', data: Float64Array.from(values) });
const meta = (name: string, label: string) => newVariable(name, 'numeric', { role: 'weight', label });
const names = () => store.datasetInfo('golf').variables.map((v) => v.name);
const column = (name: string) => {
  const ds = store.loadDataset('golf');
  const c = ds.columns[ds.variables.findIndex((v) => v.name === name)];
  return c.kind === 'numeric' ? [...c.data] : [...c.codes].map((k) => c.dict[k]);
};
const put = (name: string, values: number[], label: string, body: unknown) =>
  store.putVariableUndoable('golf', meta(name, label), weight(values), {
    recipe: { kind: 'weight', body },
    action: 'weight.apply',
    detail: { name },
    label: `weging ${name}`,
  });

describe('undoable variables', () => {
  it('undo takes a new variable and its recipe out, redo brings both back', () => {
    put('w', [1.5, NaN, 3], 'Weging', { method: 'rake' });
    expect(names()).toEqual(['a', 'b', 'c', 'w']);
    expect(store.recipes().get('golf', 'w')?.body).toEqual({ method: 'rake' });
    expect(store.undo()).toBe('weging w');
    expect(names()).toEqual(['a', 'b', 'c']);
    expect(store.recipes().get('golf', 'w')).toBeNull();
    expect(store.redo()).toBe('weging w');
    expect(names()).toEqual(['a', 'b', 'c', 'w']);
    expect(column('w')).toEqual([1.5, NaN, 3]);
    expect(store.datasetInfo('golf').variables[3]).toMatchObject({ role: 'weight', label: 'Weging' });
    expect(store.recipes().get('golf', 'w')?.body).toEqual({ method: 'rake' });
    // Several rounds keep working (the stash ids move on each time).
    store.undo();
    store.redo();
    store.undo();
    expect(names()).toEqual(['a', 'b', 'c']);
    expect(store.rawQuery<{ n: number }>('SELECT COUNT(*) AS n FROM stashed_variables')[0].n).toBe(1);
  });

  it('replacing a variable keeps its place; undo puts the old one and its recipe back', () => {
    put('w', [1, 1, 1], 'eerste', { v: 1 });
    store.updateVariable('golf', 'a', { label: 'A' });
    // Replacing c: the new c takes the old one's position, before w.
    put('c', [7, 8, 9], 'tweede', { v: 2 });
    expect(names()).toEqual(['a', 'b', 'c', 'w']);
    expect(column('c')).toEqual([7, 8, 9]);
    store.undo();
    expect(names()).toEqual(['a', 'b', 'c', 'w']);
    expect(column('c')).toEqual([0.5, 1.5, 2.5]);
    expect(column('b')).toEqual(['x', 'y', 'z']);
    expect(store.recipes().get('golf', 'c')).toBeNull();
    store.redo();
    expect(column('c')).toEqual([7, 8, 9]);
    expect(store.recipes().get('golf', 'c')?.body).toEqual({ v: 2 });
    // Undo everything: the label edit and the first weight too, in order.
    store.undo();
    store.undo();
    expect(store.datasetInfo('golf').variables[0].label).toBe('');
    store.undo();
    expect(names()).toEqual(['a', 'b', 'c']);
    expect(store.loadDataset('golf').columns).toHaveLength(3);
  });

  it('a new step after undo ends the redo chain and drops what only redo needed', () => {
    put('w', [1, 2, 3], 'x', {});
    store.undo();
    expect(store.rawQuery<{ n: number }>('SELECT COUNT(*) AS n FROM stashed_chunks')[0].n).toBeGreaterThan(0);
    store.updateVariable('golf', 'a', { label: 'nieuw' });
    expect(store.redo()).toBeNull();
    expect(store.rawQuery<{ n: number }>('SELECT COUNT(*) AS n FROM stashed_variables')[0].n).toBe(0);
    expect(store.rawQuery<{ n: number }>('SELECT COUNT(*) AS n FROM stashed_chunks')[0].n).toBe(0);
  });

  it('a failed write changes nothing', () => {
    const before = store.auditEntries().length;
    expect(() => store.putVariableUndoable('golf', meta('w', ''), weight([1, 2]), { recipe: null, action: 'weight.apply', detail: {}, label: 'w' })).toThrow(
      /has 2 values; the dataset has 3 rows/,
    );
    expect(names()).toEqual(['a', 'b', 'c']);
    expect(store.auditEntries().length).toBe(before);
    expect(store.undo()).toBeNull();
  });

  it('the step is audited with the recipe', () => {
    put('w', [1, 2, 3], 'x', { method: 'linear' });
    expect(
      store
        .auditEntries()
        .map((e) => e.action)
        .slice(0, 2),
    ).toEqual(['weight.apply', 'recipe.put']);
    store.undo();
    expect(
      store
        .auditEntries()
        .map((e) => e.action)
        .slice(0, 2),
    ).toEqual(['history.undo', 'recipe.remove']);
  });
});
