/**
 * Multiple-response sets in the variable view: the demo's sets are listed, a new set is defined from
 * the keyboard, checked as it is typed, saved (and shown beside its members), undone and redone, and
 * an existing set is edited. What the project holds is read back from the store itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProjectStore } from '../../electron/store/project-store';
import { startE2E, type E2E } from './harness';

let e: E2E;

beforeAll(async () => {
  e = await startE2E();
  await e.page.setViewportSize({ width: 1440, height: 900 });
});

afterAll(async () => {
  await e?.close();
});

function storedSets() {
  const store = ProjectStore.open(e.projectPath);
  try {
    const name = store.listDatasets()[0].name;
    return {
      sets: store.datasetInfo(name).mrSets,
      recipes: store
        .recipes()
        .list({ kind: 'mrset' })
        .map((r) => r.target),
    };
  } finally {
    store.close();
  }
}

describe('the "Meervoudige antwoorden…" dialog', { timeout: 120_000 }, () => {
  it('lists the demo sets and defines a new one from the keyboard', async () => {
    const { page } = e;
    await page.getByRole('tab', { name: 'Variabelen' }).click();
    await page.getByTestId('open-mrsets').click();
    const d = page.locator('dialog[open]');
    expect(await d.getByRole('heading', { level: 2 }).textContent()).toBe('Meervoudige antwoorden (sets)');
    await d.getByTestId('mr-open-$isolatie').waitFor();
    await d.getByTestId('mr-open-$prioriteit').waitFor();
    // The first set is open for editing.
    expect(await d.getByTestId('mr-members').locator('li').count()).toBe(5);

    await d.getByTestId('mr-new').click();
    await d.getByTestId('mr-name').fill('zorg');
    await d.getByTestId('mr-label').fill('Zorgen en gezondheid');
    // Too few members: the check says so and Save waits.
    await expect.poll(async () => (await d.getByTestId('mr-check').textContent()) ?? '').toContain('ten minste twee');
    await expect.poll(() => d.getByTestId('mr-save').isDisabled()).toBe(true);
    await d.getByTestId('mr-search').fill('isolatie');
    await d.getByTestId('mr-pick-isolatie_vloer').focus();
    await page.keyboard.press('Space');
    await d.getByTestId('mr-pick-isolatie_dak').focus();
    await page.keyboard.press('Space');
    await expect
      .poll(() => d.getByTestId('mr-members').locator('li').allTextContents())
      .toEqual([expect.stringMatching(/isolatie_vloer/), expect.stringMatching(/isolatie_dak/)]);
    await d.getByRole('button', { name: 'isolatie_dak omhoog' }).click();
    await expect
      .poll(() => d.getByTestId('mr-members').locator('li').allTextContents())
      .toEqual([expect.stringMatching(/isolatie_dak/), expect.stringMatching(/isolatie_vloer/)]);
    await expect.poll(() => d.getByTestId('mr-save').isEnabled()).toBe(true);
    await e.screenshot('mrsets-dialog');
    await d.getByTestId('mr-save').click();
    await expect.poll(() => page.getByTestId('notice').textContent()).toBe('Set $zorg gedefinieerd');
    await d.getByTestId('mr-open-$zorg').waitFor();
    expect(storedSets().sets.find((s) => s.name === '$zorg')).toEqual({
      name: '$zorg',
      label: 'Zorgen en gezondheid',
      type: 'dichotomies',
      countedValue: 1,
      variables: ['isolatie_dak', 'isolatie_vloer'],
    });
    expect(storedSets().recipes).toContain('$zorg');
  });

  it('says what is wrong as it is typed, with warnings that do not block', async () => {
    const d = e.page.locator('dialog[open]');
    await d.getByTestId('mr-new').click();
    await d.getByTestId('mr-name').fill('$isolatie');
    await d.getByTestId('mr-kind-categories').check();
    await d.getByTestId('mr-search').fill('');
    await d.getByTestId('mr-pick-vertrouwen').check();
    await d.getByTestId('mr-pick-gezondheid').check();
    await expect.poll(async () => (await d.getByTestId('mr-check').textContent()) ?? '').toContain('Er is al een set of variabele met de naam $isolatie');
    await expect.poll(() => d.getByTestId('mr-save').isDisabled()).toBe(true);
    await d.getByTestId('mr-name').fill('$oordelen');
    await expect.poll(async () => (await d.getByTestId('mr-check').textContent()) ?? '').toContain('vertrouwen en gezondheid geven waarde 1 een ander label');
    await expect.poll(() => d.getByTestId('mr-save').isEnabled()).toBe(true);
    await e.screenshot('mrsets-dialog-warnings');
  });

  it('edits an existing set and closes', async () => {
    const { page } = e;
    const d = page.locator('dialog[open]');
    await d.getByTestId('mr-open-$isolatie').click();
    await d.getByRole('button', { name: 'isolatie_geen uit de set halen' }).click();
    await d.getByTestId('mr-save').click();
    await expect.poll(() => page.getByTestId('notice').textContent()).toBe('Set $isolatie bijgewerkt');
    expect(storedSets().sets.find((s) => s.name === '$isolatie')?.variables).toEqual(['isolatie_dak', 'isolatie_gevel', 'isolatie_vloer', 'isolatie_glas']);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
    // Members carry a badge with their sets.
    await expect.poll(() => page.locator('tr[data-var="isolatie_dak"] .set-badge').allTextContents()).toEqual(['$isolatie', '$zorg']);
    await expect.poll(() => page.locator('tr[data-var="isolatie_geen"] .set-badge').count()).toBe(0);
  });

  it('undoes and redoes set changes like any other edit', async () => {
    const { page } = e;
    await page.getByRole('button', { name: 'Ongedaan maken' }).click();
    await expect.poll(() => page.getByTestId('notice').textContent()).toBe('Ongedaan gemaakt: $isolatie: set edit');
    await expect.poll(() => storedSets().sets.find((s) => s.name === '$isolatie')?.variables.length).toBe(5);
    await page.getByRole('button', { name: 'Ongedaan maken' }).click();
    await expect.poll(() => storedSets().sets.some((s) => s.name === '$zorg')).toBe(false);
    expect(storedSets().recipes).not.toContain('$zorg');
    await expect.poll(() => page.locator('tr[data-var="isolatie_vloer"] .set-badge').allTextContents()).toEqual(['$isolatie']);
    await page.getByRole('button', { name: 'Opnieuw' }).click();
    await expect.poll(() => page.locator('tr[data-var="isolatie_vloer"] .set-badge').allTextContents()).toEqual(['$isolatie', '$zorg']);
    expect(e.errors).toEqual([]);
  });
});
