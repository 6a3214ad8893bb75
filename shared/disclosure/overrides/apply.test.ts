import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bannerFrom, crosstabFrom } from '../../../tests/disclosure/fixtures';
import type { BannerResult, CrosstabTable } from '../../model/results';
import { applyRulesToBanner } from '../apply/one-banner';
import { applyRulesToCrosstab } from '../apply/crosstab';
import { auditSuppression } from '../secondary/audit';
import { checkerRows } from '../report/checker-sheet-rows';
import { bannerLayout } from '../secondary/banner-layout';
import { crosstabLayout, flattenCrosstab } from '../secondary/linear-table';
import { protectionNeed } from '../secondary/need';
import type { OverrideCell, OverrideRecord } from './override';
import { applyOverridesToBanner, applyOverridesToBanners, applyOverridesToCrosstab } from './apply';
import { OverrideError, prepareOverride } from './record';
import { unsafeCount } from '../primary/cell-rules';
import { defaultRuleSet, type RuleSet } from '../rules';

const rs = defaultRuleSet('cbs-persons');
const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

/** The crosstab row × col as the banner "Totaal | col" with the same names (see overrides/override.ts). */
function pair(counts: number[][]): { banner: BannerResult; crosstab: CrosstabTable } {
  const banner = bannerFrom([counts], ['leeftijd']);
  return { banner, crosstab: { ...crosstabFrom(counts), rowVariable: banner.rowVariable.name } };
}

const target = { dataset: 'golf2025', row: 'oordeel', columns: { total: true, items: [{ variable: 'leeftijd' }] }, weight: null, filter: null };

let nextId = 1;
function record(raw: BannerResult, cells: OverrideCell[], rules: RuleSet = rs, existing: OverrideRecord[] = []): OverrideRecord {
  const published = applyOverridesToBanner(raw, rules, target.dataset, existing);
  const prepared = prepareOverride(raw, published, rules, target, cells, '  Afgestemd met de CBS-outputcontrole  ');
  return { ...prepared, id: nextId++, createdAt: '2026-11-25T10:00:00.000Z' };
}

const cell = (i: number, j: number): OverrideCell => ({ row: i + 1, col: `leeftijd=${j + 1}` });

/**
 * Proof that a published crosstab protects every cell that is still primary: the LP audit over the
 * raw counts with exactly the cells the output withholds hidden (released cells are published).
 */
function expectProtected(counts: number[][], out: CrosstabTable, released: Set<string>) {
  const r = counts.length;
  const c = counts[0].length;
  const layout = crosstabLayout(r, c);
  const rowN = counts.map(sum);
  const colN = counts[0].map((_v, j) => sum(counts.map((row) => row[j])));
  const values = flattenCrosstab(counts, rowN, colN, sum(rowN));
  const hidden = values.map(() => false);
  counts.forEach((row, i) => row.forEach((_v, j) => (hidden[layout.interior(i, j)] = out.suppressed[i][j])));
  rowN.forEach((_v, i) => (hidden[layout.rowTotal(i)] = out.rowCounts?.[i] === null));
  colN.forEach((_v, j) => (hidden[layout.colTotal(j)] = out.colCounts?.[j] === null));
  hidden[layout.grand] = out.n === undefined;
  const primary = (cell: number) => {
    const inner = cell < r * c;
    const key = inner ? `${Math.floor(cell / c)},${cell % c}` : '';
    return unsafeCount(values[cell], rs) && !released.has(key);
  };
  // Every cell that is still primary must be withheld …
  values.forEach((_v, cell) => primary(cell) && expect(hidden[cell]).toBe(true));
  // … and its interval, from everything published (released cells included), wide enough.
  const entries = auditSuppression(values, hidden, layout.table, (cell, v) => protectionNeed(v, primary(cell), rs), { integer: true });
  for (const e of entries) expect(e.ok, `cell ${e.cell} value ${e.value} in [${e.lo}, ${e.hi}]`).toBe(true);
}

