/**
 * A window left open on a stopped host says so (when `npm start` cannot close it, e.g. the URL was
 * opened in the user's own browser), in the UI's language, and nothing else on the page pretends to work.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.browser.close().catch(() => undefined);
  if (e2e) rmSync(e2e.dir, { recursive: true, force: true });
});

describe('host stopped', () => {
  it('shows a bar saying the workbench stopped once the host is gone', async () => {
    const { page } = e2e;
    await page.getByTestId('project-name').filter({ hasText: 'demo' }).waitFor();
    // The page is connected to the host's event stream (the bar is not there while it answers).
    await page.getByTestId('dataset-picker').waitFor();
    expect(await page.getByTestId('host-stopped').count()).toBe(0);

    await e2e.host.close();
    const bar = page.getByTestId('host-stopped');
    await bar.waitFor({ timeout: 15_000 });
    expect(await bar.textContent()).toContain('De werkbank is gestopt');
    expect(await bar.getAttribute('role')).toBe('alert');
    await e2e.screenshot('host-stopped');
  });
});
