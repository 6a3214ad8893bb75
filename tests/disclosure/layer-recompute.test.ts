/**
 * Layered tables, checked without the LP: enumerate every non-negative integer completion of what
 * the layer tables and the total table publish together (within-table margins and "sum over layers =
 * total"), and require each withheld small count to range over at least the protection margin. The
 * cube's constraint matrix is not totally unimodular, so this integer check is the one that counts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyRulesToLayers } from '../../shared/disclosure/apply/layers';
import { defaultRuleSet } from '../../shared/disclosure/rules';
import type { LayeredCrosstab } from '../../shared/engine/layer-result';
import { layeredCrosstab } from '../../shared/engine/layers';
import { codeKey } from '../../shared/model/dataset';
import type { CrosstabTable } from '../../shared/model/results';
import { enumerateCompletions, type Equation, type Term } from './brute-force';
import { datasetFromCube } from './layer-audit';

const rs = defaultRuleSet('cbs-persons');
const MARGIN = rs.protectionMargin.absolute;

/** The intruder's unknowns and equations over all published tables, aligned on the total's categories. */
function equations(pub: LayeredCrosstab, truth: LayeredCrosstab) {
  const total = truth.total!;
  const rows = total.rows.map((r) => codeKey(r.code));
  const cols = total.cols.map((c) => codeKey(c.code));
  const truthOf: number[] = [];
  const term = (published: number | null | undefined, value: number): Term => {
    if (published !== null && published !== undefined) return published;
    truthOf.push(value);
    return { u: truthOf.length - 1 };
  };
  const grid = (p: CrosstabTable, t: CrosstabTable) => {
    const ri = new Map(t.rows.map((r, i) => [codeKey(r.code), i]));
    const cj = new Map(t.cols.map((c, j) => [codeKey(c.code), j]));
    const cell = rows.map((r) =>
      cols.map((c) => {
        const i = ri.get(r);
        const j = cj.get(c);
        return i === undefined || j === undefined ? 0 : term(p.count[i][j], t.count[i][j]!);
      }),
    );
    const rowT = rows.map((r) => (ri.has(r) ? term(p.rowCounts![ri.get(r)!], t.rowCounts![ri.get(r)!]!) : 0));
    const colT = cols.map((c) => (cj.has(c) ? term(p.colCounts![cj.get(c)!], t.colCounts![cj.get(c)!]!) : 0));
    return { cell, rowT, colT, n: term(p.n, t.n!) };
  };
  const tables = pub.layers.map((l, k) => grid(l.table, truth.layers[k].table));
  if (pub.total) tables.push(grid(pub.total, total));
  const eqs: Equation[] = [];
  for (const g of tables) {
    g.cell.forEach((row, i) => eqs.push({ parts: row, total: g.rowT[i] }));
    cols.forEach((_c, j) => eqs.push({ parts: g.cell.map((row) => row[j]), total: g.colT[j] }));
    eqs.push({ parts: g.rowT, total: g.n }, { parts: g.colT, total: g.n });
  }
  if (pub.total) {
    const m = tables.length - 1;
    const layers = tables.slice(0, m);
    rows.forEach((_r, i) => cols.forEach((_c, j) => eqs.push({ parts: layers.map((g) => g.cell[i][j]), total: tables[m].cell[i][j] })));
    rows.forEach((_r, i) => eqs.push({ parts: layers.map((g) => g.rowT[i]), total: tables[m].rowT[i] }));
    cols.forEach((_c, j) => eqs.push({ parts: layers.map((g) => g.colT[j]), total: tables[m].colT[j] }));
    eqs.push({ parts: layers.map((g) => g.n), total: tables[m].n });
  }
  return { eqs, truthOf, bound: total.n! };
}

function protectedByEnumeration(pub: LayeredCrosstab, truth: LayeredCrosstab): { ok: boolean; capped: boolean } {
  const { eqs, truthOf, bound } = equations(pub, truth);
  if (truthOf.length === 0) return { ok: true, capped: false };
  const { ranges, capped, solutions } = enumerateCompletions(truthOf.length, eqs, bound, 400_000);
  if (capped) return { ok: true, capped };
  expect(solutions).toBeGreaterThan(0);
  const ok = ranges.every((r, u) => r.min <= truthOf[u] && truthOf[u] <= r.max && (!(truthOf[u] > 0 && truthOf[u] < rs.minCount) || r.max - r.min >= MARGIN));
  return { ok, capped };
}

const LEAKY = [
  [
    [3, 20],
    [15, 30],
  ],
  [
    [20, 14],
    [16, 25],
  ],
];

describe('layered tables: integer completions of all published tables', () => {
  it('the check can fail: each table protected on its own leaks the 3', () => {
    const truth = layeredCrosstab(datasetFromCube(LEAKY), { row: 'a', col: 'b', layers: ['c'] });
    const naive: LayeredCrosstab = {
      ...truth,
      layers: truth.layers.map((l) => ({ ...l, table: { ...l.table, count: l.table.count.map((r) => r.map((v) => (v! > 0 && v! < 10 ? null : v))) } })),
    };
    expect(protectedByEnumeration(naive, truth)).toEqual({ ok: false, capped: false });
  });

  it('random small cubes protected by applyRulesToLayers', () => {
    let searched = 0;
    const cell = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 10, max: 16 }));
    const cube = fc
      .integer({ min: 2, max: 3 })
      .chain((w) => fc.array(fc.array(fc.array(cell, { minLength: w, maxLength: w }), { minLength: 2, maxLength: 2 }), { minLength: 2, maxLength: 2 }));
    fc.assert(
      fc.property(cube, (counts) => {
        fc.pre(counts.every((l) => l.flat().some((v) => v > 0)));
        const truth = layeredCrosstab(datasetFromCube(counts), { row: 'a', col: 'b', layers: ['c'] });
        const res = protectedByEnumeration(applyRulesToLayers(truth, rs), truth);
        if (!res.capped) searched++;
        expect(res.ok).toBe(true);
      }),
      { numRuns: 40, seed: 99 },
    );
    expect(searched).toBeGreaterThan(20);
  });
});
