/**
 * A multiple-response set in the table builder: `$isolatie` dragged into Rows, gemeente in Columns,
 * weighted — its items, "at least one" and the bases drawn from the display model, three published
 * cells equal to the engine run on the same project file, and a net with its letters beside a
 * rating question's categories.
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

describe('sets and nets in the table builder', { timeout: 180_000 }, () => {
  it('shows $isolatie by gemeente, weighted, equal to the engine', async () => {
    const { page } = e;
    await page.getByRole('tab', { name: 'Tabellen', exact: true }).click();
    await page.getByTestId('tb-search').fill('isolatie');
    const set = page.locator('.var-item[data-var="$isolatie"]');
    await expect.poll(() => set.locator('.measure-set').count()).toBe(1);
    await set.dragTo(page.getByTestId('zone-rows'));
    await page.getByTestId('tb-search').fill('gemeente');
    await page.locator('.var-item[data-var="gemeente"]').dragTo(page.getByTestId('zone-cols'));
    await openTableOptions(page);
    await page.getByTestId('tb-weight').selectOption('gewicht');
    const table = page.locator('[data-testid="results"][data-pending="false"] [data-testid="banner"][data-row-var="$isolatie"]');
    await table.waitFor();
    await expect.poll(async () => (await table.getByTestId('banner-weight').textContent()) ?? '').toContain('gewicht');
    // Published (with some cells withheld), not blocked.
    expect(await table.getByTestId('disclosure-badge').textContent()).toMatch(/onderdrukt|veilig/);
    await table.scrollIntoViewIfNeeded();
    await e.screenshot('16-mrset-table');

    const query = tableQuery.parse({ dataset: 'demo', rows: ['$isolatie'], banner: { items: [{ variable: 'gemeente' }] }, weight: { variable: 'gewicht' } });
    const mr = runTableGroup(ds, query, { ruleSet: defaultRuleSet('cbs-persons') }).tables[0].mr!;
    expect(mr.items.map((i) => i.code)).toEqual(['isolatie_dak', 'isolatie_gevel', 'isolatie_vloer', 'isolatie_glas', 'isolatie_geen']);
    let checked = 0;
    for (const [i, k] of [
      [0, 1],
      [2, 3],
      [3, 5],
      [1, 7],
      [0, 9],
    ] as [number, number][]) {
      const cell = mr.cells[i][k];
      if (cell.suppressed) continue;
      const td = table.locator(`td[data-row="${mr.items[i].code}"][data-col="${mr.columns[k].key}"][data-stat="pct"]`);
      expect(
        await td.evaluate((el) =>
          [...el.childNodes]
            .filter((n) => n.nodeType === 3 || (n as Element).tagName === 'BUTTON')
            .map((n) => n.textContent)
            .join(''),
        ),
      ).toBe(nl1(cell.pct!));
      if (++checked === 3) break;
    }
    expect(checked).toBe(3);
    // The base of a column is the respondents there with a valid answer on at least one item.
    const baseGroningen = mr.base.count[mr.columns.findIndex((c) => c.label === 'Groningen')];
    expect(await table.locator('td[data-col="gemeente=2"][data-stat="base"]').textContent()).toBe(new Intl.NumberFormat('nl-NL').format(baseGroningen!));
    expect(await table.locator('.legend-block').textContent()).toContain('Meer antwoorden mogelijk');
  });

  it('adds a net to a rating question: the sum of its categories, with its own letters', async () => {
    const { page } = e;
    await page.locator('[data-testid="zone-rows"] .chip button').first().click();
    await page.getByTestId('tb-search').fill('leefbaarheid');
    await page.locator('.var-item[data-var="leefbaarheid"]').click();
    await page.getByTestId('add-rows').click();
    await openTableOptions(page);
    await page.getByTestId('tb-net-label').fill('Voldoende (6 of hoger)');
    await page.getByTestId('tb-net-codes').fill('6, 7, 8, 9, 10');
    await page.getByTestId('tb-net-add').click();
    const table = page.locator('[data-testid="results"][data-pending="false"] [data-testid="banner"][data-row-var="leefbaarheid"]');
    await table.waitFor();
    const net = table.locator('td[data-row="net:1"][data-col="total"][data-stat="pct"]');
    await net.waitFor();
    const query = tableQuery.parse({
      dataset: 'demo',
      rows: ['leefbaarheid'],
      banner: { items: [{ variable: 'gemeente' }] },
      weight: { variable: 'gewicht' },
      nets: [{ label: 'Voldoende (6 of hoger)', codes: [6, 7, 8, 9, 10] }],
    });
    const result = runTableGroup(ds, query, { ruleSet: defaultRuleSet('cbs-persons') }).tables[0].result!;
    const row = result.rows.findIndex((r) => r.code === 'net:1');
    const members = result.rows.flatMap((r, i) => ([6, 7, 8, 9, 10].includes(Number(r.code)) ? [i] : []));
    const sumOfMembers = members.reduce((s, i) => s + (result.cells[i][0].weighted ?? 0), 0);
    expect(result.cells[row][0].weighted).toBeCloseTo(sumOfMembers, 9);
    expect(((await net.textContent()) ?? '').replace(/[A-Z]+$/, '')).toBe(nl1(result.cells[row][0].pct!));
    expect(await table.locator('th', { hasText: 'Voldoende (6 of hoger)' }).count()).toBe(1);
    await e.screenshot('17-net-row');
  });

  it('logged no errors or warnings', () => {
    expect(e.errors).toEqual([]);
  });
});
