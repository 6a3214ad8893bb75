/**
 * Electron main process: one window, sandboxed renderer, no Node in the page, a strict CSP, no network,
 * no navigation away from the app, no permissions. The renderer reaches the backend only through the
 * preload's `invoke`, which the same dispatcher as the browser host serves.
 */
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell, type IpcMainInvokeEvent } from 'electron';
import { basename, dirname, join, normalize } from 'node:path';
import type { EventName, Events } from '../shared/api';
import { installEngineAccelerator } from './engine/install-accelerator';
import { dispatch } from './backend/dispatch';
import { dialogFilters } from './handlers/files';
import { checkSavePath, withExtension } from './backend/save-targets';
import { handlers as allHandlers } from './handlers/index';
import { AppSession } from './backend/session';
import type { AppContext, HandlerMap } from './backend/types';
import { ensureDemoProject } from './startup/demo-project';
import { appHome, rendererDir } from './startup/paths';
import { serveAppFile } from './startup/app-files';
import { APP_ORIGIN, APP_SCHEME, guardContents, guardSession, webPreferences } from './startup/window-security';

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let win: BrowserWindow | null = null;

// The system open dialog answers `ui.chooseFile`; only a path goes back to the page, never contents.
const handlers: HandlerMap = {
  ...allHandlers,
  'ui.chooseFile': async ({ kinds }) => {
    const options = { properties: ['openFile' as const], filters: dialogFilters(kinds) };
    const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return r.canceled || !r.filePaths[0] ? null : { path: r.filePaths[0] };
  },
  // The system save dialog answers `ui.chooseSave`; the page gets a token to export to, not a path to write.
  'ui.chooseSave': async ({ format, suggestedName }, ctx) => {
    const options = { defaultPath: withExtension(suggestedName || 'export', format), filters: [{ name: format.toUpperCase(), extensions: [format] }] };
    const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (r.canceled || !r.filePath) return null;
    const path = checkSavePath(dirname(r.filePath), basename(r.filePath), format, ctx.session.isOpen() ? ctx.session.store().path : null);
    return ctx.session.saveTargets.issue(path, format);
  },
  'ui.showInFolder': async ({ path }, ctx) => {
    if (ctx.session.saveTargets.wasChosen(path)) shell.showItemInFolder(path);
    return null;
  },
};

/** The renderer build, read from disk by the protocol handler itself (startup/app-files.ts says why). */
function serveApp(): void {
  const root = normalize(rendererDir());
  protocol.handle(APP_SCHEME, (request) => serveAppFile(root, request.url));
}

async function createWindow(ctx: AppContext): Promise<void> {
  win = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'Duiding',
    show: false,
    // No DevTools in an installed app: they would let anyone at the keyboard read the page's data and call the backend.
    webPreferences: webPreferences(join(import.meta.dirname, 'preload.cjs'), { devTools: !app.isPackaged }),
  });
  guardContents(win.webContents, { devTools: !app.isPackaged });
  win.once('ready-to-show', () => win?.show());
  ipcMain.handle('duiding:invoke', async (event: IpcMainInvokeEvent, name: unknown, args: unknown) => {
    // Only our own page may call the backend.
    if (!event.senderFrame || !event.senderFrame.url.startsWith(`${APP_ORIGIN}/`)) throw new Error('Refused: unknown sender');
    const out = await dispatch(handlers, String(name), args, ctx);
    return out.ok ? { ok: true, result: out.result } : { ok: false, error: out.body.error };
  });
  await win.loadURL(`${APP_ORIGIN}/index.html`);
}

void app.whenReady().then(async () => {
  guardSession(session.defaultSession);
  serveApp();
  installEngineAccelerator();
  const appSession = new AppSession(appHome());
  const emit = <E extends EventName>(name: E, payload: Events[E]) => win?.webContents.send('duiding:event', name, payload);
  const ctx: AppContext = { session: appSession, emit };
  const recent = appSession.recent()[0];
  try {
    appSession.open(recent ?? ensureDemoProject(appHome()));
  } catch {
    appSession.open(ensureDemoProject(appHome()));
  }
  app.on('web-contents-created', (_e, contents) => guardContents(contents, { devTools: !app.isPackaged }));
  await createWindow(ctx);
});

app.on('window-all-closed', () => app.quit());
