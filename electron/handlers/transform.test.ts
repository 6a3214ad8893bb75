/** Derived variables and saved specs through the contract, on a real project file. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventName, Events } from '../../shared/api';
import { newVariable, type Dataset } from '../../shared/model/dataset';
import { ProjectStore } from '../store/project-store';
import { dispatch } from '../backend/dispatch';
import { handlers } from './index';
import { AppSession } from '../backend/session';
import type { AppContext } from '../backend/types';

const AGES = [17, 18, 34, 35, 64, 65, 90, NaN, 999];

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'duiding-ui-'));
  const path = join(dir, 'p.duiding');
  const ds: Dataset = {
    name: 'd',
    rows: AGES.length,
    variables: [newVariable('leeftijd', 'numeric', { missing: { values: [999], range: null } })],
    columns: [{ kind: 'numeric', data: Float64Array.from(AGES) }],
    weight: null,
    fileLabel: '',
    documents: [],
    mrSets: [],
  };
  const store = ProjectStore.create(path);
  store.saveDataset(ds);
  store.close();
  const session = new AppSession(dir);
  session.open(path);
  const events: EventName[] = [];
  const ctx: AppContext = { session, emit: <E extends EventName>(name: E, _p: Events[E]) => void events.push(name) };
  const call = async (name: string, args: unknown) => {
    const out = await dispatch(handlers, name, args, ctx);
    if (!out.ok) throw new Error(out.body.error.message);
    return out.result as any;
  };
  return { path, session, call, events };
}

describe('transform calls', () => {
  it('recodes age into three labelled groups, stores it as derived, and it survives reopening', async () => {
    const { path, session, call, events } = setup();
    const meta = await call('transform.recode', {
      dataset: 'd',
      recipe: {
        source: 'leeftijd',
        target: 'lft3',
        label: 'Leeftijd in drie groepen',
        rules: [
          { from: { lo: 18, hi: 34 }, to: 1, label: '18-34' },
          { from: { lo: 35, hi: 64 }, to: 2, label: '35-64' },
          { from: { lo: 65, hi: null }, to: 3, label: '65+' },
        ],
      },
    });
    expect(meta).toMatchObject({ name: 'lft3', label: 'Leeftijd in drie groepen', valueLabels: { '1': '18-34', '2': '35-64', '3': '65+' } });
    expect(events).toContain('project.changed');
    const page = await call('dataset.rows', { dataset: 'd', start: 0, count: 9 });
    const k = page.columns.indexOf('lft3');
    // 17 falls outside every rule; sysmis and the user-missing 999 never land in a group.
    expect(page.values.map((r: unknown[]) => r[k])).toEqual([null, 1, 1, 2, 2, 3, 3, null, null]);
    session.close();
    const store = ProjectStore.open(path);
    const v = store.datasetInfo('d').variables.find((x) => x.name === 'lft3');
    store.close();
    expect(JSON.parse(v?.derivedFrom ?? '{}')).toMatchObject({ kind: 'recode', source: 'leeftijd' });
  });

  it('computes a variable from an expression and refuses to overwrite a source variable', async () => {
    const { call } = setup();
    await call('transform.compute', { dataset: 'd', recipe: { target: 'dubbel', expression: 'leeftijd * 2' } });
    const page = await call('dataset.rows', { dataset: 'd', start: 0, count: 3 });
    expect(page.values.map((r: unknown[]) => r[page.columns.indexOf('dubbel')])).toEqual([34, 36, 68]);
    await expect(call('transform.compute', { dataset: 'd', recipe: { target: 'leeftijd', expression: '1' } })).rejects.toThrow(/already exists/);
    await expect(call('transform.compute', { dataset: 'd', recipe: { target: 'x', expression: 'leeftijd *' } })).rejects.toThrow();
  });
});

describe('spec calls', () => {
  it('saves, lists, updates and deletes a table spec', async () => {
    const { call } = setup();
    const saved = await call('spec.save', { kind: 'table', name: 'Leefbaarheid', folder: 'Wonen', body: { rows: ['leefbaarheid'] } });
    expect(saved).toMatchObject({ kind: 'table', name: 'Leefbaarheid', folder: 'Wonen', body: { rows: ['leefbaarheid'] } });
    await call('spec.save', { id: saved.id, kind: 'table', name: 'Leefbaarheid 2', body: { rows: ['x'] } });
    const list = await call('spec.list', { kind: 'table' });
    expect(list.map((s: { name: string }) => s.name)).toEqual(['Leefbaarheid 2']);
    expect(await call('spec.list', { kind: 'regression' })).toEqual([]);
    await call('spec.delete', { id: saved.id });
    expect(await call('spec.list', {})).toEqual([]);
  });
});
