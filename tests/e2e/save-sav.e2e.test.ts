/**
 * "Opslaan als SPSS…" in the Variabelen view: the demo dataset written to a .sav in a folder browsed to
 * in the host's file browser (no path ever sent by the page), read back with Duiding's reader and
 * compared with the project's dataset — rows, every variable's name, label and value labels, the
 * multiple-response set — and the write is in the project's audit log.
 */
import { mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSav } from '../../electron/import/sav/index';
import { ProjectStore } from '../../electron/store/project-store';
import { loadProjectDataset, startE2E, type E2E } from './harness';

let e: E2E;

beforeAll(async () => {
  e = await startE2E();
  await e.page.setViewportSize({ width: 1440, height: 900 });
});

afterAll(async () => {
  await e?.close();
});

describe('save as SPSS', { timeout: 120_000 }, () => {
  it('writes the dataset with its metadata to the chosen folder, audited', async () => {
    const { page } = e;
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'duiding-sav-e2e-')));
    await page.getByRole('tab', { name: 'Variabelen' }).click();
    await page.getByTestId('open-save-sav').click();
    const target = page.getByTestId('bk-target');
    await target.getByTestId('import-path').fill(dir);
    await target.getByTestId('import-path').press('Enter');
    await expect.poll(() => target.getByTestId('import-path').inputValue()).toBe(dir);
    await page.getByTestId('bk-file-name').fill('burgerpanel');
    await expect.poll(async () => (await page.getByTestId('bk-target-path').textContent()) ?? '').toContain(join(dir, 'burgerpanel.sav'));
    await e.screenshot('62-save-sav');
    await page.getByTestId('sv-save').click();
    const out = join(dir, 'burgerpanel.sav');
    await page.getByText(`${out} geschreven`).waitFor();

    const project = loadProjectDataset(e.projectPath);
    const back = await readSav(out);
    expect(back.rows).toBe(project.rows);
    expect(back.variables.map((v) => [v.name, v.label])).toEqual(project.variables.map((v) => [v.name, v.label]));
    const gemeente = (ds: typeof project) => ds.variables.find((v) => v.name === 'gemeente')!.valueLabels;
    expect(gemeente(back)).toEqual(gemeente(project));
    expect(back.mrSets.map((s) => [s.name, s.variables])).toEqual(project.mrSets.map((s) => [s.name, s.variables]));
    const store = ProjectStore.open(e.projectPath);
    try {
      expect(store.auditEntries().some((a) => a.action === 'dataset.saveSav' && JSON.stringify(a.detail).includes('burgerpanel.sav'))).toBe(true);
    } finally {
      store.close();
    }
  });
});
