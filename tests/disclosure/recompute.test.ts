/**
 * End to end: hand-made crosstab and banner results go through the rules, and nothing withheld can
 * be recomputed from what is published — checked by the LP auditor and, independently, by
 * enumerating every integer completion of the published table.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyRulesToBanner } from '../../shared/disclosure/apply/one-banner';
import { applyRulesToCrosstab } from '../../shared/disclosure/apply/crosstab';
import { applyRulesToFreq } from '../../shared/disclosure/apply/freq';
import { auditSuppression } from '../../shared/disclosure/secondary/audit';
import { crosstabLayout, flattenCrosstab } from '../../shared/disclosure/secondary/linear-table';
import { defaultRuleSet } from '../../shared/disclosure/rules';
import type { BannerResult, CrosstabTable, FreqResult } from '../../shared/model/results';
import { enumerateCompletions, type Equation, type Term } from './brute-force';
import { bannerFrom, crosstabFrom } from './fixtures';

const rs = defaultRuleSet('cbs-persons');
const MARGIN = rs.protectionMargin.absolute;
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

/** Unknowns and equations as an intruder reads them off a published (unweighted) crosstab. */
function intruderView() {
  let next = 0;
  const truthOf: number[] = [];
  const term = (published: number | null, truth: number): Term => {
    if (published !== null) return published;
    truthOf.push(truth);
    return { u: next++ };
  };
  return { term, truthOf, count: () => next };
}

function crosstabEquations(published: CrosstabTable, truth: number[][]) {
  const view = intruderView();
  const r = truth.length;
  const c = truth[0].length;
  const cell = published.count.map((row, i) => row.map((v, j) => view.term(v, truth[i][j])));
  const rowN = truth.map(sum);
  const colN = truth[0].map((_v, j) => sum(truth.map((row) => row[j])));
  const rowT = rowN.map((v, i) => view.term(published.rowCounts![i], v));
  const colT = colN.map((v, j) => view.term(published.colCounts![j], v));
  const grand = view.term(published.n ?? null, sum(rowN));
  const eqs: Equation[] = [];
  for (let i = 0; i < r; i++) eqs.push({ parts: cell[i], total: rowT[i] });
  for (let j = 0; j < c; j++) eqs.push({ parts: cell.map((row) => row[j]), total: colT[j] });
  eqs.push({ parts: rowT, total: grand }, { parts: colT, total: grand });
  const isPrimary = (u: number) => view.truthOf[u] > 0 && view.truthOf[u] < rs.minCount;
  return { eqs, unknowns: view.count(), truthOf: view.truthOf, isPrimary };
}

/**
 * Every withheld number takes at least two values, and every small one spans the margin. Ranges
 * found by search are returned so callers can compare them with the LP auditor.
 */
function bruteForceProtected(unknowns: number, eqs: Equation[], truthOf: number[], isPrimary: (u: number) => boolean, publishedGrand: number | null = null) {
  // Every count is at most a published grand total; otherwise a bound above every true value (the
  // search is exact below it; reaching it means "unbounded").
  const bound = publishedGrand ?? Math.max(...truthOf, 0) + 2 * rs.minCount;
  const { ranges, capped, solutions } = enumerateCompletions(unknowns, eqs, bound);
  expect(capped).toBe(false);
  expect(solutions).toBeGreaterThan(0);
  const proven = ranges.every((r, u) => r.max > r.min && (!isPrimary(u) || r.max - r.min >= MARGIN));
  return { proven, ranges, bound };
}

function protectedCrosstab(counts: number[][]) {
  const out = applyRulesToCrosstab(crosstabFrom(counts), rs);
  expect(out.rules.status).not.toBe('blocked');
  // Every primary cell is withheld.
  counts.forEach((row, i) => row.forEach((v, j) => v > 0 && v < rs.minCount && expect(out.count[i][j]).toBeNull()));
  const { eqs, unknowns, truthOf, isPrimary } = crosstabEquations(out, counts);
  // The LP auditor, fed only the published mask, agrees.
  const L = crosstabLayout(counts.length, counts[0].length);
  const rowN = counts.map(sum);
  const colN = counts[0].map((_v, j) => sum(counts.map((r) => r[j])));
  const values = flattenCrosstab(counts, rowN, colN, sum(rowN));
  const hidden = [...out.count.flat(), ...out.rowCounts!, ...out.colCounts!, out.n ?? null].map((v) => v === null);
  const audit = auditSuppression(values, hidden, L.table, (_c, v) => (v > 0 && v < rs.minCount ? MARGIN : 0), { integer: true });
  expect(audit.every((e) => e.ok)).toBe(true);
  expect(audit.every((e) => e.hi > e.lo)).toBe(true);
  const brute = bruteForceProtected(unknowns, eqs, truthOf, isPrimary, out.n ?? null);
  // Both methods see the same unknowns in the same order (interior row by row, rows, columns, n).
  audit.forEach((e, u) => {
    expect(brute.ranges[u].min).toBe(e.lo);
    expect(brute.ranges[u].max).toBe(Math.min(e.hi, brute.bound));
  });
  return { out, ...brute };
}

