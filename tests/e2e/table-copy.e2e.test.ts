/**
 * The screen table, its copy for Word and its CSV hold the same numbers: one table (leefbaarheid by
 * gemeente, weighted, letters) with several statistics per category — column %, row %, counts, weighted
 * counts — plus the mean, the bases and the effective base. Every number on screen is read from the
 * cells, the clipboard's tab-separated text and the saved CSV are parsed, and the three must agree
 * cell for cell, symbols included.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from './harness';

let e: E2E;

beforeAll(async () => {
  e = await startE2E();
  await e.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(e.host.url).origin });
});

afterAll(async () => {
  await e?.close();
});

/** The body rows of the first table as text cells: label, statistic, then one cell per column (letters stripped). */
async function screenRows(): Promise<string[][]> {
  return e.page
    .locator('[data-testid="banner"]')
    .first()
    .locator('tbody tr')
    .evaluateAll((trs) => {
      let label = '';
      return trs.map((tr) => {
        const th = tr.querySelector('th');
        if (th && th.getAttribute('rowspan') !== null) label = th.textContent ?? '';
        else if (th) label = th.textContent ?? '';
        const stat = tr.querySelector('td.stat-label')?.textContent ?? '';
        const cells = [...tr.querySelectorAll('td.num')].map((td) => {
          const clone = td.cloneNode(true) as HTMLElement;
          clone.querySelectorAll('sup').forEach((s) => s.remove());
          return clone.textContent ?? '';
        });
        return [label, stat, ...cells];
      });
    });
}

/**
 * The body rows of a text grid (CSV or TSV) with the statistic column: the rows between the header
 * and the first blank line, values only (the letter columns beside them dropped).
 */
function gridRows(lines: string[][], columns: number, firstLabel: string): string[][] {
  const start = lines.findIndex((l) => l[0] === firstLabel);
  const out: string[][] = [];
  let label = '';
  for (let i = start; i < lines.length && lines[i].some((f) => f !== ''); i++) {
    const l = lines[i];
    if (l[0]) label = l[0];
    const values = Array.from({ length: columns }, (_, c) => l[2 + 2 * c]);
    out.push([label, l[1], ...values]);
  }
  return out;
}

describe('screen, copy and CSV', { timeout: 180_000 }, () => {
  it('show the same numbers for every statistic', async () => {
    const { page } = e;
    await page.getByRole('tab', { name: 'Tabellen', exact: true }).click();
    await page.getByTestId('tb-search').fill('leefbaarheid');
    await page.locator('.var-item[data-var="leefbaarheid"]').click();
    await page.getByTestId('add-rows').click();
    await page.getByTestId('tb-search').fill('gemeente');
    await page.locator('.var-item[data-var="gemeente"]').click();
    await page.getByTestId('add-cols').click();
    const options = page.getByTestId('tb-options');
    if ((await options.getAttribute('open')) === null) await options.locator('summary').click();
    await page.getByTestId('tb-weight').selectOption('gewicht');
    for (const stat of ['rowPct', 'counts', 'weighted', 'effBase', 'means']) await page.getByTestId(`stat-${stat}`).check();
    await page.locator('[data-testid="results"][data-pending="false"] [data-testid="banner"]').first().waitFor();
    await expect.poll(async () => (await screenRows()).some((r) => r[0] === 'Gemiddelde')).toBe(true);
    const screen = await screenRows();
    const columns = screen[0].length - 2;
    // Several statistics per category, with their names beside them, and the summary rows.
    expect(new Set(screen.map((r) => r[1]).filter(Boolean))).toEqual(new Set(['Kolom-%', 'Rij-%', 'Aantal (ongewogen)', 'Gewogen aantal']));
    expect(screen.map((r) => r[0])).toEqual(expect.arrayContaining(['Gemiddelde', 'Basis (ongewogen n)', 'Effectieve basis']));
    expect(screen.flat().some((x) => x === 'x')).toBe(true);

    await page.getByTestId('tx-copy').click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    // The HTML flavour (what Word pastes): the same body rows, formatted as on screen.
    const html = await page.evaluate(async () => {
      const items = await navigator.clipboard.read();
      const blob = await items[0].getType('text/html');
      const doc = new DOMParser().parseFromString(await blob.text(), 'text/html');
      let label = '';
      return [...doc.querySelectorAll('table')[0].querySelectorAll('tbody tr')].map((tr) => {
        const th = tr.querySelector('th');
        if (th?.textContent) label = th.textContent;
        const stat = tr.querySelector('td.stat')?.textContent ?? '';
        const cells = [...tr.querySelectorAll('td:not(.stat)')].map((td) => {
          const clone = td.cloneNode(true) as HTMLElement;
          clone.querySelectorAll('.sig').forEach((s) => s.remove());
          return (clone.textContent ?? '').trim();
        });
        return [label, stat, ...cells];
      });
    });
    expect(html).toEqual(screen);
    const tsv = gridRows(
      copied.split('\n').map((l) => l.split('\t')),
      columns,
      screen[0][0],
    );

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('tx-csv').click()]);
    const csvText = readFileSync((await download.path()) as string, 'utf8').replace(/^\ufeff/, '');
    // The Dutch CSV has no thousands separator (so Excel reads the numbers): compare without it.
    const csv = gridRows(
      csvText.split('\r\n').map((l) => l.split(';')),
      columns,
      screen[0][0],
    );
    const plain = (rows: string[][]) => rows.map((r) => r.map((x) => x.replace(/\.(?=\d{3}(\D|$))/g, '')));
    // Plain text and CSV carry the numbers without thousands separators, so Excel reads them as numbers.
    expect(plain(tsv)).toEqual(plain(screen));
    expect(plain(csv)).toEqual(plain(screen));
    await e.screenshot('15-table-statistics');
  });

  it('logged no errors or warnings', () => {
    expect(e.errors).toEqual([]);
  });
});
