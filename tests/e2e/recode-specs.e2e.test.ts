/**
 * Data preparation and saved tables in the browser: recode age into three groups, use it as banner,
 * save the table in the project, reload with a clean tab, reopen it and rerun it on wave 2024.
 * Expected bases are counted straight from the raw columns, independent of the recode code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUserMissing, numericAt, type Dataset, type NumericColumn } from '../../shared/model/dataset';
import { loadProjectDataset, openTableOptions, startE2E, type E2E } from './harness';

let e: E2E;
let ds: Dataset;
const nl0 = (v: number) => new Intl.NumberFormat('nl-NL').format(v);

beforeAll(async () => {
  e = await startE2E();
  ds = loadProjectDataset(e.projectPath);
});

afterAll(async () => {
  await e?.close();
});

/** Unweighted cases with a valid leefbaarheid and leeftijd in [lo, hi], optionally in one wave. */
function count(lo: number, hi: number, wave?: number): number {
  const col = (name: string) => {
    const k = ds.variables.findIndex((v) => v.name === name);
    return { meta: ds.variables[k], col: ds.columns[k] as NumericColumn };
  };
  const q = col('leefbaarheid');
  const age = col('leeftijd');
  const golf = col('golf');
  let n = 0;
  for (let i = 0; i < ds.rows; i++) {
    const v = numericAt(q.col, i);
    const a = numericAt(age.col, i);
    if (Number.isNaN(v) || isUserMissing(q.meta.missing, v)) continue;
    if (Number.isNaN(a) || isUserMissing(age.meta.missing, a) || a < lo || a > hi) continue;
    if (wave !== undefined && numericAt(golf.col, i) !== wave) continue;
    n++;
  }
  return n;
}

const GROUPS: [string, number, number][] = [
  ['18-34', 18, 34],
  ['35-64', 35, 64],
  ['65+', 65, Infinity],
];

describe('recode and saved tables', { timeout: 120_000 }, () => {
  it('recodes leeftijd into three groups in the variable view', async () => {
    const { page } = e;
    await page.getByRole('tab', { name: 'Variabelen' }).click();
    await page.getByTestId('open-recode').click();
    const d = page.locator('dialog[open]');
    await d.getByTestId('rc-source').selectOption('leeftijd');
    await d.getByTestId('rc-target').fill('lft3');
    await d.getByTestId('rc-label').fill('Leeftijd in drie groepen');
    for (let i = 0; i < GROUPS.length; i++) {
      if (i > 0) await d.getByTestId('rc-add').click();
      const [label, lo, hi] = GROUPS[i];
      await d.getByLabel(`van ${i + 1}`, { exact: true }).fill(String(lo));
      if (Number.isFinite(hi)) await d.getByLabel(`t/m ${i + 1}`, { exact: true }).fill(String(hi));
      await d.getByLabel(`nieuwe code ${i + 1}`).fill(String(i + 1));
      await d.getByLabel(`label ${i + 1}`).fill(label);
    }
    await e.screenshot('30-recode-dialog');
    await d.getByTestId('rc-save').click();
    await page.locator('tr[data-var="lft3"] .derived-badge').waitFor();
  });

  it('uses the recoded variable as banner, with bases equal to counts from the raw data', async () => {
    const { page } = e;
    await page.getByRole('tab', { name: 'Tabellen', exact: true }).click();
    await page.locator('.var-item[data-var="leefbaarheid"]').click();
    await page.getByTestId('add-rows').click();
    await page.locator('.var-item[data-var="lft3"]').click();
    await page.getByTestId('add-cols').click();
    await page.locator('[data-testid="results"][data-pending="false"] .banner').waitFor();
    for (let i = 0; i < GROUPS.length; i++) {
      const [label, lo, hi] = GROUPS[i];
      await expect.poll(async () => (await page.locator('.banner-table thead').textContent()) ?? '').toContain(label);
      expect(await page.locator(`td[data-stat="base"][data-col="lft3=${i + 1}"]`).textContent()).toBe(nl0(count(lo, hi)));
    }
    await page.getByTestId('sp-name').fill('Leefbaarheid naar leeftijd');
    await page.getByTestId('sp-save').click();
    await page.getByTestId('notice').filter({ hasText: 'opgeslagen' }).waitFor();
    await e.screenshot('31-recoded-banner');
  });

  it('reopens the saved table after a reload and reruns it on wave 2024', async () => {
    const { page } = e;
    // A clean tab: only the token survives, so the table must come from the project file.
    await page.evaluate(() => {
      for (const k of Object.keys(sessionStorage)) if (k !== 'duiding.token') sessionStorage.removeItem(k);
    });
    await page.reload();
    await page.getByRole('tab', { name: 'Tabellen', exact: true }).click();
    expect(await page.locator('.banner').count()).toBe(0);
    await page.getByTestId('sp-open').click();
    await page.locator('dialog[open] tr[data-spec="Leefbaarheid naar leeftijd"]').getByRole('button', { name: 'Openen' }).click();
    await openTableOptions(page);
    await page.getByTestId('tb-filter').fill('golf = 2024');
    await page.getByTestId('filter-ok').waitFor();
    await expect.poll(async () => page.locator('td[data-stat="base"][data-col="lft3=1"]').textContent()).toBe(nl0(count(18, 34, 2024)));
    for (let i = 1; i < GROUPS.length; i++) {
      const [, lo, hi] = GROUPS[i];
      expect(await page.locator(`td[data-stat="base"][data-col="lft3=${i + 1}"]`).textContent()).toBe(nl0(count(lo, hi, 2024)));
    }
    await e.screenshot('32-saved-table-wave-2024');
  });
});

describe('keyboard', { timeout: 120_000 }, () => {
  it('adds variables to rows and columns without a mouse', async () => {
    const { page } = e;
    await page.getByTestId('tb-search').focus();
    await page.keyboard.type('geslacht');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByTestId('zone-rows').locator('.chip[data-chip="geslacht"]').waitFor();
    // Tab on to "add to rows", then "add to columns", and press it.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('add-cols');
    await page.keyboard.press('Enter');
    await page.getByTestId('zone-cols').locator('.chip[data-chip="geslacht"]').waitFor();
    await e.screenshot('33-keyboard');
  });

  it('logged no console errors or warnings', () => {
    expect(e.errors).toEqual([]);
  });
});
