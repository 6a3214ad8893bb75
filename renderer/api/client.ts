/**
 * The renderer's one way to the backend. Under Electron the preload exposes `window.duiding`; in the
 * browser host the same contract travels as `POST /api/<call>` with the per-start token, and events come
 * over Server-Sent Events. Either way callers see typed results or an ApiError with a readable message.
 */
import type { CallName, EventName, Events, Request, Result } from '../../shared/api';
import { renderMessage, type Message } from '../../shared/i18n/messages';
import { storedLang } from '../i18n/i18n';

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

/** Read the token from `?token=` once and keep it for this tab (it survives reloads). */
export function hostToken(): string | null {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY);
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
      credentials: 'same-origin',
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
let source: EventSource | null = null;

function ensureEventSource(): void {
  if (source || typeof EventSource === 'undefined') return;
  source = new EventSource('/events', { withCredentials: true });
}

/** Subscribe to a backend event; returns the unsubscribe function. */
export function on<E extends EventName>(event: E, cb: (payload: Events[E]) => void): () => void {
  if (window.duiding) return window.duiding.on(event, cb as Listener);
  ensureEventSource();
  let set = listeners.get(event);
  if (!set) {
    set = new Set();
    listeners.set(event, set);
    source?.addEventListener(event, (msg) => {
      let data: unknown;
      try {
        data = JSON.parse((msg as MessageEvent<string>).data);
      } catch {
        return;
      }
      for (const l of listeners.get(event) ?? []) l(data);
    });
  }
  set.add(cb as Listener);
  return () => set.delete(cb as Listener);
}

/**
 * Tells `cb` when the browser host stops answering (its event stream broke and does not come back:
 * `npm start` was stopped) and when it is back. Under Electron the window closes with the app, so this
 * never fires there.
 */
export function onHostStopped(cb: (stopped: boolean) => void): () => void {
  if (window.duiding) return () => {};
  ensureEventSource();
  const es = source;
  if (!es) return () => {};
  const onError = () => cb(es.readyState !== EventSource.OPEN);
  const onOpen = () => cb(false);
  es.addEventListener('error', onError);
  es.addEventListener('open', onOpen);
  return () => {
    es.removeEventListener('error', onError);
    es.removeEventListener('open', onOpen);
  };
}
