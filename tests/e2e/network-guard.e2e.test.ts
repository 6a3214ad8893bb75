/**
 * Nothing leaves the machine: every request the page makes, while a user goes through every screen,
 * goes to the local host; remote loads are blocked by the CSP; and the host refuses a browser that
 * does not have the token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness';

let e2e: E2E;
const seen: string[] = [];
const failed = new Map<string, string>();
const finished: string[] = [];
/** Requests under way, except the event stream, which stays open for as long as the page lives. */
const pending = new Set<unknown>();

beforeAll(async () => {
  e2e = await startE2E();
  e2e.context.on('request', (r) => {
    seen.push(r.url());
    if (!r.url().endsWith('/events')) pending.add(r);
  });
  e2e.context.on('requestfailed', (r) => {
    failed.set(r.url(), r.failure()?.errorText ?? '');
    pending.delete(r);
  });
  e2e.context.on('requestfinished', (r) => {
    finished.push(r.url());
    pending.delete(r);
  });
});

/** Playwright's 'networkidle' never comes while the event stream is open: wait for 500 ms without other requests. */
async function settled(): Promise<void> {
  for (let quiet = 0; quiet < 500;) {
    await new Promise((r) => setTimeout(r, 100));
    quiet = pending.size === 0 ? quiet + 100 : 0;
  }
}
afterAll(() => e2e?.close());

describe('network guard', () => {
  it('makes requests only to the local host while visiting every screen', async () => {
    const { page } = e2e;
    await settled();
    const tabs = page.getByRole('tab');
    const count = await tabs.count();
    expect(count).toBeGreaterThan(1);
    for (let i = 0; i < count; i++) {
      await tabs.nth(i).click();
      await settled();
    }
    const local = `http://127.0.0.1:${e2e.host.port}/`;
    const all = [...new Set([...e2e.requests, ...seen])];
    expect(all.length).toBeGreaterThan(3);
    const foreign = all.filter((u) => !u.startsWith(local) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(foreign).toEqual([]);
    expect(finished.every((u) => u.startsWith(local) || u.startsWith('data:') || u.startsWith('blob:'))).toBe(true);
    // Events arrive over a fetch stream with the token in a header (no EventSource, no cookie).
    expect(all).toContain(`${local}events`);
  });

  it('blocks remote loads from the page by its Content-Security-Policy', async () => {
    const before = seen.length;
    const outcome = await e2e.page.evaluate(async () => {
      try {
        await fetch('https://example.org/tracker.js');
        return 'loaded';
      } catch {
        return 'blocked';
      }
    });
    expect(outcome).toBe('blocked');
    const img = await e2e.page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const el = document.createElement('img');
          el.onload = () => resolve('loaded');
          el.onerror = () => resolve('blocked');
          el.src = 'https://example.org/pixel.png';
          document.body.appendChild(el);
        }),
    );
    expect(img).toBe('blocked');
    // Chromium reports the attempt, then cancels it by the CSP before anything goes on the wire.
    const attempts = seen.slice(before).filter((u) => u.includes('example.org'));
    for (const u of attempts) expect(failed.get(u)).toMatch(/BLOCKED_BY_CSP|csp/i);
    expect(finished.filter((u) => u.includes('example.org'))).toEqual([]);
  });

  it('refuses a browser that has no token: the page loads, but no call, no event and no data', async () => {
    const stranger = await e2e.browser.newContext();
    const page = await stranger.newPage();
    await page.goto(`http://127.0.0.1:${e2e.host.port}/`);
    const api = await page.evaluate(async (port) => {
      const r = await fetch(`http://127.0.0.1:${port}/api/project.current`, { method: 'POST', body: '{}' });
      const ev = await fetch(`http://127.0.0.1:${port}/events`);
      return [r.status, ev.status];
    }, e2e.host.port);
    expect(api).toEqual([401, 401]);
    await page.getByRole('alert').first().waitFor();
    expect(await page.getByRole('alert').first().textContent()).toMatch(/Geen toegang/);
    expect(await page.getByTestId('dataset-picker').count()).toBe(0);
    await stranger.close();
  });

  it('keeps the token out of cookies and out of the address bar', async () => {
    expect(await e2e.context.cookies()).toEqual([]);
    expect(e2e.page.url()).not.toContain('token');
    expect(e2e.page.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });
});