describe('overrides: releasing primary cells', () => {
  it('publishes a released cell and the secondary partners that only protected it', () => {
    const counts = [
      [3, 20, 25],
      [15, 18, 30],
      [22, 26, 40],
    ];
    const { banner, crosstab } = pair(counts);
    const before = applyRulesToCrosstab(crosstab, rs);
    expect(before.rules.secondary).toBeGreaterThan(0);
    const o = record(banner, [cell(0, 0)]);
    const out = applyOverridesToCrosstab(crosstab, rs, target.dataset, [o]);
    expect(out.suppressed.flat().every((s) => !s)).toBe(true);
    expect(out.count[0][0]).toBe(3);
    expect(out.overridden?.[0][0]).toBe(true);
    expect(out.overridden?.flat().filter(Boolean)).toHaveLength(1);
    expect(out.rules).toMatchObject({ status: 'safe', primary: 0, secondary: 0 });
    expect(out.rules.overrides).toEqual([
      {
        id: o.id,
        reason: 'Afgestemd met de CBS-outputcontrole',
        createdAt: o.createdAt,
        cells: [expect.objectContaining({ row: 1, col: 'leeftijd=1', count: 3 })],
      },
    ]);
    expect(out.chi2).not.toBeNull();
  });

  it('does the same in the banner, marking the cell and keeping Totaal and bases published', () => {
    const { banner } = pair([
      [3, 20, 25],
      [15, 18, 30],
      [22, 26, 40],
    ]);
    const before = applyRulesToBanner(banner, rs);
    expect(before.cells[0][1]).toMatchObject({ suppressed: true, suppression: 'primary' });
    const out = applyOverridesToBanner(banner, rs, target.dataset, [record(banner, [cell(0, 0)])]);
    expect(out.cells.flat().every((c) => !c.suppressed)).toBe(true);
    expect(out.cells[0][1]).toMatchObject({ count: 3, overridden: true });
    expect(out.cells.flat().filter((c) => c.overridden)).toHaveLength(1);
    expect(out.rules.reasons.join('\n')).toMatch(/released by override of 2026-11-25: Afgestemd/);
  });

  it('keeps a different primary cell suppressed and protected once its neighbour is released', () => {
    const counts = [
      [3, 20, 25, 31],
      [15, 4, 30, 12],
      [22, 26, 40, 19],
    ];
    const { banner, crosstab } = pair(counts);
    const out = applyOverridesToCrosstab(crosstab, rs, target.dataset, [record(banner, [cell(0, 0)])]);
    expect(out.suppressed[0][0]).toBe(false);
    expect(out.suppressed[1][1]).toBe(true);
    expectProtected(counts, out, new Set(['0,0']));
    // Not necessarily fewer secondaries: the 3 and the 4 protected each other in one rectangle; with
    // the 3 known, the 4 needs partners of its own. The pattern is chosen afresh, not inherited.
    expect(out.rules.primary).toBe(1);
  });

  it('never exposes a still-primary cell, whichever primary cell is released (property)', () => {
    const table = fc.array(fc.array(fc.oneof(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 10, max: 60 })), { minLength: 4, maxLength: 4 }), {
      minLength: 3,
      maxLength: 4,
    });
    fc.assert(
      fc.property(table, fc.nat(), (counts, pick) => {
        const primaries: [number, number][] = [];
        counts.forEach((row, i) => row.forEach((v, j) => unsafeCount(v, rs) && primaries.push([i, j])));
        const colN = counts[0].map((_v, j) => sum(counts.map((row) => row[j])));
        const rowN = counts.map(sum);
        // Keep to tables without small margins: those block whole rows/columns, a separate rule.
        fc.pre(primaries.length > 0 && colN.every((n) => n >= 10) && rowN.every((n) => n >= 10));
        const { banner, crosstab } = pair(counts);
        const [i, j] = primaries[pick % primaries.length];
        const out = applyOverridesToCrosstab(crosstab, rs, target.dataset, [record(banner, [cell(i, j)])]);
        if (out.rules.status === 'blocked') return;
        expect(out.count[i][j]).toBe(counts[i][j]);
        expectProtected(counts, out, new Set([`${i},${j}`]));
      }),
      { numRuns: 40, seed: 20261125 },
    );
  });

  it('never exposes a still-primary cell of a banner with two column groups (property)', () => {
    let checked = 0;
    const cellsArb = fc.array(fc.array(fc.oneof(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 10, max: 50 })), { minLength: 6, maxLength: 6 }), {
      minLength: 3,
      maxLength: 4,
    });
    fc.assert(
      fc.property(cellsArb, fc.nat(), (grid, pick) => {
        // Two groups over the same rows: a 3-column one and a 3-column one (each partitions Totaal
        // when both sum to the same row totals; we make the second group a rearrangement of the first).
        const g1 = grid.map((row) => row.slice(0, 3));
        const g2 = g1.map((row, i) => {
          const t = sum(row);
          const a = Math.min(grid[i][3], t);
          const b = Math.min(grid[i][4], t - a);
          return [a, b, t - a - b];
        });
        const raw = bannerFrom([g1, g2], ['leeftijd', 'geslacht']);
        const baseOk = raw.base.count.every((b) => (b ?? 0) >= 10);
        const primaries: [number, number][] = [];
        raw.cells.forEach((row, i) => row.forEach((c, k) => unsafeCount(c.count ?? 0, rs) && primaries.push([i, k])));
        fc.pre(baseOk && primaries.length > 0);
        const [i, k] = primaries[pick % primaries.length];
        const o = record(raw, [{ row: raw.rows[i].code, col: raw.columns[k].key }]);
        const out = applyOverridesToBanner(raw, rs, target.dataset, [o]);
        if (out.rules.status === 'blocked') return;
        checked++;
        expect(out.cells[i][k]).toMatchObject({ overridden: true, count: raw.cells[i][k].count });
        const layout = bannerLayout(raw.rows.length, raw.columns);
        const values = layout.flatten(
          raw.cells.map((row) => row.map((c) => c.count ?? 0)),
          raw.base.count.map((b) => b ?? 0),
        );
        const hidden = values.map(() => false);
        out.cells.forEach((row, ii) => row.forEach((c, kk) => (hidden[layout.interior(ii, kk)] = c.suppressed)));
        out.base.count.forEach((b, kk) => (hidden[layout.base(kk)] = b === null));
        const released = layout.interior(i, k);
        const primary = (cell: number) => cell !== released && !layout.table.fixed?.[cell] && unsafeCount(values[cell], rs);
        values.forEach((_v, cell) => primary(cell) && expect(hidden[cell]).toBe(true));
        const entries = auditSuppression(values, hidden, layout.table, (cell, v) => protectionNeed(v, primary(cell), rs), { integer: true });
        for (const e of entries) expect(e.ok, `cell ${e.cell} value ${e.value} in [${e.lo}, ${e.hi}]`).toBe(true);
      }),
      { numRuns: 30, seed: 11252026 },
    );
    // The property must really have been exercised, not skipped by blocked tables.
    expect(checked).toBeGreaterThan(20);
  });

  it('publishes every secondary again when every primary cell is released', () => {
    const counts = [
      [3, 20, 25],
      [15, 4, 30],
      [22, 26, 2],
    ];
    const { banner, crosstab } = pair(counts);
    const o = record(banner, [cell(0, 0), cell(1, 1), cell(2, 2)]);
    const out = applyOverridesToCrosstab(crosstab, rs, target.dataset, [o]);
    expect(out.rules).toMatchObject({ status: 'safe', primary: 0, secondary: 0 });
    expect(out.overridden?.flat().filter(Boolean)).toHaveLength(3);
  });
});

