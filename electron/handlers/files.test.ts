/** files.list: home by default, folders first, importable files only, normalised paths, typed errors. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../backend/dispatch';
import { dialogFilters, filesHandlers, listFiles, normaliseDir } from './files';
import type { AppContext } from '../backend/types';

let home: string;

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'duiding-files-'));
  mkdirSync(join(home, 'zeta'));
  mkdirSync(join(home, 'Alpha'));
  mkdirSync(join(home, '.hidden'));
  for (const f of ['b.sav', 'a.CSV', 'c.xlsx', 'd.dta', 'e.zsav', 'f.tsv', 'notes.pdf', 'script.sh', '.secret.csv'])
    writeFileSync(join(home, f), 'x'.repeat(7));
  writeFileSync(join(home, 'zeta', 'inner.csv'), 'a,b\n1,2\n');
  symlinkSync(join(home, 'zeta'), join(home, 'link-to-zeta'));
  symlinkSync(join(home, 'nowhere'), join(home, 'broken.csv'));
});

afterAll(() => rmSync(home, { recursive: true, force: true }));

const names = (l: { entries: { name: string }[] }) => l.entries.map((e) => e.name);

describe('files.list', () => {
  it('starts in the home directory', async () => {
    const l = await listFiles({}, home);
    expect(l.dir).toBe(l.home);
    expect(names(l)).toContain('zeta');
  });

  it('lists folders first, then importable files, each by name; hides dot files and other types', async () => {
    const l = await listFiles({ dir: home }, home);
    expect(names(l)).toEqual(['Alpha', 'link-to-zeta', 'zeta', 'a.CSV', 'b.sav', 'c.xlsx', 'd.dta', 'e.zsav', 'f.tsv']);
    const sav = l.entries.find((e) => e.name === 'b.sav')!;
    expect(sav).toMatchObject({ kind: 'sav', size: 7, path: join(l.dir, 'b.sav') });
    expect(Number.isNaN(Date.parse(sav.modified))).toBe(false);
    expect(l.entries.find((e) => e.name === 'zeta')).toMatchObject({ kind: 'dir', size: null });
    expect(l.truncated).toBe(false);
  });

  it('shows dot files on request and filters by kind', async () => {
    expect(names(await listFiles({ dir: home, hidden: true }, home))).toContain('.secret.csv');
    expect(names(await listFiles({ dir: home, kinds: ['sav'] }, home))).toEqual(['Alpha', 'link-to-zeta', 'zeta', 'b.sav', 'e.zsav']);
  });

  it('normalises the path and resolves links in the listed directory', async () => {
    const l = await listFiles({ dir: `${home}${sep}zeta${sep}..${sep}${sep}link-to-zeta${sep}.` }, home);
    expect(l.dir).toBe((await listFiles({ dir: join(home, 'zeta') }, home)).dir);
    expect(names(l)).toEqual(['inner.csv']);
    expect(l.parent).toBe((await listFiles({ dir: home }, home)).dir);
  });

  it('expands ~ and refuses relative paths', () => {
    expect(normaliseDir('~/zeta/../Alpha', home)).toBe(join(home, 'Alpha'));
    expect(normaliseDir('  ', home)).toBe(join(home));
    expect(() => normaliseDir('../etc', home)).toThrow(/full path/);
  });

  it('has no parent at the root', async () => {
    const l = await listFiles({ dir: sep }, home);
    expect(l.parent).toBeNull();
  });

  it('answers with typed 4xx errors through the dispatcher', async () => {
    const ctx = {} as AppContext;
    const missing = await dispatch(filesHandlers, 'files.list', { dir: join(home, 'does-not-exist') }, ctx);
    expect(missing).toMatchObject({ ok: false, status: 404, body: { error: { code: 'not-found' } } });
    const file = await dispatch(filesHandlers, 'files.list', { dir: join(home, 'b.sav') }, ctx);
    expect(file).toMatchObject({ ok: false, status: 422, body: { error: { code: 'not-a-directory' } } });
    const relative = await dispatch(filesHandlers, 'files.list', { dir: 'zeta' }, ctx);
    expect(relative).toMatchObject({ ok: false, status: 422, body: { error: { code: 'path-not-absolute' } } });
    const nul = await dispatch(filesHandlers, 'files.list', { dir: `${home}\0/x` }, ctx);
    expect(nul).toMatchObject({ ok: false, status: 400, body: { error: { code: 'invalid-request' } } });
    const native = await dispatch(filesHandlers, 'ui.chooseFile', {}, ctx);
    expect(native).toMatchObject({ ok: false, status: 422, body: { error: { code: 'no-native-dialog' } } });
  });

  it('gives the Electron dialog one filter for all kinds and one per kind', () => {
    const f = dialogFilters(['sav', 'csv']);
    expect(f[0].extensions).toEqual(['sav', 'zsav', 'csv', 'tsv', 'txt']);
    expect(f.slice(1).map((x) => x.extensions)).toEqual([
      ['sav', 'zsav'],
      ['csv', 'tsv', 'txt'],
    ]);
  });
});
