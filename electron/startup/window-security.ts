/**
 * The Electron window's security settings and guards, kept apart from `electron` itself so they are
 * unit-tested without it (only main.ts and preload.ts import 'electron').
 */
import { CONTENT_SECURITY_POLICY } from './security-policy';

/** The app's own origin: the renderer build is served from this custom protocol, never from the web. */
export const APP_SCHEME = 'duiding';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

export function webPreferences(preloadPath: string, options: { devTools: boolean } = { devTools: true }) {
  return {
    preload: preloadPath,
    devTools: options.devTools,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
  } as const;
}

/** Only the app's own pages may load; everything else (http, https, file, ws …) is cancelled. */
export function isAllowedRequest(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`) || url === APP_ORIGIN || url.startsWith('devtools://') || url.startsWith('data:') || url.startsWith('blob:');
}

/** A renderer may only navigate within the app; links to anything else are refused. */
export function isAllowedNavigation(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`);
}

export function responseHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

/** Structural types of the few Electron objects the guards touch, so tests can pass fakes. */
export interface GuardableContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (e: { preventDefault(): void }, url: string) => void): unknown;
  on(event: 'devtools-opened', listener: () => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  closeDevTools?(): void;
}
export interface GuardableSession {
  setPermissionRequestHandler(handler: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void;
  };
}

/** `devTools: false` (installed app): DevTools that open anyway (a shortcut, a flag) are closed at once. */
export function guardContents(contents: GuardableContents, options: { devTools: boolean } = { devTools: true }): void {
  const block = (e: { preventDefault(): void }, url: string) => {
    if (!isAllowedNavigation(url)) e.preventDefault();
  };
  contents.on('will-navigate', block);
  contents.on('will-redirect', block);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  if (!options.devTools) contents.on('devtools-opened', () => contents.closeDevTools?.());
}

export function guardSession(session: GuardableSession): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequest(details.url) }));
}