describe('overrides: which table they belong to', () => {
  it('is not applied when the counts changed (a new wave, another filter), and says so', () => {
    const { banner } = pair([
      [3, 20, 25],
      [15, 18, 30],
      [22, 26, 40],
    ]);
    const o = record(banner, [cell(0, 0)]);
    const changed = pair([
      [3, 20, 25],
      [15, 18, 31],
      [22, 26, 40],
    ]);
    const out = applyOverridesToBanner(changed.banner, rs, target.dataset, [o]);
    expect(out.cells[0][1]).toMatchObject({ suppressed: true, count: null });
    expect(out.rules.overrides).toBeUndefined();
    expect(out.rules.reasons.join('\n')).toMatch(/not applied: the counts of the table changed/);
  });

  it('is not applied to another dataset, weight or rule set', () => {
    const { banner } = pair([
      [3, 20, 25],
      [15, 18, 30],
      [22, 26, 40],
    ]);
    const o = record(banner, [cell(0, 0)]);
    const other = (b: BannerResult, r: RuleSet, ds: string) => applyOverridesToBanner(b, r, ds, [o]).cells[0][1].suppressed;
    expect(other(banner, rs, 'golf2024')).toBe(true);
    expect(other({ ...banner, weight: { variable: 'gewicht', type: 'sampling', excluded: 0 } }, rs, target.dataset)).toBe(true);
    expect(other(banner, { ...rs, minCount: 15 }, target.dataset)).toBe(true);
    expect(other(banner, defaultRuleSet('cbs-business'), target.dataset)).toBe(true);
    expect(other(banner, rs, target.dataset)).toBe(false);
  });

  it('applies within a set of banners and leaves the other tables alone', () => {
    const a = pair([
      [3, 20, 25],
      [15, 18, 30],
      [22, 26, 40],
    ]).banner;
    const b = {
      ...pair([
        [4, 22, 25],
        [15, 18, 30],
        [22, 26, 40],
      ]).banner,
      rowVariable: { name: 'tevredenheid', label: 'Tevredenheid' },
    };
    const out = applyOverridesToBanners([a, b], rs, target.dataset, [record(a, [cell(0, 0)])]);
    expect(out[0].cells[0][1]).toMatchObject({ overridden: true, count: 3 });
    expect(out[1].cells[0][1]).toMatchObject({ suppressed: true, suppression: 'primary' });
    expect(out[1].rules.overrides).toBeUndefined();
  });
});

