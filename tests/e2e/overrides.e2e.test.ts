/**
 * Releasing a suppressed cell in the browser: gemeente × leeftijdsklasse in wave 2025, where Pekela
 * 18–34 is withheld. Keyboard only: open the release dialog from the cell, type a reason (the button
 * stays disabled below 10 characters), release; the cell then shows its count with the † mark and
 * the legend gives the reason; the project's audit log holds the release with the table spec.
 * The expected count is tallied straight from the raw columns.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { numericAt, type Dataset, type NumericColumn } from '../../shared/model/dataset';
import { loadProjectDataset, openTableOptions, startE2E, type E2E } from './harness';

let e: E2E;
let ds: Dataset;

beforeAll(async () => {
  e = await startE2E();
  ds = loadProjectDataset(e.projectPath);
});

afterAll(async () => {
  await e?.close();
});

function rawCount(gemeente: number, klasse: number, golf: number): number {
  const col = (name: string) => ds.columns[ds.variables.findIndex((v) => v.name === name)] as NumericColumn;
  const [g, k, w] = [col('gemeente'), col('leeftijdsklasse'), col('golf')];
  let n = 0;
  for (let i = 0; i < ds.rows; i++) if (numericAt(g, i) === gemeente && numericAt(k, i) === klasse && numericAt(w, i) === golf) n++;
  return n;
}

const REASON = 'Afgestemd met de CBS-outputcontrole, mail van 24 november';

describe('overrides in the table builder', { timeout: 120_000 }, () => {
  it('releases Pekela 18–34 (wave 2025) by keyboard, marks it and logs it', async () => {
    const { page } = e;
    const expected = rawCount(6, 1, 2025);
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(10);

    await page.getByRole('tab', { name: 'Tabellen', exact: true }).click();
    await page.getByTestId('tb-search').fill('gemeente');
    await page.locator('.var-item[data-var="gemeente"]').click();
    await page.getByTestId('add-rows').click();
    await page.getByTestId('tb-search').fill('leeftijdsklasse');
    await page.locator('.var-item[data-var="leeftijdsklasse"]').click();
    await page.getByTestId('add-cols').click();
    await page.getByTestId('tb-search').fill('');
    await openTableOptions(page);
    await page.getByTestId('stat-counts').check();
    await page.getByTestId('tb-filter').fill('golf = 2025');
    await page.getByTestId('filter-ok').waitFor();

    const cell = page.locator('td[data-row="6"][data-col="leeftijdsklasse=1"][data-stat="count"]');
    await expect.poll(async () => (await cell.textContent()) ?? '').toBe('x');
    const secondaries = await page.locator('td.suppressed[data-stat="count"]').count();
    expect(secondaries).toBeGreaterThan(1);

    // From the withheld cell, by keyboard.
    const release = page.locator('td[data-row="6"][data-col="leeftijdsklasse=1"] button.cell-release');
    await release.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('override-dialog');
    await dialog.waitFor();
    expect(await dialog.locator('input[type="checkbox"][data-row="6"][data-col="leeftijdsklasse=1"]').isChecked()).toBe(true);
    expect(await dialog.textContent()).toContain('logboek');
    const submit = page.getByTestId('override-submit');
    await page.getByTestId('override-reason').focus();
    await page.keyboard.type('te kort');
    expect(await submit.isDisabled()).toBe(true);
    await page.getByTestId('override-reason').fill(REASON);
    expect(await submit.isDisabled()).toBe(false);
    await e.screenshot('40-override-dialog');
    await submit.focus();
    await page.keyboard.press('Enter');

    await expect.poll(async () => (await cell.getAttribute('data-overridden')) ?? '').toBe('true');
    expect(await cell.textContent()).toBe(`${expected}†`);
    // Its former partners are published again: nothing in the table is withheld any more.
    await expect.poll(() => page.locator('td.suppressed[data-stat="count"]').count()).toBe(0);
    expect(await page.getByTestId('override-legend').textContent()).toContain(REASON);
    expect(await page.getByTestId('disclosure-badge').first().textContent()).toContain('1 vrijgegeven');
    // The rules' reasons under the table are Dutch: the release and the small cells it concerns.
    const reasons = (await page.getByTestId('rule-reasons').first().textContent()) ?? '';
    expect(reasons).toContain(`1 cel vrijgegeven op`);
    expect(reasons).not.toMatch(/cell\(s\)|suppressed|released by override|based on fewer/);
    await e.screenshot('41-override-marked');

    // The audit log in the project file: the release with the table specification and the reason.
    const db = new Database(e.projectPath, { readonly: true, fileMustExist: true });
    try {
      const rows = db.prepare("SELECT detail FROM audit WHERE action = 'rules.override.add'").all() as { detail: string }[];
      expect(rows).toHaveLength(1);
      const detail = JSON.parse(rows[0].detail);
      expect(detail).toMatchObject({
        reason: REASON,
        tableSpec: {
          dataset: 'demo',
          row: 'gemeente',
          columns: { total: true, items: [{ variable: 'leeftijdsklasse' }] },
          filter: 'golf = 2025',
          weight: null,
        },
        cells: [{ row: 6, col: 'leeftijdsklasse=1', rowLabel: 'Pekela', count: expected }],
      });
    } finally {
      db.close();
    }
    expect(e.errors).toEqual([]);
  });

  it('lists the release for the table and withdraws it again, logged', async () => {
    const { page } = e;
    await page.getByTestId('override-open').first().click();
    const list = page.getByTestId('override-list');
    await list.waitFor();
    expect(await list.textContent()).toContain(REASON);
    await list.getByTestId('override-remove').first().click();
    await page.getByTestId('notice').filter({ hasText: 'ingetrokken' }).waitFor();
    await page.keyboard.press('Escape');
    const cell = page.locator('td[data-row="6"][data-col="leeftijdsklasse=1"][data-stat="count"]');
    await expect.poll(async () => (await cell.textContent()) ?? '').toBe('x');
    expect(await cell.getAttribute('data-overridden')).toBeNull();
    const db = new Database(e.projectPath, { readonly: true, fileMustExist: true });
    try {
      const removed = db.prepare("SELECT detail FROM audit WHERE action = 'rules.override.remove'").all() as { detail: string }[];
      expect(removed.map((r) => JSON.parse(r.detail).reason)).toEqual([REASON]);
      expect(db.prepare('SELECT count(*) AS n FROM overrides').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
    expect(e.errors).toEqual([]);
  });
});
