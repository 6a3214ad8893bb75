/**
 * Project files are the user's alone (0600), made atomically (a failed create leaves nothing), an
 * empty file left by an old crash is recognised and replaced only when asked, and the audit log is a
 * hash chain whose first broken link is found after tampering with the file around the triggers.
 */
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync, cpSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../electron/store/migrate';
import { APPLICATION_ID, migrationsDir, ProjectError, ProjectStore } from '../../electron/store/project-store';
import { newVariable } from '../../shared/model/dataset';

const tmp = () => mkdtempSync(join(tmpdir(), 'duiding-safety-'));
const mode = (p: string) => statSync(p).mode & 0o777;

function code(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof ProjectError) return e.code;
    throw e;
  }
  return 'no error';
}

afterEach(() => {
  delete process.env.DUIDING_MIGRATIONS;
});

describe('project files', () => {
  it('are created readable and writable by the user only, WAL and shared-memory files too', () => {
    const path = join(tmp(), 'p.duiding');
    const store = ProjectStore.create(path);
    store.audit('x', {});
    expect(mode(path)).toBe(0o600);
    for (const side of [`${path}-wal`, `${path}-shm`]) if (existsSync(side)) expect(mode(side)).toBe(0o600);
    store.close();
  });

  it('are created atomically: a create that fails half-way leaves no file, not even a hidden one', () => {
    const dir = tmp();
    const migrations = join(dir, 'migrations');
    mkdirSync(migrations);
    cpSync(join(migrationsDir(), '001_init.sql'), join(migrations, '001_init.sql'));
    writeFileSync(join(migrations, '002_broken.sql'), 'CREATE TABLE broken (;');
    process.env.DUIDING_MIGRATIONS = migrations;
    const path = join(dir, 'p.duiding');
    expect(() => ProjectStore.create(path)).toThrow();
    expect(readdirSync(dir).sort()).toEqual(['migrations']);
  });

  it('never overwrite an existing file', () => {
    const path = join(tmp(), 'p.duiding');
    writeFileSync(path, 'iets');
    expect(code(() => ProjectStore.create(path))).toBe('exists');
    expect(code(() => ProjectStore.create(path, { replaceEmpty: true }))).toBe('exists');
  });

  it('recognise an empty file left by an old crash, and replace it only when asked', () => {
    const dir = tmp();
    const path = join(dir, 'leeg.duiding');
    writeFileSync(path, '');
    expect(code(() => ProjectStore.open(path))).toBe('empty-project');
    expect(code(() => ProjectStore.create(path))).toBe('empty-project');
    expect(statSync(path).size).toBe(0);
    const store = ProjectStore.create(path, { replaceEmpty: true });
    expect(store.auditEntries().at(-1)).toMatchObject({ action: 'project.create', detail: { replacedEmptyFile: true } });
    expect(mode(path)).toBe(0o600);
    store.close();
    expect(ProjectStore.open(path).listDatasets()).toEqual([]);
  });
});

describe('the audit log as a hash chain', () => {
  function project() {
    const path = join(tmp(), 'a.duiding');
    const store = ProjectStore.create(path);
    store.saveDataset({
      name: 'klein',
      rows: 1,
      variables: [newVariable('a', 'numeric')],
      columns: [{ kind: 'numeric', data: new Float64Array([1]) }],
      weight: null,
      fileLabel: '',
      documents: [],
      mrSets: [],
    });
    store.updateVariable('klein', 'a', { role: 'weight' });
    store.audit('x.een', { n: 1 });
    store.audit('x.twee', { n: 2 });
    return { path, store };
  }

  it('chains every row; the head is the last hash', () => {
    const { path, store } = project();
    const v = store.verifyAudit();
    expect(v).toMatchObject({ ok: true, entries: 5 });
    expect(store.auditHead()).toBe(v.head);
    expect(store.auditHeadEntry()).toEqual({ id: 5, hash: v.head, entries: 5 });
    expect(v.head).toMatch(/^[0-9a-f]{64}$/);
    store.close();
    expect(ProjectStore.verifyFile(path)).toMatchObject({ ok: true, entries: 5, head: v.head, schema: loadMigrations(migrationsDir()).length });
  });

  it('says the old and the new role when a role is set', () => {
    const { store } = project();
    const entry = store.auditEntries().find((e) => e.action === 'variable.update');
    expect(entry?.detail).toMatchObject({ variable: 'a', changes: { role: { from: 'input', to: 'weight' } } });
  });

  it('refuses a row that does not continue the chain, and rows that change', () => {
    const { store } = project();
    expect(() => store.rawQuery("INSERT INTO audit (at, action, detail) VALUES ('2026', 'los', '{}')")).toThrow(/hash chain/);
    expect(() => store.rawQuery("UPDATE audit SET action = 'z'")).toThrow(/append-only/);
  });

  it('finds an edited row after the triggers are dropped', () => {
    const { path, store } = project();
    store.close();
    const raw = new Database(path);
    raw.exec('DROP TRIGGER audit_append_only_update');
    raw.prepare('UPDATE audit SET detail = ? WHERE id = 3').run('{"dataset":"klein","variable":"a","patch":{"role":"input"}}');
    raw.close();
    expect(ProjectStore.verifyFile(path)).toMatchObject({ ok: false, entries: 5, broken: { id: 3, action: 'variable.update', reason: 'hash' } });
  });

  it('finds a deleted row (at the row after it) and an inserted unchained row', () => {
    const { path, store } = project();
    store.close();
    const raw = new Database(path);
    raw.exec('DROP TRIGGER audit_append_only_delete');
    raw.prepare('DELETE FROM audit WHERE id = 2').run();
    raw.close();
    expect(ProjectStore.verifyFile(path).broken).toMatchObject({ id: 3, reason: 'prev-hash' });

    const other = project();
    other.store.close();
    const raw2 = new Database(other.path);
    raw2.exec('DROP TRIGGER audit_chain_continues');
    raw2.prepare("INSERT INTO audit (at, action, detail) VALUES ('2026-01-01', 'ingevoegd', '{}')").run();
    raw2.close();
    expect(ProjectStore.verifyFile(other.path)).toMatchObject({ ok: false, broken: { id: 6, reason: 'unchained' } });
  });

  it('chains the rows of a project made before the chain when it is upgraded', () => {
    const path = join(tmp(), 'oud.duiding');
    const raw = new Database(path);
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(raw, loadMigrations(migrationsDir()), 5);
    raw.prepare("INSERT INTO audit (at, action, detail) VALUES ('2024-01-01', 'oud.een', '{}')").run();
    raw.prepare("INSERT INTO audit (at, action, detail) VALUES ('2024-01-02', 'oud.twee', '{\"a\":1}')").run();
    raw.close();
    expect(ProjectStore.verifyFile(path)).toMatchObject({ ok: false, schema: 5, broken: { id: 1, reason: 'unchained' } });
    const store = ProjectStore.open(path);
    store.audit('nieuw', {});
    expect(store.verifyAudit()).toMatchObject({ ok: true, entries: 3 });
    expect(store.auditEntries().map((e) => e.action)).toEqual(['nieuw', 'oud.twee', 'oud.een']);
    store.close();
  });
});
