/**
 * The browser host: serves the renderer build and carries the typed contract over HTTP (calls) and an
 * event stream on 127.0.0.1 only. A random token, made at every start, is required on every call and
 * on the event stream, as an `Authorization: Bearer` header and nowhere else: not in a cookie (cookies
 * are not bound to a port, so every other service on 127.0.0.1 would receive it and any page on another
 * local port could use it), not in the query string (it would end up in logs and history). The page
 * gets it from the URL fragment (`/#token=…`), which browsers never send to a server, and keeps it in
 * the tab's memory. The page itself (the renderer build, no data) is served without it. Host and Origin
 * are checked too, so another site cannot reach it through DNS rebinding. Every request gets an HTTP
 * answer — a malformed one 400 — and nothing a request does ends the process. The token is never logged.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EventName, Events } from '../../shared/api';
import { dispatch } from '../backend/dispatch';
import { handlers as allHandlers } from '../handlers/index';
import type { AppContext, HandlerMap } from '../backend/types';
import { AppSession } from '../backend/session';
import { CONTENT_SECURITY_POLICY } from '../startup/security-policy';
import { serveStatic } from './static';

export interface HostOptions {
  /** Project to open at start (optional). */
  projectPath?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Folder for recent.json and the like. */
  configDir: string;
  /** The renderer build to serve. */
  staticDir: string;
  handlers?: Partial<HandlerMap>;
}

export interface RunningHost {
  url: string;
  token: string;
  port: number;
  ctx: AppContext;
  close(): Promise<void>;
}

const MAX_BODY = 16 * 1024 * 1024;

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** decodeURIComponent that answers null for a malformed escape (`%E0%A4%A`) instead of throwing. */
export function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** The request's path, or null when it cannot be one (malformed URL or escapes, NUL). */
function requestPath(req: IncomingMessage): string | null {
  let url: URL;
  try {
    url = new URL(req.url ?? '/', 'http://127.0.0.1');
  } catch {
    return null;
  }
  const decoded = safeDecode(url.pathname);
  return decoded === null || decoded.includes('\0') ? null : url.pathname;
}

function bearerToken(req: IncomingMessage): string | undefined {
  const h = req.headers.authorization;
  return typeof h === 'string' && h.startsWith('Bearer ') ? h.slice(7) : undefined;
}

/** A browser's Origin header must name this very host and port over plain HTTP on loopback. */
function sameLoopbackOrigin(origin: string, allowedHosts: string[]): boolean {
  try {
    const u = new URL(origin);
    return u.protocol === 'http:' && allowedHosts.includes(u.host);
  } catch {
    return false;
  }
}

function securityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function badRequest(res: ServerResponse, message: string): void {
  sendJson(res, 400, { error: { code: 'bad-request', message } });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as unknown) : {};
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const token = randomBytes(24).toString('base64url');
  const session = new AppSession(options.configDir);
  const streams = new Set<ServerResponse>();
  const emit = <E extends EventName>(name: E, payload: Events[E]) => {
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const s of streams) s.write(frame);
  };
  const ctx: AppContext = { session, emit };
  if (options.projectPath) session.open(options.projectPath);
  const handlers = options.handlers ?? allHandlers;
  let port = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    securityHeaders(res);
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(req.headers.host ?? '')) return sendJson(res, 403, { error: { code: 'forbidden', message: 'Wrong host' } });
    const origin = req.headers.origin;
    if (origin && !sameLoopbackOrigin(origin, allowedHosts)) {
      return sendJson(res, 403, { error: { code: 'forbidden', message: 'Cross-origin requests are refused' } });
    }
    const path = requestPath(req);
    if (path === null) return badRequest(res, 'Malformed request path');
    const isCall = path.startsWith('/api/');
    if (isCall || path === '/events') {
      if (!sameToken(bearerToken(req), token)) return sendJson(res, 401, { error: { code: 'unauthorised', message: 'A valid token is required' } });
    }
    if (isCall) {
      if (req.method !== 'POST') return sendJson(res, 405, { error: { code: 'method', message: 'Use POST' } });
      let args: unknown;
      try {
        args = await readBody(req);
      } catch (e) {
        return sendJson(res, 400, { error: { code: 'invalid-request', message: `Unreadable request: ${(e as Error).message}` } });
      }
      const out = await dispatch(handlers, safeDecode(path.slice(5)) ?? '', args, ctx);
      return out.ok ? sendJson(res, 200, out.result ?? null) : sendJson(res, out.status, out.body);
    }
    if (path === '/events') {
      if (req.method !== 'GET') return sendJson(res, 405, { error: { code: 'method', message: 'Use GET' } });
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { error: { code: 'method', message: 'Method not allowed' } });
    return serveStatic(options.staticDir, path, res);
  };
  // Whatever a request does, the host answers it and keeps running.
  const server = createServer((req, res) => {
    // A stream error (client gone mid-answer) must not become an uncaught exception.
    res.on('error', () => res.destroy());
    req.on('error', () => res.destroy());
    handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { error: { code: 'internal', message: 'The request failed' } });
      else res.destroy();
    });
  });
  // CONNECT and protocol upgrades (WebSocket) are not served: an answer, then the socket closes.
  const refuseSocket = (_req: IncomingMessage, socket: import('node:stream').Duplex) => {
    socket.on('error', () => socket.destroy());
    socket.end('HTTP/1.1 405 Method Not Allowed\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  };
  server.on('connect', refuseSocket);
  server.on('upgrade', refuseSocket);
  // Malformed HTTP (bad request line, header overflow): Node's own 400, and the socket closes.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    // The token in the fragment: the browser keeps it, no request carries it (renderer/api/client.ts).
    url: `http://127.0.0.1:${port}/#token=${token}`,
    token,
    port,
    ctx,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of streams) s.end();
        server.closeAllConnections();
        server.close(() => {
          session.close();
          resolve();
        });
      }),
  };
}