describe('overrides: what can be released', () => {
  const { banner } = pair([
    [3, 20, 25],
    [15, 18, 30],
    [22, 26, 40],
  ]);

  it('refuses secondary cells, published cells and cells the table does not have', () => {
    const published = applyRulesToBanner(banner, rs);
    const secondary = published.cells
      .flatMap((row, i) => row.map((c, k) => ({ c, row: i + 1, col: banner.columns[k].key })))
      .find((x) => x.c.suppression === 'secondary')!;
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return e instanceof OverrideError ? e.code : 'other';
      }
      return 'none';
    };
    expect(code(() => record(banner, [{ row: secondary.row, col: secondary.col }]))).toBe('not-primary');
    expect(code(() => record(banner, [cell(1, 1)]))).toBe('not-primary');
    expect(code(() => record(banner, [{ row: 9, col: 'leeftijd=1' }]))).toBe('unknown-cell');
    expect(code(() => record(banner, [cell(0, 0)], defaultRuleSet('none')))).toBe('no-rules');
    const first = record(banner, [cell(0, 0)]);
    expect(code(() => record(banner, [cell(0, 0)], rs, [first]))).toBe('not-primary');
  });

  it('records the counts and a fingerprint, not the data', () => {
    const o = record(banner, [cell(0, 0), cell(0, 0)]);
    expect(o.cells).toEqual([{ row: 1, col: 'leeftijd=1', rowLabel: 'A1', colLabel: 'leeftijd 1', count: 3 }]);
    expect(o.fingerprint).toMatch(/^[0-9a-f]{14}$/);
    expect(o.reason).toBe('Afgestemd met de CBS-outputcontrole');
    expect(JSON.parse(o.key)).toEqual(['v1', 'golf2025', 'oordeel', true, [['leeftijd']], null, 'cbs-persons', 10]);
  });
});

describe("overrides on the checker's sheet", () => {
  it('lists the released cell with its reason and date, and no other cell as released', () => {
    const counts = [
      [3, 20, 25],
      [15, 18, 30],
      [22, 26, 40],
    ];
    const { banner, crosstab } = pair(counts);
    const o = record(banner, [cell(0, 0)]);
    const expected = { reason: 'Afgestemd met de CBS-outputcontrole', date: '2026-11-25' };
    const fromBanner = checkerRows(applyOverridesToBanner(banner, rs, target.dataset, [o]));
    expect(fromBanner.filter((r) => r.override)).toEqual([expect.objectContaining({ row: 'A1', col: 'leeftijd: leeftijd 1', n: 3, override: expected })]);
    const fromCrosstab = checkerRows(applyOverridesToCrosstab(crosstab, rs, target.dataset, [o]));
    expect(fromCrosstab.filter((r) => r.override)).toEqual([expect.objectContaining({ row: 'R1', col: 'C1', n: 3, override: expected })]);
  });
});
