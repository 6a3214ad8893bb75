/**
 * Output rules on multiple-response tables. Besides hand-made cases, two proofs that the suppression
 * holds: the suite's own interval audit (secondary/audit.ts) on the set's linear system, and — because
 * that system is this module's own model — an independent intruder: a linear program over the counts
 * of every answer pattern in every cell of the two banner variables (the finest thing the table sums),
 * constrained by every published number (items, any, bases, responses in every column). No protected
 * cell may come out narrower than its margin.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mrTable } from '../../engine/mr/table';
import { type Dataset, newVariable } from '../../model/dataset';
import type { MultipleResponseSet } from '../../model/mr-set';
import type { MrResult } from '../../model/results';
import { defaultRuleSet, type RuleSet } from '../rules';
import { auditSuppression, neededWidth } from '../secondary/audit';
import { feasibleBasis, LpSession } from '../secondary/lp';
import { protectionNeed } from '../secondary/need';
import { applyRulesToMrTable, mrResultLayout } from './mr-table';

/** One case: its cell of the two banner variables and its answer (item indices; null = not in the base). */
interface Case {
  g: number;
  h: number;
  items: number[] | null;
}

interface Shape {
  kind: 'dichotomies' | 'categories';
  nItems: number;
  /** Members of a categories set (mentions per case at most). */
  members: number;
  cases: Case[];
}

function dataset(s: Shape): Dataset {
  const n = s.cases.length;
  const num = (f: (c: Case) => number) => ({ kind: 'numeric' as const, data: Float64Array.from(s.cases, f) });
  const memberNames = s.kind === 'dichotomies' ? Array.from({ length: s.nItems }, (_, k) => `i${k}`) : Array.from({ length: s.members }, (_, k) => `m${k}`);
  const members =
    s.kind === 'dichotomies'
      ? memberNames.map((_, k) => num((c) => (c.items === null ? 9 : c.items.includes(k) ? 1 : 0)))
      : memberNames.map((_, k) => num((c) => (c.items === null || k >= c.items.length ? NaN : c.items[k] + 1)));
  const set: MultipleResponseSet =
    s.kind === 'dichotomies'
      ? { name: '$s', label: 'S', type: 'dichotomies', countedValue: 1, variables: memberNames }
      : { name: '$s', label: 'S', type: 'categories', variables: memberNames };
  const meta = memberNames.map((name) => newVariable(name, 'numeric', { missing: { values: [9], range: null } }));
  return {
    name: 'p',
    rows: n,
    variables: [...meta, newVariable('g', 'numeric'), newVariable('h', 'numeric')],
    columns: [...members, num((c) => c.g), num((c) => c.h)],
    weight: null,
    fileLabel: '',
    documents: [],
    mrSets: [set],
  };
}

const COLUMNS = { total: true, items: [{ variable: 'g' }, { variable: 'h' }] };

/** Answer patterns a case can have: subsets of the items (non-empty and at most `members` for categories). */
function patterns(s: Shape): number[][] {
  const out: number[][] = [];
  for (let mask = 0; mask < 1 << s.nItems; mask++) {
    const set = Array.from({ length: s.nItems }, (_, k) => k).filter((k) => mask & (1 << k));
    if (s.kind === 'categories' && (set.length === 0 || set.length > s.members)) continue;
    out.push(set);
  }
  return out;
}

/**
 * The intruder: unknowns n[(g,h), pattern] ≥ 0; each published number is one equation over them. For
 * each protected cell, min and max of its value (rounded inward: counts are whole).
 */
