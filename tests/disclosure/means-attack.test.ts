/**
 * The mean beside a banner's percentages, as an intruder reads it: a column's mean times its n is
 * Σ code·count over the column's cells. With the base and the published cells known, two withheld
 * cells in that column are two unknowns in two equations — solved exactly. The test tries exactly that
 * on every column of demo tables with means, from the published numbers alone, and counts recoveries.
 */
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../resources/demo/generate';
import { runTableGroup } from '../../shared/analysis/table-group';
import { defaultRuleSet } from '../../shared/disclosure/rules';
import type { BannerResult } from '../../shared/model/results';
import { tableQuery } from '../../shared/query/table-query';

const demo = generateDemo();

/** The table as published under `rules`: a scale row against gemeente and geslacht, with means. */
function table(row: string, filter: string, rules: 'cbs-persons' | 'none', weighted = false): BannerResult {
  const q = tableQuery.parse({
    dataset: 'demo',
    rows: [row],
    banner: { items: [{ variable: 'gemeente' }, { variable: 'geslacht' }] },
    filter,
    statistics: { means: true },
    ...(weighted ? { weight: { variable: 'gewicht', type: 'sampling' } } : {}),
  });
  return runTableGroup(demo, q, { ruleSet: defaultRuleSet(rules) }).tables[0].result!;
}

/**
 * Columns whose two withheld cells the published mean, base and cells give away: counts without a
 * weight (mean × n = Σ code·count), Σw with one (mean × Σw = Σ code·Σw).
 */
function recovered(pub: BannerResult, truth: BannerResult, which: 'count' | 'weighted'): string[] {
  const out: string[] = [];
  pub.columns.forEach((col, k) => {
    const mean = pub.means?.mean[k];
    const base = which === 'count' ? pub.means?.n[k] : pub.base.weighted[k];
    if (mean === null || mean === undefined || base === null || base === undefined) return;
    const cell = (t: BannerResult, i: number) => t.cells[i][k][which];
    const hidden = pub.rows.flatMap((_r, i) => (cell(pub, i) === null ? [i] : []));
    if (hidden.length !== 2) return;
    const code = (i: number) => Number(pub.rows[i].code);
    const shown = pub.rows.reduce((s, _r, i) => s + (cell(pub, i) ?? 0), 0);
    const shownSum = pub.rows.reduce((s, _r, i) => s + code(i) * (cell(pub, i) ?? 0), 0);
    const [a, b] = hidden;
    // x_a + x_b = base − Σ shown;  c_a x_a + c_b x_b = base·mean − Σ c·shown
    const S = base - shown;
    const M = base * mean - shownSum;
    const xb = (M - code(a) * S) / (code(b) - code(a));
    const xa = S - xb;
    const same = (x: number, t: number | null) => t !== null && Math.abs(x - t) <= 1e-6 * Math.max(1, t);
    if (same(xa, cell(truth, a)) && same(xb, cell(truth, b))) out.push(`${col.label}: ${pub.rows[a].label}=${xa}, ${pub.rows[b].label}=${xb}`);
  });
  return out;
}

describe('means beside withheld cells', () => {
  it.each([
    ['leefbaarheid', 'golf = 2025'],
    ['vertrouwen', 'golf = 2025'],
    ['gezondheid', 'golf = 2024 and leeftijdsklasse = 2'],
  ])('%s under %s: no column gives its withheld cells away through its mean', (row, filter) => {
    const pub = table(row, filter, 'cbs-persons');
    expect(pub.cells.flat().some((c) => c.count === null)).toBe(true);
    expect(recovered(pub, table(row, filter, 'none'), 'count')).toEqual([]);
    // A published mean stands only over published cells, where it tells nothing they do not.
    pub.columns.forEach((_c, k) => {
      if (pub.means!.mean[k] !== null) expect(pub.rows.every((_r, i) => pub.cells[i][k].count !== null)).toBe(true);
    });
  });

  it.each([
    ['leefbaarheid', 'golf = 2025'],
    ['vertrouwen', 'golf = 2025'],
    ['gezondheid', 'golf = 2025'],
    ['gezondheid', 'golf = 2024 and leeftijdsklasse = 2'],
  ])('%s under %s weighted (sampling): no mean beside withheld Σw cells gives them away', (row, filter) => {
    const pub = table(row, filter, 'cbs-persons', true);
    expect(pub.cells.flat().some((c) => c.weighted === null)).toBe(true);
    expect(recovered(pub, table(row, filter, 'none', true), 'weighted')).toEqual([]);
  });

  it('still publishes a weighted mean beside withheld cells where the audit proves they keep their protection', () => {
    // Leefbaarheid's "Anders / zeg ik liever niet" column withholds four cells: one more equation leaves them free.
    const pub = table('leefbaarheid', 'golf = 2025', 'cbs-persons', true);
    const beside = pub.columns.filter((_c, k) => pub.means!.mean[k] !== null && pub.rows.some((_r, i) => pub.cells[i][k].weighted === null));
    expect(beside.length).toBeGreaterThan(0);
  });
});
