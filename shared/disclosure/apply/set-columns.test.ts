/**
 * Output rules on banners with a multiple-response set in the columns (Totaal | g | $s). The items of
 * the set overlap, so their columns are tied to Totaal only by inequalities (banner-layout.ts). Two
 * proofs that the suppression holds: the suite's own audit on that layout, and an independent
 * intruder — a linear program over the counts of every (row category, g category, answer pattern)
 * combination, the finest thing the banner sums, constrained by every published count and base. No
 * primary cell may come out narrower than its margin. A hand-made table shows the inequalities matter:
 * a pattern that would do if the set's columns were tied to nothing leaves a cell too narrow.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { banner } from '../../engine/banner';
import { type Dataset, newVariable } from '../../model/dataset';
import type { MultipleResponseSet } from '../../model/mr-set';
import type { BannerResult } from '../../model/results';
import { defaultRuleSet, type RuleSet } from '../rules';
import { auditSuppression, neededWidth } from '../secondary/audit';
import { bannerLayout } from '../secondary/banner-layout';
import { feasibleBasis, LpSession } from '../secondary/lp';
import { protectionNeed } from '../secondary/need';
import { applyOverridesToBanner } from '../overrides/apply';
import { prepareOverride } from '../overrides/record';
import { applyRulesToBanner } from './one-banner';

/** One case: its row category, its category of the banner variable g, its items (null: none valid). */
interface Case {
  r: number;
  g: number;
  items: number[] | null;
}

interface Shape {
  kind: 'dichotomies' | 'categories';
  nItems: number;
  /** Member variables of a categories set (most items per case). */
  members: number;
  cases: Case[];
}

function dataset(s: Shape): Dataset {
  const num = (f: (c: Case) => number) => ({ kind: 'numeric' as const, data: Float64Array.from(s.cases, f) });
  const names = s.kind === 'dichotomies' ? Array.from({ length: s.nItems }, (_, k) => `i${k}`) : Array.from({ length: s.members }, (_, k) => `m${k}`);
  const members =
    s.kind === 'dichotomies'
      ? names.map((_, k) => num((c) => (c.items === null ? 9 : c.items.includes(k) ? 1 : 0)))
      : names.map((_, k) => num((c) => (c.items === null || k >= c.items.length ? NaN : c.items[k] + 1)));
  const set: MultipleResponseSet =
    s.kind === 'dichotomies'
      ? { name: '$s', label: 'S', type: 'dichotomies', countedValue: 1, variables: names }
      : { name: '$s', label: 'S', type: 'categories', variables: names };
  const meta = names.map((name) => newVariable(name, 'numeric', { missing: { values: [9], range: null } }));
  return {
    name: 'p',
    rows: s.cases.length,
    variables: [...meta, newVariable('r', 'numeric'), newVariable('g', 'numeric')],
    columns: [...members, num((c) => c.r), num((c) => c.g)],
    weight: null,
    fileLabel: '',
    documents: [],
    mrSets: [set],
  };
}

const COLUMNS = { total: true, items: [{ variable: 'g' }, { variable: '$s' }] };
const RULES: RuleSet = { ...defaultRuleSet('cbs-persons'), minCount: 5, protectionMargin: { absolute: 3, relative: 0.3 } };

/** Answer patterns: subsets of the items (at most `members` of them for categories), the empty one included. */
function patterns(s: Shape): number[][] {
  const out: number[][] = [];
  for (let mask = 0; mask < 1 << s.nItems; mask++) {
    const set = Array.from({ length: s.nItems }, (_, k) => k).filter((k) => mask & (1 << k));
    if (s.kind === 'categories' && set.length > s.members) continue;
    out.push(set);
  }
  return out;
}

/**
 * The intruder: unknowns n[r, g, pattern] ≥ 0; each published count and base one equation over them.
 * For each primary cell, min and max of its value (rounded inward: counts are whole).
 */
