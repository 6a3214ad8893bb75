/**
 * Weighting in the browser: in the Variabelen view, weight the demo's 2025 wave to invented municipal
 * totals (a column pasted as from Excel, Dutch thousands) and age shares, look at the report and its
 * chart, save the weight, and use it in the table builder — a cell checked against the engine run on the
 * project file — then undo it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filterMask } from '../../shared/analysis/filter';
import { banner } from '../../shared/engine/banner';
import { runWeighting } from '../../shared/weighting/index';
import { loadProjectDataset, openTableOptions, startE2E, type E2E } from './harness';

let e: E2E;

/** Invented population totals (18+) of the ten municipalities, in the order of their codes 1–10. */
const TOTALS = ['37.000', '196.000', '38.000', '49.000', '31.000', '10.000', '26.000', '22.000', '51.000', '20.000'];
const AGE_SHARES = ['0,24', '0,22', '0,26', '0,28'];
const nl = (v: number, d: number) => new Intl.NumberFormat('nl-NL', { minimumFractionDigits: d, maximumFractionDigits: d }).format(v);

beforeAll(async () => {
  e = await startE2E();
  await e.page.setViewportSize({ width: 1440, height: 900 });
});

afterAll(async () => {
  await e?.close();
});

describe('weighting dialog', { timeout: 180_000 }, () => {
  it('weights the 2025 wave to municipal totals and shows the report with a chart', async () => {
    const { page } = e;
    await page.getByRole('tab', { name: 'Variabelen' }).click();
    await page.getByTestId('open-weight').click();
    const d = page.getByTestId('weight-dialog');
    await d.getByTestId('wt-add-margin').selectOption('gemeente');
    // Paste the column of totals into the first field, as copied from a Dutch Excel sheet.
    const first = d.getByLabel('Doel gemeente Eemsdelta');
    await first.focus();
    await first.evaluate(
      (el, text) => {
        const data = new DataTransfer();
        data.setData('text/plain', text);
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      },
      TOTALS.join('\r\n') + '\r\n',
    );
    await expect.poll(() => d.getByLabel('Doel gemeente Westerwolde').inputValue()).toBe('20.000');
    expect(await d.getByTestId('wt-sum-gemeente').textContent()).toBe('Som: 480.000');

    await d.getByTestId('wt-add-margin').selectOption('leeftijdsklasse');
    const ages = d.locator('fieldset[data-margin="leeftijdsklasse"] input.weight-target');
    for (let i = 0; i < AGE_SHARES.length; i++) await ages.nth(i).fill(AGE_SHARES[i]);
    await d.getByTestId('wt-total').fill('480.000');
    await d.getByTestId('wt-filter').fill('golf = 2025');
    await d.getByTestId('wt-name').fill('wgem25');
    await page.getByTestId('wt-preview').click();
    await d.getByTestId('wt-report').waitFor();
    await d.getByTestId('wt-chart').waitFor();

    // The report equals the engine's on the same data and specification.
    const ds = loadProjectDataset(e.projectPath);
    const { report } = runWeighting(ds, {
      method: 'rake',
      filter: 'golf = 2025',
      targets: {
        total: 480000,
        margins: [
          { variable: 'gemeente', targets: Object.fromEntries(TOTALS.map((t, k) => [String(k + 1), Number(t.replace('.', ''))])) },
          { variable: 'leeftijdsklasse', targets: Object.fromEntries(AGE_SHARES.map((t, k) => [String(k + 1), Number(t.replace(',', '.'))])) },
        ],
      },
    });
    const summary = (await d.getByTestId('wt-summary').textContent()) ?? '';
    expect(summary).toContain(`${nl(report.n, 0)} waarnemingen gewogen tot 480.000`);
    expect(summary).toContain(`${nl(report.excluded, 0)} zonder gewicht (buiten filter ${nl(report.excludedBy.filter, 0)}`);
    const pekela = d.locator('table[data-margin="gemeente"] tr[data-code="6"]');
    expect(await pekela.locator('[data-testid="wt-achieved"]').textContent()).toBe('10.000');
    expect(await pekela.locator('td').nth(1).textContent()).toBe(nl(report.margins[0].categories[5].sample!, 0));
    await d.getByTestId('wt-report').scrollIntoViewIfNeeded();
    await e.screenshot('60-weighting-report');
    await page.getByTestId('wt-preview').scrollIntoViewIfNeeded();
    await page.locator('.dialog-body').evaluate((el) => (el.scrollTop = 0));
    await e.screenshot('61-weighting-dialog');
  });

  it('saves the weight as a variable with role weight', async () => {
    const { page } = e;
    await page.getByTestId('wt-save').click();
    await page.locator('tr[data-var="wgem25"]').waitFor();
    expect(await page.locator('tr[data-var="wgem25"] select[aria-label="Rol wgem25"]').inputValue()).toBe('weight');
    expect(await page.locator('tr[data-var="wgem25"] .derived-badge').count()).toBe(1);
    await page.getByTestId('open-reweight').waitFor();
  });

  it('a weighted table in the table builder uses the new weight, equal to the engine', async () => {
    const { page } = e;
    await page.getByRole('tab', { name: 'Tabellen', exact: true }).click();
    await page.locator('.var-item[data-var="vertrouwen"]').click();
    await page.getByTestId('add-rows').click();
    await page.locator('.var-item[data-var="leeftijdsklasse"]').click();
    await page.getByTestId('add-cols').click();
    await openTableOptions(page);
    await page.getByTestId('tb-weight').selectOption('wgem25');
    await page.getByTestId('tb-filter').fill('golf = 2025');
    await page.getByTestId('filter-ok').waitFor();
    await expect.poll(async () => (await page.getByTestId('banner-weight').textContent()) ?? '').toContain('wgem25');
    await page.locator('[data-testid="results"][data-pending="false"] .banner').waitFor();
    await e.screenshot('62-weighted-table');

    const ds = loadProjectDataset(e.projectPath);
    expect(ds.variables.find((v) => v.name === 'wgem25')?.role).toBe('weight');
    const expected = banner(ds, {
      row: 'vertrouwen',
      columns: { total: true, items: [{ variable: 'leeftijdsklasse' }] },
      weight: { variable: 'wgem25', type: 'sampling' },
      filter: filterMask(ds, 'golf = 2025'),
      tests: { adjust: 'bonferroni', alpha: 0.05 },
    });
    let checked = 0;
    for (let ri = 0; ri < expected.rows.length && checked < 3; ri++) {
      const ci = 1 + (ri % 4);
      const text =
        (await page.locator(`td[data-row="${expected.rows[ri].code}"][data-col="${expected.columns[ci].key}"][data-stat="pct"]`).textContent()) ?? '';
      if (text === 'x' || text === '') continue;
      const want = expected.cells[ri][ci];
      expect(text).toBe(nl(want.pct as number, 1) + want.sig);
      checked++;
    }
    expect(checked).toBe(3);
  });

  it('"Weging opnieuw" reruns the recipe on the 2024 wave, first naming the codes that do not match', async () => {
    const { page } = e;
    await page.getByRole('tab', { name: 'Variabelen' }).click();
    await page.getByTestId('open-reweight').click();
    const d = page.getByTestId('weight-dialog');
    expect(await d.getByTestId('wt-recipe').locator('option').first().textContent()).toMatch(/^wgem25 — demo, \d{4}-\d{2}-\d{2}$/);
    expect(await d.getByLabel('Doel gemeente Pekela').inputValue()).toBe('10.000');
    // A wave without Westerwolde: its target has no cases any more.
    await d.getByTestId('wt-filter').fill('golf = 2024 and gemeente <> 10');
    await d.getByTestId('wt-name').fill('wgem24');
    await page.getByTestId('wt-preview').click();
    await d.getByTestId('wt-mismatches').waitFor();
    expect(await d.getByTestId('wt-mismatches').textContent()).toContain('gemeente: doel maar geen waarnemingen voor 10');
    await expect.poll(() => page.getByTestId('wt-save').isDisabled()).toBe(true);
    await e.screenshot('63-reweight-mismatch');
    await d.getByTestId('wt-filter').fill('golf = 2024');
    await page.getByTestId('wt-preview').click();
    await d.getByTestId('wt-report').waitFor();
    await page.getByTestId('wt-save').click();
    await page.locator('tr[data-var="wgem24"]').waitFor();
    const ds = loadProjectDataset(e.projectPath);
    const meta = ds.variables.find((v) => v.name === 'wgem24');
    expect(meta?.role).toBe('weight');
  });

  it('undo takes the last weight out again', async () => {
    const { page } = e;
    await page.getByRole('button', { name: 'Ongedaan maken' }).click();
    await expect.poll(() => page.locator('tr[data-var="wgem24"]').count()).toBe(0);
    expect(await page.locator('tr[data-var="wgem25"]').count()).toBe(1);
    expect(e.errors).toEqual([]);
  });
});
