import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../electron/host/server';
import { ensureDemoProject } from '../../electron/startup/demo-project';

let host: RunningHost;

function call(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method: init.method ?? 'GET', headers: init.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (init.body) req.write(init.body);
    req.end();
  });
}

const auth = () => ({ Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' });

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'duiding-host-'));
  const staticDir = join(dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Duiding</title>');
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer');
  host = await startHost({ projectPath: ensureDemoProject(dir), configDir: dir, staticDir });
});
afterAll(() => host.close());

describe('browser host', () => {
  it('listens on the loopback address only', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{20,}$/);
  });

  it('refuses calls and events without the token header, or with a wrong one', async () => {
    expect((await call('/api/project.current', { method: 'POST', body: '{}' })).status).toBe(401);
    expect((await call('/api/project.current', { method: 'POST', headers: { Authorization: 'Bearer nope' }, body: '{}' })).status).toBe(401);
    expect((await call('/events')).status).toBe(401);
  });

  it('takes the token from the Authorization header only: not from a cookie, not from the query string', async () => {
    const viaQuery = await call(`/api/project.current?token=${host.token}`, { method: 'POST', body: '{}' });
    expect(viaQuery.status).toBe(401);
    const viaCookie = await call('/api/project.current', { method: 'POST', headers: { Cookie: `duiding_token=${host.token}` }, body: '{}' });
    expect(viaCookie.status).toBe(401);
    expect((await call(`/events?token=${host.token}`)).status).toBe(401);
  });

  it('serves the page (no data in it) without the token, sets no cookie, and a strict CSP', async () => {
    const res = await call('/');
    expect(res.status).toBe(200);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect((await call(`/?token=${host.token}`)).headers['set-cookie']).toBeUndefined();
  });

  it('carries the contract: results, validation errors, unknown calls', async () => {
    const ok = await call('/api/project.current', { method: 'POST', headers: auth(), body: '{}' });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body).datasets[0]).toMatchObject({ name: 'demo' });
    const rows = await call('/api/dataset.rows', {
      method: 'POST',
      headers: auth(),
      body: JSON.stringify({ dataset: 'demo', start: 6000, count: 2, labels: true }),
    });
    const page = JSON.parse(rows.body);
    expect(page.values).toHaveLength(2);
    expect(page.columns[0]).toBe('respnr');
    const bad = await call('/api/dataset.rows', { method: 'POST', headers: auth(), body: JSON.stringify({ dataset: 'demo', start: -1, count: 2 }) });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.code).toBe('invalid-request');
    const unknown = await call('/api/fs.readFile', { method: 'POST', headers: auth(), body: '{}' });
    expect(unknown.status).toBe(404);
    const missing = await call('/api/dataset.info', { method: 'POST', headers: auth(), body: JSON.stringify({ dataset: 'bestaat-niet' }) });
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body).error.message).toMatch(/no dataset named "bestaat-niet"/);
  });

  it('refuses other hosts and origins (DNS rebinding, cross-site requests)', async () => {
    expect((await call('/api/project.current', { method: 'POST', headers: { ...auth(), Host: 'evil.example:80' }, body: '{}' })).status).toBe(403);
    expect((await call('/api/project.current', { method: 'POST', headers: { ...auth(), Origin: 'http://evil.example' }, body: '{}' })).status).toBe(403);
  });

  it('serves nothing outside the renderer folder', async () => {
    const res = await call('/..%2Fsecret.txt', { headers: auth() });
    expect([403, 404]).toContain(res.status);
    expect(res.body).not.toMatch(/outside the renderer/);
  });
});