function intruderIntervals(s: Shape, raw: BannerResult, r: BannerResult) {
  const rows = raw.rows.map((x) => Number(x.code));
  const gs = [...new Set(s.cases.map((c) => c.g))].sort();
  const pats = patterns(s);
  const combos = rows.flatMap((row) => gs.flatMap((g) => pats.map((p) => ({ row, g, p }))));
  const inColumn = (k: number, c: { g: number; p: number[] }) => {
    const step = raw.columns[k].path[0];
    if (!step) return true;
    if (step.variable === 'g') return step.code === c.g;
    const item = s.kind === 'dichotomies' ? Number(String(step.code).slice(1)) : Number(step.code) - 1;
    return c.p.includes(item);
  };
  const expr = (row: number | null, k: number) => combos.map((c) => ((row === null || c.row === row) && inColumn(k, c) ? 1 : 0));
  const A: number[][] = [];
  const b: number[] = [];
  r.columns.forEach((_c, k) => {
    r.cells.forEach((cells, i) => {
      if (cells[k].count === null) return;
      A.push(expr(rows[i], k));
      b.push(cells[k].count!);
    });
    if (r.base.count[k] !== null) {
      A.push(expr(null, k));
      b.push(r.base.count[k]!);
    }
  });
  const fb = feasibleBasis(A, b, combos.length);
  expect(fb, 'the published table must be consistent').not.toBeNull();
  const lp = new LpSession(fb!);
  const out: { cell: string; value: number; lo: number; hi: number; need: number }[] = [];
  r.columns.forEach((col, k) =>
    r.cells.forEach((cells, i) => {
      if (cells[k].suppression !== 'primary') return;
      const value = raw.cells[i][k].count!;
      if (!(value > 0 && value < RULES.minCount)) return;
      const c = expr(rows[i], k);
      const lo = lp.minimize(c).value;
      const hi = -lp.minimize(c.map((x) => -x)).value;
      const need = neededWidth(protectionNeed(value, true, RULES), value, true);
      out.push({ cell: `${rows[i]}@${col.key}`, value, lo: Math.ceil(lo - 1e-7), hi: Math.floor(hi + 1e-7), need });
    }),
  );
  return out;
}

const times = (n: number, c: Case): Case[] => Array.from({ length: n }, () => c);

