/**
 * The browser host under attack (issue 16), as a separate process so that "the process lives" is
 * what is checked: malformed escapes and a bounded HTTP fuzzer (random and malformed paths, methods,
 * headers and bodies over raw loopback sockets) each get an HTTP status; a request from another local
 * origin can neither crash nor drive it; the token never reaches its output. And the API attacks of
 * §2 through the host: identifiers in filters and computed variables, weights that are not weights,
 * a model that rests on one person.
 */
import { mkdtempSync } from 'node:fs';
import { connect } from 'node:net';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoProject } from '../../electron/startup/demo-project';
import { makeRng } from '../../resources/demo/rng';
import { startHostProcess, type HostProcess } from './host-process';

let host: HostProcess;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'duiding-host-holes-'));
  host = await startHostProcess(dir, ensureDemoProject(dir));
});
afterAll(() => host?.stop());

/** One raw exchange: the bytes go out as they are; resolves with the status line (or '' on close/timeout). */
function raw(bytes: Buffer | string, timeoutMs = 5000): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port: host.port });
    let got = '';
    const done = (line: string) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(line);
    };
    const timer = setTimeout(() => done(got.split('\r\n')[0] ?? ''), timeoutMs);
    socket.on('data', (c) => {
      got += c.toString('latin1');
      if (got.includes('\r\n')) done(got.split('\r\n')[0]);
    });
    socket.on('error', () => done(got.split('\r\n')[0] ?? ''));
    socket.on('close', () => done(got.split('\r\n')[0] ?? ''));
    socket.write(bytes);
  });
}

