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

/** The table as published under `rules`: leefbaarheid-like row against gemeente and geslacht, with means. */
function table(row: string, filter: string, rules: 'cbs-persons' | 'none'): BannerResult {
  const q = tableQuery.parse({
    dataset: 'demo',
    rows: [row],
    banner: { items: [{ variable: 'gemeente' }, { variable: 'geslacht' }] },
    filter,
    statistics: { means: true },
  });
  return runTableGroup(demo, q, { ruleSet: defaultRuleSet(rules) }).tables[0].result!;
}

/** Columns whose withheld cells the published mean, n and cells give away exactly. */
function recovered(pub: BannerResult, truth: BannerResult): string[] {
  const out: string[] = [];
  pub.columns.forEach((col, k) => {
    const mean = pub.means?.mean[k];
    const n = pub.means?.n[k];
    if (mean === null || mean === undefined || n === null || n === undefined) return;
    const hidden = pub.rows.flatMap((r, i) => (pub.cells[i][k].count === null ? [i] : []));
    if (hidden.length !== 2) return;
    const code = (i: number) => Number(pub.rows[i].code);
    const shownCount = pub.rows.reduce((s, _r, i) => s + (pub.cells[i][k].count ?? 0), 0);
    const shownSum = pub.rows.reduce((s, _r, i) => s + code(i) * (pub.cells[i][k].count ?? 0), 0);
    const [a, b] = hidden;
    // x_a + x_b = n − Σ shown;  c_a x_a + c_b x_b = n·mean − Σ c·shown
    const S = n - shownCount;
    const M = n * mean - shownSum;
    const xb = Math.round((M - code(a) * S) / (code(b) - code(a)));
    const xa = S - xb;
    if (xa === truth.cells[a][k].count && xb === truth.cells[b][k].count) out.push(`${col.label}: ${pub.rows[a].label}=${xa}, ${pub.rows[b].label}=${xb}`);
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
    expect(recovered(pub, table(row, filter, 'none'))).toEqual([]);
    // A published mean stands only over published cells, where it tells nothing they do not.
    pub.columns.forEach((_c, k) => {
      if (pub.means!.mean[k] !== null) expect(pub.rows.every((_r, i) => pub.cells[i][k].count !== null)).toBe(true);
    });
  });
});