function intruderIntervals(s: Shape, r: MrResult): { cell: string; value: number; lo: number; hi: number; need: number }[] {
  const gs = [...new Set(s.cases.map((c) => c.g))].sort();
  const hs = [...new Set(s.cases.map((c) => c.h))].sort();
  const pats = patterns(s);
  const combos = gs.flatMap((g) => hs.map((h) => ({ g, h })));
  const nVar = combos.length * pats.length;
  const v = (ci: number, p: number) => ci * pats.length + p;
  const inColumn = (k: number, combo: { g: number; h: number }) => {
    const path = r.columns[k].path;
    return path.length === 0 || path.every((step) => (step.variable === 'g' ? combo.g : combo.h) === step.code);
  };
  /** Coefficients of a table cell over the unknowns: row ≥ 0 an item, −1 "any", −2 the base, −3 responses. */
  const expr = (row: number, k: number) => {
    const a = new Array<number>(nVar).fill(0);
    combos.forEach((combo, ci) => {
      if (!inColumn(k, combo)) return;
      pats.forEach((pat, p) => {
        const coef = row >= 0 ? (pat.includes(row) ? 1 : 0) : row === -1 ? (pat.length > 0 ? 1 : 0) : row === -2 ? 1 : pat.length;
        a[v(ci, p)] = coef;
      });
    });
    return a;
  };
  const A: number[][] = [];
  const b: number[] = [];
  const publish = (row: number, k: number, value: number | null) => {
    if (value === null) return;
    A.push(expr(row, k));
    b.push(value);
  };
  r.columns.forEach((_c, k) => {
    r.cells.forEach((cells, i) => publish(i, k, cells[k].count));
    publish(-1, k, r.any[k].count);
    publish(-2, k, r.base.count[k]);
    publish(-3, k, r.responses.count[k]);
  });
  const fb = feasibleBasis(A, b, nVar);
  expect(fb, 'the published table must be consistent').not.toBeNull();
  const lp = new LpSession(fb!);
  const rs = RULES;
  const out: { cell: string; value: number; lo: number; hi: number; need: number }[] = [];
  const raw = mrTable(dataset(s), { set: '$s', columns: COLUMNS });
  const check = (row: number, k: number, shown: { count: number | null; suppression?: string }, value: number) => {
    if (shown.count !== null || shown.suppression !== 'primary') return;
    const c = expr(row, k);
    const lo = lp.minimize(c).value;
    const hi = -lp.minimize(c.map((x) => -x)).value;
    const need = neededWidth(protectionNeed(value, true, rs), value, true);
    out.push({ cell: `${row}@${r.columns[k].key}`, value, lo: Math.ceil(lo - 1e-7), hi: Math.floor(hi + 1e-7), need });
  };
  r.columns.forEach((_c, k) => {
    r.cells.forEach((cells, i) => check(i, k, cells[k], raw.cells[i][k].count!));
    check(-1, k, r.any[k], raw.any[k].count!);
  });
  return out;
}

const RULES: RuleSet = { ...defaultRuleSet('cbs-persons'), minCount: 5, protectionMargin: { absolute: 3, relative: 0.3 } };

