/**
 * Importing from the UI in the browser host: browse the disk with the server-side file browser, preview
 * a Dutch CSV (Windows-1252, semicolons, decimal comma), import it and see its rows in the data grid; a
 * ragged CSV and a damaged .sav show where they are broken and leave the project as it was.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../electron/import/csv/index';
import { ProjectStore } from '../../electron/store/project-store';
import { startE2E, type E2E } from './harness';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'csv');
let e: E2E;
let data: string;

beforeAll(async () => {
  e = await startE2E();
  data = join(e.dir, 'gegevens');
  mkdirSync(join(data, 'archief'), { recursive: true });
  copyFileSync(join(FIXTURES, 'dutch-1252.csv'), join(data, 'peiling.csv'));
  copyFileSync(join(FIXTURES, 'ragged.csv'), join(data, 'ragged.csv'));
  // A system-file header followed by nonsense where the dictionary records should start.
  writeFileSync(join(data, 'kapot.sav'), Buffer.from('$FL2@(#) IBM SPSS STATISTICS 64-bit' + 'x'.repeat(200)));
  writeFileSync(join(data, 'notities.pdf'), 'not a data file');
});

afterAll(async () => {
  await e?.close();
});

async function datasetNames(): Promise<string[]> {
  return e.page.getByTestId('dataset-picker').locator('option').allTextContents();
}

async function openDialogAt(dir: string): Promise<void> {
  const { page } = e;
  await page.getByTestId('import-open').click();
  await page.getByTestId('import-dialog').waitFor();
  await page.getByTestId('import-path').fill(dir);
  await page.getByTestId('import-path').press('Enter');
}

describe('import dialog', { timeout: 180_000 }, () => {
  it('browses to a folder with the keyboard and lists only folders and data files', async () => {
    const { page } = e;
    await page.getByTestId('project-name').filter({ hasText: 'demo' }).waitFor();
    await openDialogAt(e.dir);
    const gegevens = page.locator('[data-testid="import-files"] button[data-name="gegevens"]');
    await gegevens.focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="import-files"] button[data-name="peiling.csv"]').waitFor();
    const names = await page.locator('[data-testid="import-files"] button').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-name')));
    expect(names).toEqual(['archief', 'kapot.sav', 'peiling.csv', 'ragged.csv']);
    expect(await page.getByTestId('import-path').inputValue()).toMatch(/gegevens$/);
    // Focus follows into the opened folder: arrows move on, Backspace goes back up.
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-name'))).toBe('kapot.sav');
    await page.keyboard.press('Backspace');
    await page.locator('[data-testid="import-files"] button[data-name="gegevens"]').waitFor();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="import-files"] button[data-name="peiling.csv"]').waitFor();
    await e.screenshot('50-import-browse');
  });

  it('previews a Dutch CSV with its detected settings, imports it and shows it in the data grid', async () => {
    const { page } = e;
    await page.locator('[data-testid="import-files"] button[data-name="peiling.csv"]').click();
    await page.getByTestId('import-preview-rows').waitFor();
    expect(await page.getByTestId('import-opt-encoding').inputValue()).toBe('windows-1252');
    expect(await page.getByTestId('import-opt-delimiter').inputValue()).toBe(';');
    expect(await page.getByTestId('import-opt-decimal').inputValue()).toBe(',');
    expect(await page.getByTestId('import-opt-header').isChecked()).toBe(true);
    expect(await page.getByTestId('import-preview-rows').textContent()).toContain('Utrecht');
    expect(await page.getByTestId('import-name').inputValue()).toBe('peiling');
    await e.screenshot('51-import-preview');

    const expected = await readCsv(join(data, 'peiling.csv'));
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-dialog').waitFor({ state: 'detached' });
    await page.waitForFunction(() => (document.querySelector('[data-testid="dataset-picker"]') as HTMLSelectElement | null)?.value === 'peiling');
    const city = expected.variables[1].name;
    const cell = page.locator(`.ag-row[row-index="0"] .ag-cell[col-id="${city}"]`);
    await cell.waitFor();
    await page.waitForFunction((sel) => !!document.querySelector(sel)?.textContent, `.ag-row[row-index="0"] .ag-cell[col-id="${city}"]`);
    expect((await cell.textContent())?.trim()).toBe('Utrecht');
    // The birth date is stored as SPSS seconds and shown as a Dutch date.
    const born = page.locator(`.ag-row[row-index="0"] .ag-cell[col-id="${expected.variables[4].name}"]`);
    expect((await born.textContent())?.trim()).toBe('03-02-1990');
    expect(await page.locator('.ag-row').count()).toBeGreaterThanOrEqual(expected.rows);
    expect(await datasetNames()).toContain('peiling');
    await e.screenshot('52-imported-grid');
  });

  it('shows where a ragged CSV breaks and leaves the project unchanged', async () => {
    const { page } = e;
    const before = await datasetNames();
    await openDialogAt(data);
    await page.locator('[data-testid="import-files"] button[data-name="ragged.csv"]').click();
    await page.getByTestId('import-preview-rows').waitFor();
    await page.getByTestId('import-run').click();
    const err = page.getByTestId('import-error');
    await err.waitFor();
    expect(await err.textContent()).toMatch(/line 4/);
    expect(await page.getByTestId('import-dialog').isVisible()).toBe(true);
    expect(await datasetNames()).toEqual(before);
    await e.screenshot('53-import-ragged');
  });

  it('shows the byte offset of a damaged SPSS file at preview', async () => {
    const { page } = e;
    await page.getByRole('button', { name: 'Ander bestand' }).click();
    await page.locator('[data-testid="import-files"] button[data-name="kapot.sav"]').click();
    const err = page.getByTestId('import-error');
    await err.waitFor();
    expect(await err.textContent()).toMatch(/byte 64/);
    expect(await page.getByTestId('import-run').isDisabled()).toBe(true);
    await e.screenshot('54-import-damaged-sav');
    await page.keyboard.press('Escape');
    await page.getByTestId('import-dialog').waitFor({ state: 'detached' });
    expect(e.errors.filter((m) => !/status of 422/.test(m))).toEqual([]);
  });

  it('lets the user change the detected settings; the preview and the import follow them', async () => {
    const { page } = e;
    await openDialogAt(data);
    await page.locator('[data-testid="import-files"] button[data-name="peiling.csv"]').click();
    await page.getByTestId('import-settings').waitFor();
    const income = page.getByTestId('import-preview-rows').locator('th').nth(3);
    expect(await income.textContent()).toContain('numeric');
    // Strict UTF-8 refuses the Windows-1252 euro sign; going back to the detected encoding recovers.
    await page.getByTestId('import-opt-encoding').selectOption('utf-8');
    await page.getByTestId('import-error').waitFor();
    expect(await page.getByTestId('import-run').isDisabled()).toBe(true);
    await page.getByTestId('import-opt-encoding').selectOption('windows-1252');
    await page.getByTestId('import-error').waitFor({ state: 'detached' });
    // With a decimal point, "2500,50" is no number: the column is read as text.
    await page.getByTestId('import-opt-decimal').selectOption('.');
    await expect.poll(async () => (await income.textContent()) ?? '').toContain('string');
    await e.screenshot('55-import-settings');
    await page.getByTestId('import-name').fill('peiling_tekst');
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-dialog').waitFor({ state: 'detached' });
    await page.waitForFunction(() => (document.querySelector('[data-testid="dataset-picker"]') as HTMLSelectElement | null)?.value === 'peiling_tekst');
    const store = ProjectStore.open(e.projectPath);
    try {
      const ds = store.loadDataset('peiling_tekst');
      expect(ds.variables[3].type).toBe('string');
      expect(store.loadDataset('peiling').variables[3].type).toBe('numeric');
    } finally {
      store.close();
    }
  });
});
