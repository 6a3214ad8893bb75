/**
 * `ui.chooseFile` under Electron: main.ts answers it with the system open dialog, with the data-file
 * filters, and gives back only the chosen path (null on cancel). Runs main.ts against a fake `electron`
 * in which everything but the parts this test looks at is an inert stand-in.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  // Any property, call or construction of `inert` gives `inert` again; it is never a thenable.
  const inert: any = new Proxy(function () {}, {
    get: (_t, key) => (key === 'then' ? undefined : inert),
    apply: () => inert,
    construct: () => inert,
  });
  let ready: () => void = () => undefined;
  const whenReady = new Promise<void>((r) => (ready = r));
  return {
    inert,
    ready: () => ready(),
    whenReady,
    ipc: new Map<string, (...a: any[]) => Promise<any>>(),
    showOpenDialog: vi.fn(),
    showSaveDialog: vi.fn(),
    showItemInFolder: vi.fn(),
  };
});

vi.mock('electron', () => ({
  app: { whenReady: () => fake.whenReady, on: () => undefined, quit: () => undefined },
  BrowserWindow: fake.inert,
  ipcMain: { handle: (ch: string, fn: any) => fake.ipc.set(ch, fn) },
  net: fake.inert,
  protocol: fake.inert,
  session: fake.inert,
  dialog: { showOpenDialog: fake.showOpenDialog, showSaveDialog: fake.showSaveDialog },
  shell: { showItemInFolder: fake.showItemInFolder },
}));

const FROM_APP = { senderFrame: { url: 'duiding://app/index.html' } };

beforeAll(async () => {
  process.env.DUIDING_HOME = mkdtempSync(join(tmpdir(), 'duiding-choose-'));
  await import('../../electron/main');
  fake.ready();
  await vi.waitFor(() => expect(fake.ipc.has('duiding:invoke')).toBe(true), { timeout: 30_000 });
});

describe('ui.chooseFile in Electron', () => {
  it('opens the system dialog with the data-file filters and returns the path', async () => {
    fake.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/data/peiling.sav'] });
    const out = await fake.ipc.get('duiding:invoke')!(FROM_APP, 'ui.chooseFile', { kinds: ['sav', 'csv'] });
    expect(out).toEqual({ ok: true, result: { path: '/data/peiling.sav' } });
    const options = fake.showOpenDialog.mock.calls[0].at(-1);
    expect(options.properties).toEqual(['openFile']);
    expect(options.filters[0].extensions).toEqual(['sav', 'zsav', 'csv', 'tsv', 'txt']);
  });

  it('gives null when the user cancels', async () => {
    fake.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    const out = await fake.ipc.get('duiding:invoke')!(FROM_APP, 'ui.chooseFile', {});
    expect(out).toEqual({ ok: true, result: null });
  });

  it('refuses kinds Duiding cannot import', async () => {
    const out = await fake.ipc.get('duiding:invoke')!(FROM_APP, 'ui.chooseFile', { kinds: ['exe'] });
    expect(out).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});

describe('ui.chooseSave in Electron', () => {
  const invoke = (name: string, args: unknown) => fake.ipc.get('duiding:invoke')!(FROM_APP, name, args);

  it("opens the system save dialog and gives a token for the chosen file, with the format's extension", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duiding-save-'));
    fake.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(dir, 'tabellenboek') });
    const out = await invoke('ui.chooseSave', { format: 'xlsx', suggestedName: 'Burgerpanel' });
    expect(out).toMatchObject({ ok: true, result: { path: join(dir, 'tabellenboek.xlsx') } });
    expect(out.result.token).toMatch(/^[\w-]{16,}$/);
    expect(fake.showSaveDialog.mock.calls[0].at(-1)).toMatchObject({ defaultPath: 'Burgerpanel.xlsx', filters: [{ extensions: ['xlsx'] }] });
    // Only a file the user chose can be shown in the file manager.
    await invoke('ui.showInFolder', { path: '/etc/passwd' });
    expect(fake.showItemInFolder).not.toHaveBeenCalled();
    await invoke('ui.showInFolder', { path: out.result.path });
    expect(fake.showItemInFolder).toHaveBeenCalledWith(out.result.path);
  });

  it("never names a project as the file: a .duiding name gets the format's extension; null on cancel", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duiding-save-'));
    fake.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(dir, 'werk.duiding') });
    expect(await invoke('ui.chooseSave', { format: 'xlsx' })).toMatchObject({ ok: true, result: { path: join(dir, 'werk.duiding.xlsx') } });
    fake.showSaveDialog.mockResolvedValueOnce({ canceled: true });
    expect(await invoke('ui.chooseSave', { format: 'csv' })).toEqual({ ok: true, result: null });
  });
});