const caseArb = (kind: Shape['kind'], nItems: number, members: number): fc.Arbitrary<Case> =>
  fc.record({
    g: fc.integer({ min: 1, max: 3 }),
    h: fc.integer({ min: 1, max: 2 }),
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

describe('applyRulesToMrTable', () => {
  const small: Shape = {
    kind: 'dichotomies',
    nItems: 2,
    members: 2,
    // g=1: 20 cases with item 0, of whom 3 also item 1; g=2: 20 cases with both items; h splits evenly.
    cases: [
      ...Array.from({ length: 20 }, (_, i) => ({ g: 1, h: 1 + (i % 2), items: i < 3 ? [0, 1] : [0] })),
      ...Array.from({ length: 20 }, (_, i) => ({ g: 2, h: 1 + (i % 2), items: [0, 1] })),
    ],
  };

  it('withholds a small item cell with a partner in its own row and leaves the other items alone', () => {
    const raw = mrTable(dataset(small), { set: '$s', columns: COLUMNS });
    const r = applyRulesToMrTable(raw, RULES);
    // Item 1 in g=1 is 3 cases (< 5): withheld; its row needs a partner.
    const col = (key: string) => r.columns.findIndex((c) => c.key === key);
    expect(r.cells[1][col('g=1')]).toMatchObject({ count: null, pct: null, suppressed: true, suppression: 'primary' });
    expect(r.cells[1].filter((c) => c.suppressed).length).toBeGreaterThanOrEqual(2);
    expect(r.cells[0].every((c) => !c.suppressed)).toBe(true);
    expect(r.responses.count.every((x) => x === null)).toBe(true);
    expect(r.rules.messages?.map((m) => m.code)).toEqual(['primary-banner', 'secondary-cells', 'responses-withheld']);
  });

  it('publishes responses when no item is withheld', () => {
    const r = applyRulesToMrTable(
      mrTable(dataset({ ...small, cases: small.cases.map((c) => ({ ...c, items: [0, 1] })) }), { set: '$s', columns: COLUMNS }),
      RULES,
    );
    expect(r.rules.status).toBe('safe');
    expect(r.responses.count[0]).toBe(80);
  });

  it('withholds a whole column whose base is below the minimum', () => {
    const cases: Case[] = [...small.cases.map((c) => ({ ...c, items: [0] })), ...Array.from({ length: 4 }, () => ({ g: 3, h: 1, items: [0] }))];
    const r = applyRulesToMrTable(mrTable(dataset({ ...small, cases }), { set: '$s', columns: COLUMNS }), RULES);
    const k = r.columns.findIndex((c) => c.key === 'g=3');
    expect(r.base.count[k]).toBeNull();
    expect(r.base.effective[k]).toBeNull();
    expect([...r.cells.map((row) => row[k]), r.any[k]].every((c) => c.suppressed && c.count === null && c.pct === null)).toBe(true);
    expect(r.rules.messages?.[1]).toEqual({ code: 'column-base', label: '3', base: 4, min: 5 });
  });

  it('blocks a table whose Totaal is below the minimum', () => {
    const r = applyRulesToMrTable(mrTable(dataset({ ...small, cases: small.cases.slice(0, 4) }), { set: '$s', columns: COLUMNS }), RULES);
    expect(r.rules.status).toBe('blocked');
    expect(r.base.count.every((x) => x === null)).toBe(true);
  });

  it('every suppressed cell survives the interval audit and an intruder who knows every published number (fixed seed)', () => {
    let protectedCells = 0;
    fc.assert(
      fc.property(shapeArb, (s) => {
        const raw = mrTable(dataset(s), { set: '$s', columns: COLUMNS });
        const r = applyRulesToMrTable(raw, RULES);
        if (r.rules.status === 'blocked') return;
        // The suite's own audit on the layout, with the final pattern.
        const layout = mrResultLayout(raw);
        const values = layout.flatten(
          raw.cells.map((row) => row.map((c) => c.count!)),
          raw.any.map((c) => c.count!),
          raw.base.count as number[],
        );
        const hidden = values.map((_v, cell) => layout.free[cell]);
        const primary = values.map(() => false);
        r.columns.forEach((_c, k) => {
          r.cells.forEach((row, i) => {
            hidden[layout.item(i, k)] = row[k].suppressed;
            primary[layout.item(i, k)] = row[k].suppression === 'primary';
          });
          hidden[layout.any(k)] = r.any[k].suppressed;
          primary[layout.any(k)] = r.any[k].suppression === 'primary';
          hidden[layout.base(k)] = r.base.count[k] === null;
        });
        const audit = auditSuppression(values, hidden, layout.table, (cell, v) => (primary[cell] ? protectionNeed(v, true, RULES) : 0), { integer: true });
        expect(audit.filter((e) => !e.ok)).toEqual([]);
        // The independent intruder.
        for (const iv of intruderIntervals(s, r)) {
          protectedCells++;
          expect(iv.hi - iv.lo, JSON.stringify(iv)).toBeGreaterThanOrEqual(iv.need);
        }
      }),
      { seed: 20261206, numRuns: 120 },
    );
    // The generator must actually produce protected cells, or the property proves nothing.
    expect(protectedCells).toBeGreaterThan(100);
  });
});
