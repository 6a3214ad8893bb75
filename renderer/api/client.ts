/**
 * The renderer's one way to the backend. Under Electron the preload exposes `window.duiding`; in the
 * browser host the same contract travels as `POST /api/<call>` with the per-start token in an
 * Authorization header, and events come as a server-sent event stream read from a fetch (EventSource
 * cannot send the header). The token arrives in the URL fragment (`#token=…`), which no request ever
 * carries; it is kept for this tab in sessionStorage and the fragment is removed from the address bar.
 * Either way callers see typed results or an ApiError with a readable message.
 */
import type { CallName, EventName, Events, Request, Result } from '../../shared/api';
import { renderMessage, type Message } from '../../shared/i18n/messages';
import { storedLang } from '../i18n/i18n';
import { SseParser } from './event-stream';

interface Bridge {
  invoke(name: string, args: unknown): Promise<unknown>;
  on(event: string, cb: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    duiding?: Bridge;
  }
}

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly where: { file?: string; line?: number | null; offset?: number | null } = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const TOKEN_KEY = 'duiding.token';

let memoryToken: string | null = null;

/** Read the token from `#token=` once and keep it for this tab (it survives reloads). */
export function hostToken(): string | null {
  const fromUrl = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('token');
  if (fromUrl) {
    memoryToken = fromUrl;
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    // Out of the address bar, so it is neither bookmarked nor shown over a shoulder.
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromUrl;
  }
  return memoryToken ?? (memoryToken = sessionStorage.getItem(TOKEN_KEY));
}

/** Turn whatever the backend or the bridge threw into an ApiError without leaking a stack trace. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  if (e && typeof e === 'object' && 'error' in e) {
    const body = (e as { error: { code?: string; message?: string; file?: string; line?: number; offset?: number; detail?: Message } }).error;
    // An error with a message code is said in the UI's language; the English text is the fallback.
    const message = body.detail ? renderMessage(body.detail, storedLang()) : body.message;
    return new ApiError(body.code ?? 'error', message ?? 'Onbekende fout', body);
  }
  if (e instanceof Error) {
    // Electron prefixes rejected invoke messages with its own text; keep only the handler's words.
    const msg = e.message.replace(/^Error invoking remote method '[^']*': (\w*Error: )?/, '');
    const code = (e as { code?: unknown }).code;
    return new ApiError(typeof code === 'string' ? code : 'error', msg.split('\n')[0]);
  }
  return new ApiError('error', String(e));
}

async function httpInvoke(name: string, args: unknown): Promise<unknown> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const token = hostToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(`/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(args ?? {}),
      credentials: 'omit',
    });
  } catch {
    throw new ApiError('offline', 'Geen verbinding met Duiding. Draait de app nog?');
  }
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    throw new ApiError('bad-response', `Onverwacht antwoord van Duiding (HTTP ${res.status}).`);
  }
  if (!res.ok) {
    if (res.status === 401) throw new ApiError('unauthorised', 'Geen toegang: open Duiding via het adres dat bij het starten werd getoond (met #token=…).');
    if (body && typeof body === 'object' && 'error' in body) throw toApiError(body);
    throw new ApiError(`http-${res.status}`, `Verzoek geweigerd (HTTP ${res.status}).`);
  }
  return body;
}

export async function invoke<N extends CallName>(name: N, args: Request<N>): Promise<Result<N>> {
  try {
    if (window.duiding) return (await window.duiding.invoke(name, args)) as Result<N>;
    return (await httpInvoke(name, args)) as Result<N>;
  } catch (e) {
    throw toApiError(e);
  }
}

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();
let streaming = false;

function deliver(event: string, text: string): void {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return;
  }
  for (const l of listeners.get(event) ?? []) l(data);
}

/** Reads `/events` for as long as the page lives, reconnecting after a dropped connection. */
async function streamEvents(): Promise<void> {
  for (let wait = 500; ; wait = Math.min(wait * 2, 10_000)) {
    const token = hostToken();
    // Whether the host still answers: a refusal (no token) is an answer; a closed stream or no connection is not.
    let answers = false;
    try {
      const res = await fetch('/events', { headers: token ? { Authorization: `Bearer ${token}` } : {}, credentials: 'omit', cache: 'no-store' });
      answers = true;
      if (res.ok && res.body) {
        wait = 500;
        hostAnswers(true);
        const parser = new SseParser();
        const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          for (const e of parser.push(value)) deliver(e.event, e.data);
        }
        answers = false;
      }
    } catch {
      // Host gone or restarting: try again after a pause.
      answers = false;
    }
    if (!answers) hostAnswers(false);
    await new Promise((r) => setTimeout(r, wait));
  }
}

function ensureEventStream(): void {
  if (streaming || typeof fetch === 'undefined') return;
  streaming = true;
  void streamEvents();
}

/** Subscribe to a backend event; returns the unsubscribe function. */
export function on<E extends EventName>(event: E, cb: (payload: Events[E]) => void): () => void {
  if (window.duiding) return window.duiding.on(event, cb as Listener);
  ensureEventStream();
  let set = listeners.get(event);
  if (!set) {
    set = new Set();
    listeners.set(event, set);
  }
  set.add(cb as Listener);
  return () => set.delete(cb as Listener);
}

const hostListeners = new Set<(stopped: boolean) => void>();
let hostUp: boolean | null = null;

/** The event stream connected (true) or ended (false): tell the listeners when that changes. */
function hostAnswers(up: boolean): void {
  if (hostUp === up) return;
  hostUp = up;
  for (const l of hostListeners) l(!up);
}

/**
 * Tells `cb` when the browser host stops answering (its event stream ended and does not come back:
 * `npm start` was stopped) and when it is back. Under Electron the window closes with the app, so this
 * never fires there.
 */
export function onHostStopped(cb: (stopped: boolean) => void): () => void {
  if (window.duiding) return () => {};
  ensureEventStream();
  hostListeners.add(cb);
  return () => hostListeners.delete(cb);
}
