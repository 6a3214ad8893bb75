/**
 * Data and variable views against the real browser host: the demo project opens, the grid pages to
 * row 6,000, labels toggle, and a label edit survives a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProjectDataset, startE2E, type E2E } from './harness';
import { rowPage } from '../../electron/handlers/rows';

let e: E2E;

beforeAll(async () => {
  e = await startE2E();
});

afterAll(async () => {
  await e?.close();
});

/** What the backend itself says row `index` holds, read from the project file, not through the UI. */
function expectedCell(projectPath: string, index: number, variable: string, labels: boolean): string | number | null {
  const page = rowPage(loadProjectDataset(projectPath), index, 1, labels);
  return page.values[0][page.columns.indexOf(variable)];
}

describe('data view', { timeout: 120_000 }, () => {
  it('opens the demo project on a fresh start', async () => {
    const { page } = e;
    await page.getByTestId('project-name').filter({ hasText: 'demo' }).waitFor();
    await page.locator('.ag-header-cell[col-id="gemeente"]').waitFor();
    await page.locator('.ag-row[row-index="0"] .ag-cell[col-id="respnr"]').waitFor();
    await e.screenshot('01-data-view');
    expect(await page.locator('.ag-header-cell[col-id="gemeente"] .var-header-label').textContent()).not.toBe('');
  });

  it('scrolls to row 6,000 and reads a cell', async () => {
    const { page } = e;
    const rowHeight = 28;
    // Scroll the way a user's wheel does: move the grid's vertical scroller to row 6,000.
    await page.getByTestId('data-grid').evaluate((grid, y) => {
      const scrollers = [...grid.querySelectorAll<HTMLElement>('*')].filter(
        (el) => el.scrollHeight > el.clientHeight + 1000 && getComputedStyle(el).overflowY !== 'hidden',
      );
      for (const el of scrollers) el.scrollTop = y;
    }, 5999 * rowHeight);
    const cell = page.locator('.ag-row[row-index="5999"] .ag-cell[col-id="respnr"]');
    await cell.waitFor();
    await page.waitForFunction(() => {
      const c = document.querySelector('.ag-row[row-index="5999"] .ag-cell[col-id="respnr"]');
      return !!c && c.textContent !== '';
    });
    const shown = (await cell.textContent())?.trim();
    expect(shown).toBe(String(expectedCell(e.projectPath, 5999, 'respnr', false)));
    expect(await page.locator('.ag-row[row-index="5999"] .ag-cell[col-id="__row"]').textContent()).toBe('6000');
    await e.screenshot('02-data-row-6000');
  });

  it('toggles between codes and value labels', async () => {
    const { page } = e;
    const cell = page.locator('.ag-row[row-index="5999"] .ag-cell[col-id="gemeente"]');
    const code = expectedCell(e.projectPath, 5999, 'gemeente', false);
    const label = expectedCell(e.projectPath, 5999, 'gemeente', true);
    expect(typeof label).toBe('string');
    expect(label).not.toBe(String(code));
    await expect.poll(async () => (await cell.textContent())?.trim()).toBe(String(code));
    await page.getByTestId('toggle-labels').check();
    await expect.poll(async () => (await cell.textContent())?.trim()).toBe(label);
    await e.screenshot('03-data-labels');
    await page.getByTestId('toggle-labels').uncheck();
    await expect.poll(async () => (await cell.textContent())?.trim()).toBe(String(code));
  });
});

describe('variable view', { timeout: 120_000 }, () => {
  it('edits a variable label that survives a reload, and undo restores it', async () => {
    const { page } = e;
    await page.getByRole('tab', { name: 'Variabelen' }).click();
    const input = page.getByTestId('label-leefbaarheid');
    await input.waitFor();
    const before = await input.inputValue();
    await input.fill('Leefbaarheid van de buurt (rapportcijfer)');
    await input.press('Enter');
    await page.getByTestId('notice').filter({ hasText: 'leefbaarheid' }).waitFor();
    await e.screenshot('04-variable-view');
    await page.reload();
    await page.getByTestId('label-leefbaarheid').waitFor();
    expect(await page.getByTestId('label-leefbaarheid').inputValue()).toBe('Leefbaarheid van de buurt (rapportcijfer)');
    // Ctrl+Z outside a text field undoes the edit.
    await page.locator('body').click({ position: { x: 5, y: 880 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('label-leefbaarheid').inputValue()).toBe(before);
  });

  it('edits value labels and missing values in their dialogs', async () => {
    const { page } = e;
    const row = page.locator('tr[data-var="leefbaarheid"]');
    await row.getByRole('button', { name: /Ontbrekende waarden/ }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.getByLabel('Losse waarden (maximaal 3) 2').fill('98');
    await e.screenshot('05-missing-dialog');
    await dialog.getByTestId('mv-save').click();
    await expect.poll(async () => (await row.getByRole('button', { name: /Ontbrekende waarden/ }).textContent()) ?? '').toContain('98');
  });
});

describe('console', () => {
  it('logged no errors while paging, toggling and editing', () => {
    expect(e.errors).toEqual([]);
  });
});
