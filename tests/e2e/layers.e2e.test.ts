/**
 * Layered table in the browser: gemeente × geslacht with golf in the Lagen zone, built with the
 * keyboard path, the second layer chosen with the arrow keys in the layer tab list, and its numbers
 * compared with the engine run directly on the same project file.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLayeredCrosstab } from '../../shared/analysis/run-layers';
import { defaultRuleSet } from '../../shared/disclosure/rules';
import type { Dataset } from '../../shared/model/dataset';
import { loadProjectDataset, startE2E, type E2E } from './harness';

let e: E2E;
let ds: Dataset;

const nl1 = (v: number) => new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);
const nl0 = (v: number) => new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 }).format(v);

beforeAll(async () => {
  e = await startE2E();
  ds = loadProjectDataset(e.projectPath);
});

afterAll(async () => {
  await e?.close();
});

describe('layered tables', { timeout: 120_000 }, () => {
  it('builds gemeente × geslacht by golf; the 2025 layer equals the engine', async () => {
    const { page } = e;
    await page.getByRole('tab', { name: 'Tabellen', exact: true }).click();
    const add = async (name: string, button: string) => {
      await page.getByTestId('tb-search').fill(name);
      await page.locator(`.var-item[data-var="${name}"]`).click();
      await page.getByTestId(button).click();
    };
    await add('gemeente', 'add-rows');
    await add('geslacht', 'add-cols');
    await add('golf', 'add-layers');
    await page.getByTestId('tb-search').fill('');
    await expect.poll(() => page.getByTestId('zone-layers').locator('.chip').count()).toBe(1);

    const layered = page.locator('[data-testid="layered"][data-row-var="gemeente"][data-col-var="geslacht"]');
    const tabs = layered.getByRole('tab');
    await expect.poll(() => tabs.count()).toBe(3);
    // Keyboard: focus the selected tab, arrow right to the second layer.
    await tabs.first().focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => tabs.nth(1).getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Golf 2025');
    await e.screenshot('30-layered-table');

    const want = runLayeredCrosstab(ds, { row: 'gemeente', col: 'geslacht', layers: ['golf'] }, defaultRuleSet('cbs-persons'));
    const layer = want.layers.find((l) => l.code === 2025)!.table;
    const panel = layered.getByRole('tabpanel');
    // The layer's output-rule reasons, in Dutch from their codes, say as much as the engine's.
    expect(layer.rules.status).toBe('suppressed');
    const reasons = ((await panel.getByTestId('rule-reasons').textContent()) ?? '').replace(/^Outputregels: /, '');
    expect(reasons.split(' · ')).toHaveLength(layer.rules.reasons.length);
    expect(reasons).toMatch(/^\d+ (cel|cellen) of (totaal|totalen) gebaseerd op minder dan 10 waarnemingen/);
    expect(reasons).not.toMatch(/cell\(s\)|suppressed|based on|further/);
    let published = 0;
    for (let i = 0; i < layer.rows.length; i++) {
      for (let j = 0; j < layer.cols.length; j++) {
        const text = await panel.locator(`td[data-row="${layer.rows[i].code}"][data-col="${layer.cols[j].code}"][data-stat="pct"]`).textContent();
        const v = layer.colPct[i][j];
        expect(text).toBe(v === null ? 'x' : v === 0 ? '-' : nl1(v));
        if (v !== null) published++;
      }
    }
    expect(published).toBeGreaterThan(3);
    for (let j = 0; j < layer.cols.length; j++) {
      const base = await panel.locator(`td[data-col="${layer.cols[j].code}"][data-stat="base"]`).textContent();
      expect(base).toBe(layer.colCounts![j] === null ? 'x' : nl0(layer.colCounts![j]!));
    }
    // The total tab shows the table over both waves.
    await page.keyboard.press('End');
    await expect.poll(() => tabs.nth(2).getAttribute('aria-selected')).toBe('true');
    expect(await panel.locator('td[data-col="total"][data-stat="base"]').textContent()).toBe(nl0(want.total!.n!));
  });

  it('saves all layers as CSV with the cells shown on screen ("x" where withheld)', async () => {
    const { page } = e;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('tx-csv').click()]);
    const text = readFileSync((await download.path()) as string, 'utf8');
    const want = runLayeredCrosstab(ds, { row: 'gemeente', col: 'geslacht', layers: ['golf'] }, defaultRuleSet('cbs-persons'));
    const block = text.split('\r\n\r\n').find((b) => b.startsWith('Gemeente × Geslacht — Golf 2025'))!;
    expect(block).toBeDefined();
    const layer = want.layers.find((l) => l.code === 2025)!.table;
    layer.rows.forEach((r, i) => {
      const cells = layer.cols.map((_, j) => layer.colPct[i][j]).map((v) => (v === null ? 'x' : v === 0 ? '-' : nl1(v)));
      expect(block).toContain(`\r\n${r.label};${cells.join(';')};`);
      // The screen shows the same cells as the file.
    });
    expect(text).toContain('Gemeente × Geslacht — Totaal over de lagen');
  });

  it('takes a multiple-response set as the layer: one tab per item, each equal to the engine', async () => {
    const { page } = e;
    // Start over: leefbaarheid × geslacht, $isolatie as the layer (golf removed from the layers).
    await page.getByTestId('zone-layers').locator('.chip button').first().click();
    await page.getByTestId('zone-rows').locator('.chip button').first().click();
    const add = async (name: string, button: string) => {
      await page.getByTestId('tb-search').fill(name);
      await page.locator(`.var-item[data-var="${name}"]`).click();
      await page.getByTestId(button).click();
    };
    await add('leefbaarheid', 'add-rows');
    await add('$isolatie', 'add-layers');
    await page.getByTestId('tb-search').fill('');
    const layered = page.locator('[data-testid="layered"][data-row-var="leefbaarheid"][data-col-var="geslacht"]');
    const tabs = layered.getByRole('tab');
    await expect.poll(() => tabs.count()).toBe(6);
    expect(await tabs.first().textContent()).toBe('Isolatiemaatregel: dakisolatie');
    await tabs.nth(3).click();
    await expect.poll(() => tabs.nth(3).getAttribute('aria-selected')).toBe('true');
    await e.screenshot('31-set-layer');

    const want = runLayeredCrosstab(ds, { row: 'leefbaarheid', col: 'geslacht', layers: ['$isolatie'] }, defaultRuleSet('cbs-persons'));
    const layer = want.layers[3].table;
    expect(want.layers[3].code).toBe('isolatie_glas');
    const panel = layered.getByRole('tabpanel');
    let published = 0;
    for (let i = 0; i < layer.rows.length; i++) {
      for (let j = 0; j < layer.cols.length; j++) {
        const text = await panel.locator(`td[data-row="${layer.rows[i].code}"][data-col="${layer.cols[j].code}"][data-stat="pct"]`).textContent();
        const v = layer.colPct[i][j];
        expect(text).toBe(v === null ? 'x' : v === 0 ? '-' : nl1(v));
        if (v !== null) published++;
      }
    }
    expect(published).toBeGreaterThan(3);
    // The total is over the set's base, not the sum of the overlapping items.
    await page.keyboard.press('End');
    await expect.poll(() => tabs.nth(5).getAttribute('aria-selected')).toBe('true');
    const sumOfItems = want.layers.reduce((s, l) => s + (l.table.n ?? 0), 0);
    expect(want.total!.n).toBeLessThan(sumOfItems);
    expect(await panel.locator('td[data-col="total"][data-stat="base"]').textContent()).toBe(nl0(want.total!.n!));
  });

  it('logged no errors or warnings', () => {
    expect(e.errors).toEqual([]);
  });
});