function call(path: string, body: unknown, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: any }>((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path,
        method: 'POST',
        headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json', ...headers },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

const api = (name: string, args: unknown) => call(`/api/${name}`, args);

async function alive(): Promise<void> {
  expect(host.child.exitCode).toBeNull();
  const r = await api('project.current', {});
  expect(r.status).toBe(200);
}

const STATUS = /^HTTP\/1\.[01] [1-5]\d\d /;

describe('malformed requests get an HTTP answer, never end the host', () => {
  it('answers 400 to malformed percent-escapes in page and API paths', async () => {
    const host_ = `Host: 127.0.0.1:${host.port}\r\n`;
    expect(await raw(`GET /%E0%A4%A HTTP/1.1\r\n${host_}Connection: close\r\n\r\n`)).toMatch(/^HTTP\/1\.1 400 /);
    const auth = `Authorization: Bearer ${host.token}\r\n`;
    expect(await raw(`POST /api/%E0%A4%A HTTP/1.1\r\n${host_}${auth}Content-Length: 2\r\nConnection: close\r\n\r\n{}`)).toMatch(/^HTTP\/1\.1 400 /);
    expect(await raw(`GET /%E0%A4%A HTTP/1.1\r\n${host_}${auth}Connection: close\r\n\r\n`)).toMatch(/^HTTP\/1\.1 400 /);
    await alive();
  });

  it('survives a bounded fuzz of paths, methods, headers and bodies (loopback only)', async () => {
    // A seeded generator: the same requests on every run (DUIDING_FUZZ_SEED to explore others).
    const rnd = makeRng(Number(process.env.DUIDING_FUZZ_SEED ?? 20261206)).next;
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
    const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(rnd() * 256)));
    const pct = (n: number) => Array.from({ length: n }, () => `%${pick(['', '0', 'E0', 'A4', 'FF', 'C3%28', 'zz', '00', '2F', '5C'])}`).join('');
    const paths = [
      () => '/',
      () => '/index.html',
      () => `/api/${pick(['project.current', 'analysis.freq', 'fs.readFile', '', '..', '%2e%2e', 'dataset.rows'])}`,
      () => `/api/${pct(1 + Math.floor(rnd() * 6))}`,
      () => `/${pct(1 + Math.floor(rnd() * 6))}`,
      () => '/events',
      () => `/..${pick(['/', '%2f', '%5c', '\\'])}..${pick(['/', '%2f'])}etc/passwd`,
      () => `/${'a'.repeat(Math.floor(rnd() * 20000))}`,
      () => `/${encodeURIComponent(bytes(1 + Math.floor(rnd() * 30)).toString('latin1'))}`,
      () => `/x?token=${host.token}&${pct(3)}`,
      () => pick(['*', '//', '///api/project.current', 'http://127.0.0.1/api/project.current', '/%00', '/ab%ZZ', 'no-slash']),
      () =>
        `/${bytes(1 + Math.floor(rnd() * 12))
          .toString('latin1')
          .replace(/[\r\n ]/g, '_')}`,
    ];
    const methods = ['GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'get', 'FOO', 'CONNECT'];
    const bodies = [
      () => '',
      () => '{}',
      () => '{"dataset":"demo","variable":"golf"}',
      () => '{"a":',
      () => 'null',
      () => '[1,2',
      () => bytes(Math.floor(rnd() * 2000)).toString('latin1'),
      () => '"x"'.repeat(500),
    ];
    const hostHeaders = [`127.0.0.1:${host.port}`, `localhost:${host.port}`, 'evil.example', `127.0.0.1:${host.port + 1}`, ''];
    const authHeaders = [`Bearer ${host.token}`, 'Bearer nope', `bearer ${host.token}`, `Bearer ${host.token}x`, '', `Basic ${host.token}`];
    const origins = ['', `http://127.0.0.1:${host.port}`, `http://127.0.0.1:${host.port + 7}`, 'null', 'http://localhost:1', '%%%'];
    const N = Number(process.env.DUIDING_FUZZ_N ?? 300);
    const failures: string[] = [];
    for (let i = 0; i < N; i++) {
      const method = pick(methods);
      const path = pick(paths)();
      const body = pick(bodies)();
      const lines = [`${method} ${path} HTTP/1.1`];
      const h = pick(hostHeaders);
      if (h) lines.push(`Host: ${h}`);
      const a = pick(authHeaders);
      if (a) lines.push(`Authorization: ${a}`);
      const o = pick(origins);
      if (o) lines.push(`Origin: ${o}`);
      if (rnd() < 0.2) lines.push(`Cookie: duiding_token=${host.token}`);
      if (rnd() < 0.05) lines.push('Upgrade: websocket', 'Sec-WebSocket-Version: 13');
      if (rnd() < 0.1) lines.push(`X-Junk: ${'j'.repeat(Math.floor(rnd() * 20000))}`);
      if (rnd() < 0.05)
        lines.push(
          `Bad Header Line ${bytes(8)
            .toString('latin1')
            .replace(/[\r\n]/g, '')}`,
        );
      const length = Buffer.byteLength(body, 'latin1');
      lines.push(rnd() < 0.1 ? 'Transfer-Encoding: chunked' : `Content-Length: ${rnd() < 0.1 ? Math.max(0, length - 3) : length}`);
      if (!lines.includes('Upgrade: websocket')) lines.push('Connection: close');
      else lines.push('Connection: Upgrade');
      const req = Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), Buffer.from(body, 'latin1')]);
      const status = await raw(req);
      // A chunked body that never ends may wait for more: only an answer or a still-open socket is fine.
      if (!STATUS.test(status) && !(lines.includes('Transfer-Encoding: chunked') && status === ''))
        failures.push(`${method} ${path.slice(0, 60)} → "${status}"`);
      if (host.child.exitCode !== null) throw new Error(`host exited after request ${i}: ${method} ${path.slice(0, 80)}\n${host.output()}`);
    }
    expect(failures).toEqual([]);
    await alive();
  });

  it('a page on another local port can neither drive nor crash the host (no cookie to ride on)', async () => {
    // What a browser sends for <img src="http://127.0.0.1:PORT/…"> or a form post from another port:
    // no Authorization header, and cookies no longer carry the token.
    const origin = `http://127.0.0.1:${host.port + 1}`;
    const img = await raw(`GET /%E0%A4%A HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nReferer: ${origin}/\r\nConnection: close\r\n\r\n`);
    expect(img).toMatch(/^HTTP\/1\.1 400 /);
    const form = await call('/api/project.current', {}, { Authorization: '', Origin: origin });
    expect(form.status).toBe(403);
    const noOrigin = await call('/api/project.current', {}, { Authorization: '' });
    expect(noOrigin.status).toBe(401);
    await alive();
  });

  it('never writes the token to its output beyond the one line that shows the address', () => {
    const lines = host
      .output()
      .split('\n')
      .filter((l) => l.includes(host.token));
    expect(lines).toEqual([expect.stringMatching(/^Duiding listening on http:\/\/127\.0\.0\.1:\d+\/#token=/)]);
  });
});

describe('the API attacks of §2 through the host', () => {
  it('refuses a computed variable that reads the person number, naming it', async () => {
    const r = await api('transform.compute', { dataset: 'demo', recipe: { target: 'd', expression: 'leeftijd + 1000 * (respnr = 100003)' } });
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({ code: 'expression', detail: { code: 'expr-identifier', variable: 'respnr', why: 'role', detail: 'id' } });
    const recode = await api('transform.recode', { dataset: 'demo', recipe: { source: 'respnr', target: 'r', rules: [{ from: 'else', to: 1 }] } });
    expect(recode.body.error.detail).toMatchObject({ code: 'expr-identifier', variable: 'respnr' });
  });

  it('says so while the filter is typed, and refuses it in every table', async () => {
    const check = await api('analysis.checkFilter', { dataset: 'demo', filter: 'golf = 2025 and respnr != 100003' });
    expect(check.body).toMatchObject({ ok: false, position: 16, detail: { code: 'expr-identifier', variable: 'respnr' } });
    const freq = await api('analysis.freq', { dataset: 'demo', variable: 'gemeente', filter: 'golf = 2025 and respnr != 100003' });
    expect(freq.status).toBe(422);
    const tables = await api('analysis.tables', {
      dataset: 'demo',
      rows: ['gemeente'],
      banner: { items: [{ variable: 'geslacht' }] },
      filter: 'respnr > 100100',
    });
    expect(tables.status).toBe(422);
    expect(tables.body.error.detail.code).toBe('expr-identifier');
    const weighted = await api('analysis.tables', {
      dataset: 'demo',
      rows: ['golf'],
      banner: { items: [{ variable: 'geslacht' }] },
      weight: { variable: 'leeftijd', type: 'frequency' },
    });
    expect(weighted.body.error.detail).toMatchObject({ code: 'weight-role', variable: 'leeftijd' });
  });

  it('refuses a weight that is not a weight variable', async () => {
    const r = await api('analysis.freq', { dataset: 'demo', variable: 'golf', weight: { variable: 'leeftijd', type: 'frequency' } });
    expect(r.status).toBe(422);
    expect(r.body.error).toMatchObject({ code: 'output-rules', detail: { code: 'weight-role', variable: 'leeftijd', role: 'input' } });
  });

  it('blocks a model in which one person (picked out without an identifier) has all the leverage', async () => {
    const one = 'golf = 2025 and gemeente = 6 and leeftijd = 21';
    const c = await api('transform.compute', { dataset: 'demo', recipe: { target: 'd_een', expression: `leeftijd + 1000 * (${one})` } });
    expect(c.status).toBe(200);
    const r = await api('analysis.regress', { dataset: 'demo', dependent: 'leefbaarheid', predictors: ['leeftijd', 'd_een'] });
    expect(r.status).toBe(200);
    expect(r.body.coefficients).toEqual([]);
    expect(r.body.rules.status).toBe('blocked');
    expect(r.body.rules.messages).toContainEqual(expect.objectContaining({ code: 'model-leverage', term: 'd_een', max: 0.5 }));
    expect(r.body).not.toHaveProperty('diagnostics');
  });

  it('records the old and the new role when a role is set', async () => {
    const r = await api('variable.update', { dataset: 'demo', variable: 'inkomen', patch: { role: 'none' } });
    expect(r.status).toBe(200);
    const log = await api('project.audit', { limit: 5 });
    expect(log.body.find((e: any) => e.action === 'variable.update').detail).toMatchObject({ changes: { role: { from: 'input', to: 'none' } } });
    const chain = await api('project.auditVerify', {});
    expect(chain.body).toMatchObject({ ok: true, head: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });
});
