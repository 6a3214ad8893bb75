/**
 * A multiple-response set in the table builder's Columns: leefbaarheid in Rows, gemeente and
 * `$isolatie` in Columns, weighted — the set's label heads its item columns (no letters there), the
 * nest button is not offered for a set, and three published set-column cells equal the engine run on
 * the same project file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTableGroup } from '../../shared/analysis/table-group';
import { defaultRuleSet } from '../../shared/disclosure/rules';
import type { Dataset } from '../../shared/model/dataset';
import { tableQuery } from '../../shared/query/table-query';
import { loadProjectDataset, openTableOptions, startE2E, type E2E } from './harness';

let e: E2E;
let ds: Dataset;

const nl1 = (v: number) => new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);

beforeAll(async () => {
  e = await startE2E();
  ds = loadProjectDataset(e.projectPath);
});

afterAll(async () => {
  await e?.close();
});

describe('a set in the columns of the table builder', { timeout: 180_000 }, () => {
  it('shows leefbaarheid by gemeente and $isolatie, weighted, equal to the engine', async () => {
    const { page } = e;
    await page.getByRole('tab', { name: 'Tabellen', exact: true }).click();
    await page.getByTestId('tb-search').fill('leefbaarheid');
    await page.locator('.var-item[data-var="leefbaarheid"]').dragTo(page.getByTestId('zone-rows'));
    await page.getByTestId('tb-search').fill('gemeente');
    await page.locator('.var-item[data-var="gemeente"]').dragTo(page.getByTestId('zone-cols'));
    await page.getByTestId('tb-search').fill('isolatie');
    const set = page.locator('.var-item[data-var="$isolatie"]');
    await set.click();
    // A selected set offers no "nest under gemeente" button: sets stand beside, never inside a nest.
    expect(await page.locator('[data-testid="zone-cols"] .chip-nest').count()).toBe(0);
    await page.getByTestId('add-cols').click();
    await openTableOptions(page);
    await page.getByTestId('tb-weight').selectOption('gewicht');
    const table = page.locator('[data-testid="results"][data-pending="false"] [data-testid="banner"][data-row-var="leefbaarheid"]');
    await table.waitFor();
    await expect.poll(async () => (await table.getByTestId('banner-weight').textContent()) ?? '').toContain('gewicht');
    expect(await table.locator('th', { hasText: 'Genomen isolatiemaatregelen' }).count()).toBe(1);
    expect(await table.textContent()).toContain('Genomen isolatiemaatregelen: meer antwoorden mogelijk');
    // Fold the options, bring the table up and scroll it to its set columns for the screenshot.
    await page.getByTestId('tb-options').locator('summary').click();
    await table.evaluate((el) => {
      for (let n = el.querySelector('table')?.parentElement ?? null; n && n !== el.parentElement; n = n.parentElement) n.scrollLeft = n.scrollWidth;
      el.scrollIntoView({ block: 'start' });
    });
    await e.screenshot('18-set-columns');

    const query = tableQuery.parse({
      dataset: 'demo',
      rows: ['leefbaarheid'],
      banner: { items: [{ variable: 'gemeente' }, { variable: '$isolatie' }] },
      weight: { variable: 'gewicht' },
    });
    const result = runTableGroup(ds, query, { ruleSet: defaultRuleSet('cbs-persons') }).tables[0].result!;
    const setCols = result.sets![0].columns;
    expect(setCols.map((k) => result.columns[k].key)).toEqual([
      '$isolatie=isolatie_dak',
      '$isolatie=isolatie_gevel',
      '$isolatie=isolatie_vloer',
      '$isolatie=isolatie_glas',
      '$isolatie=isolatie_geen',
    ]);
    let checked = 0;
    for (const [i, j] of [
      [5, 0],
      [6, 3],
      [7, 1],
      [4, 2],
      [8, 4],
    ] as [number, number][]) {
      const k = setCols[j];
      const cell = result.cells[i][k];
      if (cell.suppressed || cell.pct === null) continue;
      const td = table.locator(`td[data-row="${result.rows[i].code}"][data-col="${result.columns[k].key}"][data-stat="pct"]`);
      expect(await td.textContent()).toBe(nl1(cell.pct));
      if (++checked === 3) break;
    }
    expect(checked).toBe(3);
  });

  it('logged no errors or warnings', () => {
    expect(e.errors).toEqual([]);
  });
});