describe('a multiple-response set in the banner columns', () => {
  /**
   * Row 1: 5 cases, 3 with item 0 (a small cell); row 2: 6 cases, every one with item 0; row 3: 40
   * cases, 20 with item 0. Were the item column tied to nothing but its base, hiding (2, item 0) beside
   * (1, item 0) would do (their sum of 9 could split anyhow). But an intruder knows an item cell is at
   * most its row's Totaal: (2, item 0) ≤ 6 gives (1, item 0) ≥ 3, and (1, item 0) ≤ 5 — width 2 < 3.
   */
  const tight: Shape = {
    kind: 'dichotomies',
    nItems: 2,
    members: 2,
    cases: [
      ...times(3, { r: 1, g: 1, items: [0, 1] }),
      ...times(2, { r: 1, g: 2, items: [1] }),
      ...times(6, { r: 2, g: 1, items: [0, 1] }),
      ...times(20, { r: 3, g: 1, items: [0, 1] }),
      ...times(10, { r: 3, g: 2, items: [1] }),
      ...times(10, { r: 3, g: 2, items: [] }),
    ],
  };

  it('withholds a small item cell and protects it against the cell ≤ Totaal inequalities', () => {
    const ds = dataset(tight);
    const raw = banner(ds, { row: 'r', columns: { total: true, items: [{ variable: '$s' }] } });
    expect(raw.columns.map((c) => c.key)).toEqual(['total', '$s=i0', '$s=i1']);
    expect(raw.cells.map((row) => row.map((c) => c.count))).toEqual([
      [5, 3, 5],
      [6, 6, 6],
      [40, 20, 30],
    ]);
    const r = applyRulesToBanner(raw, RULES);
    expect(r.cells[0][1]).toMatchObject({ count: null, pct: null, suppressed: true, suppression: 'primary' });
    expect(r.rules.status).toBe('suppressed');
    const shape = { ...tight, cases: tight.cases.map((c) => ({ ...c, g: 1 })) };
    const intervals = intruderIntervals(shape, raw, r);
    expect(intervals.map((iv) => iv.cell)).toEqual(['1@$s=i0']);
    for (const iv of intervals) expect(iv.hi - iv.lo, JSON.stringify(iv)).toBeGreaterThanOrEqual(iv.need);
    // The pair alone is not enough: with only (2, item 0) hidden beside it, the intruder pins it to [3, 5].
    const pairOnly = {
      ...r,
      cells: raw.cells.map((row, i) =>
        row.map((c, k) => ((i === 0 || i === 1) && k === 1 ? { ...c, count: null, suppressed: true, suppression: 'primary' as const } : c)),
      ),
    };
    const narrow = intruderIntervals(shape, raw, pairOnly).find((iv) => iv.cell === '1@$s=i0')!;
    expect([narrow.lo, narrow.hi]).toEqual([3, 5]);
  });

  it('publishes a set column cell a recorded override releases, and nothing it only protected stays hidden', () => {
    const columns = { total: true, items: [{ variable: '$s' }] };
    const raw = banner(dataset(tight), { row: 'r', columns });
    const target = { dataset: 'p', row: 'r', columns, weight: null, filter: null };
    const prepared = prepareOverride(
      raw,
      applyOverridesToBanner(raw, RULES, 'p', []),
      RULES,
      target,
      [{ row: 1, col: '$s=i0' }],
      'Afgestemd met de CBS-outputcontrole',
    );
    const out = applyOverridesToBanner(raw, RULES, 'p', [{ ...prepared, id: 1, createdAt: '2026-12-06T10:00:00.000Z' }]);
    expect(out.cells[0][1]).toMatchObject({ count: 3, overridden: true });
    expect(out.cells.flat().every((c) => !c.suppressed)).toBe(true);
  });

  it('refuses a set in a banner without Totaal (the audit ties the items to it)', () => {
    expect(() => banner(dataset(tight), { row: 'r', columns: { total: false, items: [{ variable: 'g' }, { variable: '$s' }] } })).toThrow(
      expect.objectContaining({ detail: { code: 'engine-set-needs-total', set: '$s' } }),
    );
  });

  it('withholds a set column whole when its base is withheld', () => {
    const cases = [...tight.cases.map((c) => ({ ...c, items: c.items?.filter((x) => x !== 0) ?? null })), ...times(4, { r: 3, g: 1, items: [0] })];
    const raw = banner(dataset({ ...tight, cases }), { row: 'r', columns: COLUMNS });
    const r = applyRulesToBanner(raw, RULES);
    const k = r.columns.findIndex((c) => c.key === '$s=i0');
    expect(raw.base.count[k]).toBe(4);
    expect(r.base.count[k]).toBeNull();
    expect(r.cells.every((row) => row[k].count === null && row[k].suppressed)).toBe(true);
  });

  const caseArb = (kind: Shape['kind'], nItems: number, members: number): fc.Arbitrary<Case> =>
    fc.record({
      r: fc.integer({ min: 1, max: 3 }),
      g: fc.integer({ min: 1, max: 2 }),
      items:
        kind === 'dichotomies'
          ? fc.option(fc.subarray(Array.from({ length: nItems }, (_, k) => k)), { freq: 8 })
          : fc.option(fc.uniqueArray(fc.integer({ min: 0, max: nItems - 1 }), { minLength: 1, maxLength: members }), { freq: 8 }),
    });

  const shapeArb: fc.Arbitrary<Shape> = fc
    .record({
      kind: fc.constantFrom<Shape['kind']>('dichotomies', 'categories'),
      nItems: fc.integer({ min: 2, max: 3 }),
      members: fc.integer({ min: 1, max: 2 }),
    })
    .chain((h) => fc.array(caseArb(h.kind, h.nItems, h.members), { minLength: 15, maxLength: 70 }).map((cases) => ({ ...h, cases })));

  it('every suppressed cell survives the audit and an intruder who knows every published count (fixed seed)', () => {
    let protectedCells = 0;
    fc.assert(
      fc.property(shapeArb, (s) => {
        const raw = banner(dataset(s), { row: 'r', columns: COLUMNS });
        // Categories sets list the codes that occur; a shape whose codes do not all occur is still a table.
        const r = applyRulesToBanner(raw, RULES);
        if (r.rules.status === 'blocked') return;
        const layout = bannerLayout(raw.rows.length, raw.columns, raw.nets, raw.sets);
        const values = layout.flatten(
          raw.cells.map((row) => row.map((c) => c.count!)),
          raw.base.count as number[],
        );
        const hidden = values.map((_v, cell) => layout.free[cell]);
        const primary = values.map(() => false);
        r.cells.forEach((row, i) =>
          row.forEach((c, k) => {
            hidden[layout.interior(i, k)] = c.suppressed;
            primary[layout.interior(i, k)] = c.suppression === 'primary';
          }),
        );
        r.base.count.forEach((b, k) => (hidden[layout.base(k)] = b === null));
        const audit = auditSuppression(values, hidden, layout.table, (cell, v) => (primary[cell] ? protectionNeed(v, true, RULES) : 0), { integer: true });
        expect(audit.filter((e) => !e.ok)).toEqual([]);
        for (const iv of intruderIntervals(s, raw, r)) {
          protectedCells++;
          expect(iv.hi - iv.lo, JSON.stringify(iv)).toBeGreaterThanOrEqual(iv.need);
        }
      }),
      { seed: 20261206, numRuns: 100 },
    );
    // The generator must produce protected cells, or the property proves nothing.
    expect(protectedCells).toBeGreaterThan(100);
  });
});
