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
  };
});

vi.mock('electron', () => ({
  app: { whenReady: () => fake.whenReady, on: () => undefined, quit: () => undefined },
  BrowserWindow: fake.inert,
  ipcMain: { handle: (ch: string, fn: any) => fake.ipc.set(ch, fn) },
  net: fake.inert,
  protocol: fake.inert,
  session: fake.inert,
  dialog: { showOpenDialog: fake.showOpenDialog },
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