describe('no suppressed value can be recomputed', () => {
  it.each([
    [
      'one small cell',
      [
        [3, 12, 11],
        [10, 20, 14],
        [15, 16, 24],
      ],
    ],
    [
      'small cells on the diagonal',
      [
        [3, 12, 11],
        [10, 2, 14],
        [15, 16, 4],
      ],
    ],
    [
      'two small cells in one row',
      [
        [3, 4, 11],
        [10, 12, 14],
        [15, 16, 24],
      ],
    ],
    [
      'a small row total',
      [
        [3, 4, 0],
        [10, 12, 14],
        [15, 16, 24],
      ],
    ],
    [
      'a small column base',
      [
        [3, 12, 11],
        [2, 20, 14],
        [0, 16, 24],
      ],
    ],
  ])('%s', (_name, counts) => {
    const { proven, out } = protectedCrosstab(counts);
    expect(out.rules.status).toBe('suppressed');
    expect(proven).toBe(true);
  });

  it('a naive primary-only pattern is caught by the brute force (the check can fail)', () => {
    const counts = [
      [3, 12, 11],
      [10, 20, 14],
      [15, 16, 24],
    ];
    const naive = crosstabFrom(counts);
    naive.count[0][0] = null;
    const { eqs, unknowns, truthOf, isPrimary } = crosstabEquations(naive, counts);
    expect(bruteForceProtected(unknowns, eqs, truthOf, isPrimary).proven).toBe(false);
  });

  it('random tiny tables', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 10, max: 25 })), { minLength: 3, maxLength: 3 }), {
          minLength: 2,
          maxLength: 3,
        }),
        (counts) => {
          if (sum(counts.map(sum)) < rs.minCount) return;
          if (applyRulesToCrosstab(crosstabFrom(counts), rs).rules.status === 'blocked') return;
          // Also compares every LP interval with the enumerated range.
          expect(protectedCrosstab(counts).proven, JSON.stringify(counts)).toBe(true);
        },
      ),
      { numRuns: 30, seed: 20261125 },
    );
  });

  it('banner with two groups', () => {
    // Rows × [Totaal | gemeente 1..3 | geslacht 1..2]; inputs, not expectations.
    const gemeente = [
      [3, 20, 15],
      [12, 14, 30],
      [25, 40, 33],
    ];
    const geslacht = [
      [20, 18],
      [30, 26],
      [50, 48],
    ];
    const out = applyRulesToBanner(bannerFrom([gemeente, geslacht]), rs);
    expect(out.cells[0][1]).toMatchObject({ count: null, suppressed: true, suppression: 'primary' });
    expect(out.rules.status).toBe('suppressed');
    const { eqs, unknowns, truthOf, isPrimary } = bannerEquations(out, [gemeente, geslacht]);
    expect(bruteForceProtected(unknowns, eqs, truthOf, isPrimary).proven).toBe(true);
  });
});

describe('frequency tables', () => {
  it.each([
    ['one small category', [40, 3, 25, 30], [12]],
    ['a small missing category', [40, 25, 31], [2]],
    ['two small categories', [4, 3, 25, 30], []],
  ])('%s', (_name, valid, missing) => {
    const counts = [...valid, ...missing];
    const freq: FreqResult = {
      variable: 'oordeel',
      weight: null,
      categories: counts.map((count, k) => ({
        code: k + 1,
        label: `c${k + 1}`,
        count,
        weighted: count,
        percent: null,
        validPercent: null,
        cumPercent: null,
        missing: k >= valid.length,
      })),
      total: sum(counts),
      validTotal: sum(valid),
    };
    const out = applyRulesToFreq(freq, rs);
    expect(out.rules.status).toBe('suppressed');
    const view = intruderView();
    const cells = out.categories.map((c, k) => view.term(c.count, counts[k]));
    const validTotal = view.term(out.validTotal, sum(valid));
    const total = view.term(out.total, sum(counts));
    const eqs: Equation[] = [
      { parts: cells.slice(0, valid.length), total: validTotal },
      { parts: [...cells.slice(valid.length), validTotal], total },
    ];
    const isPrimary = (u: number) => view.truthOf[u] > 0 && view.truthOf[u] < rs.minCount;
    expect(bruteForceProtected(view.count(), eqs, view.truthOf, isPrimary, out.total).proven).toBe(true);
  });
});

function bannerEquations(published: BannerResult, groups: number[][][]) {
  const view = intruderView();
  const r = groups[0].length;
  const truthCols: number[][] = [groups[0].map(sum)];
  for (const g of groups) for (let k = 0; k < g[0].length; k++) truthCols.push(g.map((row) => row[k]));
  const cell = truthCols.map((col, k) => col.map((v, i) => view.term(published.cells[i][k].count, v)));
  const base = truthCols.map((col, k) => view.term(published.base.count[k], sum(col)));
  const eqs: Equation[] = cell.map((col, k) => ({ parts: col, total: base[k] }));
  let k0 = 1;
  for (const g of groups) {
    const ks = g[0].map((_v, k) => k0 + k);
    for (let i = 0; i < r; i++) eqs.push({ parts: ks.map((k) => cell[k][i]), total: cell[0][i] });
    eqs.push({ parts: ks.map((k) => base[k]), total: base[0] });
    k0 += ks.length;
  }
  const isPrimary = (u: number) => view.truthOf[u] > 0 && view.truthOf[u] < rs.minCount;
  return { eqs, unknowns: view.count(), truthOf: view.truthOf, isPrimary };
}
