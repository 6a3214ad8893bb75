/**
 * The Electron entry points cannot run here (no Electron binary can be downloaded), so they run against
 * a fake `electron` module that records what main.ts and preload.ts ask of it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';

const recorded = vi.hoisted(() => ({
  windowOptions: null as null | Record<string, any>,
  navHandlers: [] as ((e: { preventDefault(): void }, url: string) => void)[],
  windowOpen: null as null | ((d: { url: string }) => { action: string }),
  permission: null as null | ((wc: unknown, p: string, cb: (g: boolean) => void) => void),
  beforeRequest: null as null | ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
  ipc: new Map<string, (...a: any[]) => any>(),
  exposed: null as null | Record<string, any>,
  invoked: [] as unknown[][],
  loaded: '' as string,
  schemes: [] as unknown[],
}));

vi.mock('electron', () => {
  const contents = {
    on: (ev: string, fn: any) => {
      if (ev === 'will-navigate' || ev === 'will-redirect') recorded.navHandlers.push(fn);
    },
    setWindowOpenHandler: (fn: any) => (recorded.windowOpen = fn),
    send: () => undefined,
  };
  class BrowserWindow {
    webContents = contents;
    constructor(opts: Record<string, any>) {
      recorded.windowOptions = opts;
    }
    once() {}
    show() {}
    async loadURL(url: string) {
      recorded.loaded = url;
    }
  }
  let ready: () => void = () => undefined;
  const readyPromise = new Promise<void>((r) => (ready = r));
  return {
    app: { whenReady: () => readyPromise, on: () => undefined, quit: () => undefined, __ready: () => ready() },
    BrowserWindow,
    ipcMain: { handle: (ch: string, fn: any) => recorded.ipc.set(ch, fn) },
    net: { fetch: async () => new Response('') },
    protocol: { registerSchemesAsPrivileged: (s: unknown[]) => recorded.schemes.push(...s), handle: () => undefined },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: any) => (recorded.permission = fn),
        setPermissionCheckHandler: () => undefined,
        webRequest: { onBeforeRequest: (fn: any) => (recorded.beforeRequest = fn) },
      },
    },
    contextBridge: { exposeInMainWorld: (_k: string, api: Record<string, any>) => (recorded.exposed = api) },
    ipcRenderer: {
      invoke: async (...a: unknown[]) => {
        recorded.invoked.push(a);
        return { ok: true, result: 'from-main' };
      },
      on: () => undefined,
      removeListener: () => undefined,
    },
  };
});

beforeAll(async () => {
  process.env.DUIDING_HOME = mkdtempSync(join(tmpdir(), 'duiding-electron-'));
  const electron = (await import('electron')) as unknown as { app: { __ready(): void } };
  await import('../../electron/main');
  await import('../../electron/preload');
  electron.app.__ready();
  await vi.waitFor(() => expect(recorded.loaded).not.toBe(''), { timeout: 20_000 });
});

describe('Electron main process', () => {
  it('creates the window with isolation, sandbox and no Node integration', () => {
    const web = recorded.windowOptions?.webPreferences;
    expect(web).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(web.preload).toMatch(/preload\.cjs$/);
    expect(recorded.loaded).toBe('duiding://app/index.html');
  });

  it('blocks navigation away from the app and every new window', () => {
    expect(recorded.navHandlers.length).toBeGreaterThanOrEqual(2);
    for (const handler of recorded.navHandlers) {
      const away = { preventDefault: vi.fn() };
      handler(away, 'https://example.org/');
      expect(away.preventDefault).toHaveBeenCalled();
      const inside = { preventDefault: vi.fn() };
      handler(inside, 'duiding://app/index.html');
      expect(inside.preventDefault).not.toHaveBeenCalled();
    }
    expect(recorded.windowOpen?.({ url: 'https://example.org' })).toEqual({ action: 'deny' });
  });

  it('denies every permission and cancels every request that is not the app itself', () => {
    let granted: boolean | null = null;
    recorded.permission?.(null, 'geolocation', (g) => (granted = g));
    expect(granted).toBe(false);
    const verdict = (url: string) => {
      let cancel: boolean | null = null;
      recorded.beforeRequest?.({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(verdict('https://fonts.example.com/x.woff2')).toBe(true);
    expect(verdict('http://127.0.0.1:9999/')).toBe(true);
    expect(verdict('file:///etc/passwd')).toBe(true);
    expect(verdict('duiding://app/assets/index.js')).toBe(false);
  });

  it('serves the contract over IPC only to its own page', async () => {
    const handle = recorded.ipc.get('duiding:invoke')!;
    await expect(handle({ senderFrame: { url: 'https://evil.example/' } }, 'project.current', {})).rejects.toThrow(/Refused/);
    const out = await handle({ senderFrame: { url: 'duiding://app/index.html' } }, 'project.current', {});
    expect(out.ok).toBe(true);
    expect(out.result.datasets[0].name).toBe('demo');
    const bad = await handle({ senderFrame: { url: 'duiding://app/index.html' } }, 'no.such.call', {});
    expect(bad).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
  });
});

describe('Electron preload', () => {
  it('exposes only invoke and on, limited to the contract', async () => {
    expect(Object.keys(recorded.exposed ?? {}).sort()).toEqual(['invoke', 'on']);
    await expect(recorded.exposed!.invoke('fs.readFile', {})).rejects.toThrow(/Unknown call/);
    expect(recorded.invoked).toHaveLength(0);
    await expect(recorded.exposed!.invoke('project.current', {})).resolves.toBe('from-main');
    expect(() => recorded.exposed!.on('not.an.event', () => undefined)).toThrow(/Unknown event/);
  });
});
