import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../resources/demo/generate';
import { newVariable, type Dataset } from '../../shared/model/dataset';
import { loadMigrations, migrate } from '../../electron/store/migrate';
import { APPLICATION_ID, migrationsDir, ProjectError, ProjectStore } from '../../electron/store/project-store';

const tmp = () => mkdtempSync(join(tmpdir(), 'duiding-store-'));

function small(name = 'klein'): Dataset {
  return {
    name,
    rows: 3,
    variables: [newVariable('a', 'numeric'), newVariable('s', 'string')],
    columns: [
      { kind: 'numeric', data: new Float64Array([1.5, NaN, 3]) },
      { kind: 'string', codes: new Int32Array([0, 1, 0]), dict: ['x', 'ë'] },
    ],
    weight: null,
    fileLabel: '',
    documents: [],
    mrSets: [],
  };
}

describe('project store', () => {
  it('round-trips the demo dataset column by column', () => {
    const path = join(tmp(), 'demo.duiding');
    const demo = generateDemo();
    const store = ProjectStore.create(path);
    store.saveDataset(demo, { source: { name: 'generator', size: 0, sha256: '-' } });
    store.close();
    const back = ProjectStore.open(path).loadDataset('demo');
    expect(back.rows).toBe(demo.rows);
    expect(back.variables).toEqual(demo.variables);
    expect(back.mrSets).toEqual(demo.mrSets);
    demo.columns.forEach((c, i) => {
      const b = back.columns[i];
      expect(b.kind).toBe(c.kind);
      if (c.kind === 'numeric' && b.kind === 'numeric') {
        expect(b.data.constructor).toBe(c.data.constructor);
        expect(Array.from(b.data)).toEqual(Array.from(c.data));
      } else if (c.kind === 'string' && b.kind === 'string') {
        expect(Array.from(b.codes)).toEqual(Array.from(c.codes));
        expect(b.dict).toEqual(c.dict);
      }
    });
  });

  it('runs all migrations on a new project and upgrades an older project file', () => {
    const dir = tmp();
    const fresh = ProjectStore.create(join(dir, 'new.duiding'));
    const latest = loadMigrations(migrationsDir()).length;
    expect(fresh.schemaVersion()).toBe(latest);
    fresh.close();

    // An older project: only migration 001 has run.
    const oldPath = join(dir, 'old.duiding');
    const raw = new Database(oldPath);
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(raw, loadMigrations(migrationsDir()), 1);
    raw.prepare("INSERT INTO audit (at, action, detail) VALUES ('2024-01-01', 'old.entry', '{}')").run();
    raw.close();
    const upgraded = ProjectStore.open(oldPath);
    expect(upgraded.schemaVersion()).toBe(latest);
    expect(upgraded.auditEntries().map((e) => e.action)).toContain('old.entry');
    upgraded.saveDataset(small());
    upgraded.updateVariable('klein', 'a', { label: 'Na upgrade' });
    expect(upgraded.undo()).toMatch(/a: label/);
    upgraded.close();
  });

  it('rejects migration files that are out of sequence', () => {
    const dir = tmp();
    writeFileSync(join(dir, '001_a.sql'), 'SELECT 1;');
    writeFileSync(join(dir, '003_c.sql'), 'SELECT 1;');
    expect(() => loadMigrations(dir)).toThrow(/out of sequence/);
  });

  it('leaves the project unchanged when a write fails inside the transaction', () => {
    const path = join(tmp(), 'p.duiding');
    const store = ProjectStore.create(path);
    store.saveDataset(small('eerste'));
    const before = {
      datasets: store.listDatasets(),
      audit: store.auditEntries(1000).length,
      chunks: store.rawQuery('SELECT COUNT(*) AS n FROM column_chunks'),
    };
    const broken = small('tweede');
    // The second column claims to be numeric but holds strings: the store fails half-way through.
    broken.variables[1] = newVariable('s', 'numeric');
    expect(() => store.saveDataset(broken)).toThrow(ProjectError);
    // Replacing an existing dataset with a broken one must not lose the original either.
    const brokenReplace = small('eerste');
    brokenReplace.variables[1] = newVariable('s', 'numeric');
    expect(() => store.saveDataset(brokenReplace, { replace: true })).toThrow(ProjectError);
    expect(store.listDatasets()).toEqual(before.datasets);
    expect(store.auditEntries(1000).length).toBe(before.audit);
    expect(store.rawQuery('SELECT COUNT(*) AS n FROM column_chunks')).toEqual(before.chunks);
    expect(store.loadDataset('eerste').rows).toBe(3);
  });

  it('gives a clear error for files that are not projects', () => {
    const dir = tmp();
    const text = join(dir, 'notes.duiding');
    writeFileSync(text, 'dit is geen database\n'.repeat(100));
    expect(() => ProjectStore.open(text)).toThrow(/not a Duiding project/);
    const otherDb = join(dir, 'other.sqlite');
    new Database(otherDb).exec('CREATE TABLE t (x)');
    expect(() => ProjectStore.open(otherDb)).toThrow(/SQLite database but not a Duiding project/);
    expect(() => ProjectStore.open(join(dir, 'missing.duiding'))).toThrow(/does not exist/);
  });

  it('refuses a project written by a newer version', () => {
    const path = join(tmp(), 'future.duiding');
    ProjectStore.create(path).close();
    const raw = new Database(path);
    raw.pragma('user_version = 999');
    raw.close();
    expect(() => ProjectStore.open(path)).toThrow(/newer Duiding/);
  });

  it('keeps the audit log append-only', () => {
    const store = ProjectStore.create(join(tmp(), 'a.duiding'));
    store.audit('x', { y: 1 });
    expect(() => store.rawQuery('DELETE FROM audit')).toThrow(/append-only/);
    expect(() => store.rawQuery("UPDATE audit SET action = 'z'")).toThrow(/append-only/);
  });

  it('undoes and redoes metadata edits, including renames', () => {
    const store = ProjectStore.create(join(tmp(), 'u.duiding'));
    store.saveDataset(small());
    store.updateVariable('klein', 'a', { label: 'Eerste label' });
    store.updateVariable('klein', 'a', { name: 'b', label: 'Tweede' });
    expect(store.datasetInfo('klein').variables[0]).toMatchObject({ name: 'b', label: 'Tweede' });
    store.undo();
    expect(store.datasetInfo('klein').variables[0]).toMatchObject({ name: 'a', label: 'Eerste label' });
    store.undo();
    expect(store.datasetInfo('klein').variables[0].label).toBe('');
    expect(store.undo()).toBeNull();
    store.redo();
    store.redo();
    expect(store.datasetInfo('klein').variables[0]).toMatchObject({ name: 'b', label: 'Tweede' });
    expect(() => store.updateVariable('klein', 'b', { name: 's' })).toThrow(/already has a variable/);
    expect(store.auditEntries().some((e) => e.action === 'variable.update')).toBe(true);
  });
});
