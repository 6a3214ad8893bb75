/**
 * The Electron entry points cannot run here (no Electron binary can be downloaded), so they run against
 * a fake `electron` module that records what main.ts and preload.ts ask of it.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
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
  protocolHandler: null as null | ((request: Request) => Promise<Response> | Response),
  netFetches: 0,
  devtoolsOpened: [] as (() => void)[],
  devtoolsClosed: 0,
}));

vi.mock('electron', () => {
  const contents = {
    on: (ev: string, fn: any) => {
      if (ev === 'will-navigate' || ev === 'will-redirect') recorded.navHandlers.push(fn);
      if (ev === 'devtools-opened') recorded.devtoolsOpened.push(fn);
    },
    setWindowOpenHandler: (fn: any) => (recorded.windowOpen = fn),
    closeDevTools: () => recorded.devtoolsClosed++,
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
    // An installed app, so the packaged-only settings (no DevTools) are what is checked.
    app: { whenReady: () => readyPromise, on: () => undefined, quit: () => undefined, isPackaged: true, __ready: () => ready() },
    BrowserWindow,
    ipcMain: { handle: (ch: string, fn: any) => recorded.ipc.set(ch, fn) },
    net: {
      fetch: async () => {
        recorded.netFetches++;
        return new Response('');
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => recorded.schemes.push(...s),
      handle: (_scheme: string, fn: any) => (recorded.protocolHandler = fn),
    },
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

let rendererRoot = '';

beforeAll(async () => {
  process.env.DUIDING_HOME = mkdtempSync(join(tmpdir(), 'duiding-electron-'));
  // A renderer build of our own, and a file beside it that the protocol must never serve.
  const dir = mkdtempSync(join(tmpdir(), 'duiding-electron-renderer-'));
  rendererRoot = join(dir, 'renderer');
  mkdirSync(join(rendererRoot, 'assets'), { recursive: true });
  writeFileSync(join(rendererRoot, 'index.html'), '<!doctype html><title>Duiding</title>');
  writeFileSync(join(rendererRoot, 'assets', 'app-1.js'), 'console.log(1)');
  writeFileSync(join(rendererRoot, 'assets', 'font.woff2'), 'w');
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer');
  process.env.DUIDING_RENDERER = rendererRoot;
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

describe('the duiding:// protocol', () => {
  const get = async (url: string) => {
    const res = await recorded.protocolHandler!(new Request(url));
    return { status: res.status, type: res.headers.get('content-type'), csp: res.headers.get('content-security-policy'), body: await res.text() };
  };

  it('reads the renderer files itself, with the type from the extension and the CSP, never through net.fetch', async () => {
    expect(await get('duiding://app/index.html')).toMatchObject({
      status: 200,
      type: 'text/html; charset=utf-8',
      body: '<!doctype html><title>Duiding</title>',
    });
    expect((await get('duiding://app/')).body).toMatch(/Duiding/);
    expect(await get('duiding://app/assets/app-1.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
    expect((await get('duiding://app/assets/font.woff2')).type).toBe('font/woff2');
    expect((await get('duiding://app/index.html')).csp).toMatch(/default-src 'self'/);
    expect(recorded.netFetches).toBe(0);
  });

  it('never leaves the renderer build, and answers malformed or missing paths', async () => {
    for (const url of ['duiding://app/..%2Fsecret.txt', 'duiding://app/assets/..%2F..%2Fsecret.txt', 'duiding://app/%2e%2e/secret.txt']) {
      const r = await get(url);
      expect([403, 404]).toContain(r.status);
      expect(r.body).not.toMatch(/outside the renderer/);
    }
    expect((await get('duiding://app/%E0%A4%A')).status).toBe(400);
    expect((await get('duiding://app/a%00b')).status).toBe(400);
    expect((await get('duiding://app/nope.js')).status).toBe(404);
    expect((await get('duiding://app/assets')).status).toBe(404);
  });
});

describe('packaged app', () => {
  it('turns DevTools off, and closes them should they open anyway', () => {
    expect(recorded.windowOptions?.webPreferences.devTools).toBe(false);
    expect(recorded.devtoolsOpened.length).toBeGreaterThan(0);
    recorded.devtoolsOpened[0]();
    expect(recorded.devtoolsClosed).toBe(1);
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
