/**
 * Opening a project whose file is empty (left by an interrupted create of an older version): the app
 * asks before replacing it, and only then makes a new project there. Also the audit dialog's chain line.
 */
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
  await e.page.setViewportSize({ width: 1440, height: 900 });
});
afterAll(() => e?.close());

describe('project dialog', () => {
  it('asks before replacing an empty project file, and opens the new project', async () => {
    const { page } = e;
    const path = join(e.dir, 'onderzoek.duiding');
    writeFileSync(path, '');
    await page.getByTestId('project-dialog').click();
    await page.getByTestId('project-path').fill(path);
    await page.getByTestId('project-open').click();
    await page.getByTestId('project-empty-question').waitFor();
    expect(await page.getByTestId('project-empty-question').textContent()).toMatch(/onderzoek\.duiding is een leeg bestand/);
    await e.screenshot('60-project-empty-question');
    // Cancel keeps the file as it is.
    await page.getByTestId('project-keep-empty').click();
    expect(statSync(path).size).toBe(0);
    await page.getByTestId('project-open').click();
    await page.getByTestId('project-replace-empty').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="project-name"]')?.textContent === 'onderzoek');
    expect(statSync(path).size).toBeGreaterThan(0);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('shows the audit log with its hash chain intact', async () => {
    const { page } = e;
    await page.getByRole('button', { name: 'Logboek' }).click();
    await page.getByTestId('audit-chain').waitFor();
    expect(await page.getByTestId('audit-chain').textContent()).toMatch(/^Hash-keten intact · regels: \d+ · kop [0-9a-f]{64}$/);
    await e.screenshot('61-audit-chain');
  });
});
