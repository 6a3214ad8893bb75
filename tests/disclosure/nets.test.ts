/**
 * Nets are sums of categories: "Tevreden (4+5)" published beside "4" and "5" gives away a suppressed
 * 4 as net − 5. The rules must know (the banner's linear table ties each net cell to its members).
 * Checked the way an intruder reads the published table — every non-negative integer completion of
 * the withheld numbers, enumerated (tests/disclosure/brute-force.ts, no code shared with the LP
 * auditor) — on a hand-made case and on random banners with nets (fixed seed).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyRulesToBanner } from '../../shared/disclosure/apply/one-banner';
import { defaultRuleSet } from '../../shared/disclosure/rules';
import type { BannerResult } from '../../shared/model/results';
import { bannerFrom } from './fixtures';
import { enumerateCompletions, type Equation, type Term } from './brute-force';

const rs = defaultRuleSet('cbs-persons');
const MARGIN = rs.protectionMargin.absolute;
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

/** `bannerFrom` plus net rows: net n sums the category rows `nets[n]` in every column. */
function withNets(groups: number[][][], nets: number[][]): { banner: BannerResult; truth: number[][] } {
  const b = bannerFrom(groups);
  const r = b.rows.length;
  const netCells = nets.map((members) => b.columns.map((_c, k) => sum(members.map((i) => b.cells[i][k].count as number))));
  const banner: BannerResult = {
    ...b,
    rows: [...b.rows, ...nets.map((_m, n) => ({ code: `net:${n + 1}`, label: `Netto ${n + 1}` }))],
    cells: [
      ...b.cells,
      ...netCells.map((row) =>
        row.map((count, k) => ({ count, weighted: count, pct: (100 * count) / (b.base.count[k] as number), sig: '', suppressed: false })),
      ),
    ],
    nets: nets.map((members, n) => ({ row: r + n, members, instead: false })),
  };
  const truth = banner.cells.map((row) => row.map((c) => c.count as number));
  return { banner, truth };
}

/** Unknowns (withheld numbers) and equations as the intruder reads them: column sums, partitions of Totaal, nets. */
function equations(published: BannerResult, truth: number[][], bases: number[], groups: number[][][]) {
  const truthOf: number[] = [];
  let next = 0;
  const term = (v: number | null, t: number): Term => {
    if (v !== null) return v;
    truthOf.push(t);
    return { u: next++ };
  };
  const nets = published.nets ?? [];
  const netRows = new Set(nets.map((n) => n.row));
  const cell = published.cells.map((row, i) => row.map((c, k) => term(c.count, truth[i][k])));
  const base = published.base.count.map((v, k) => term(v, bases[k]));
  const eqs: Equation[] = [];
  const kk = published.columns.length;
  for (let k = 0; k < kk; k++) {
    eqs.push({ parts: cell.filter((_r, i) => !netRows.has(i)).map((row) => row[k]), total: base[k] });
    for (const n of nets) eqs.push({ parts: n.members.map((i) => cell[i][k]), total: cell[n.row][k] });
  }
  let k0 = 1;
  for (const g of groups) {
    const ks = g[0].map((_v, k) => k0 + k);
    for (let i = 0; i < cell.length; i++) eqs.push({ parts: ks.map((k) => cell[i][k]), total: cell[i][0] });
    eqs.push({ parts: ks.map((k) => base[k]), total: base[0] });
    k0 += ks.length;
  }
  return { eqs, unknowns: next, truthOf };
}

function protectedWithNets(groups: number[][][], nets: number[][]) {
  const { banner, truth } = withNets(groups, nets);
  const out = applyRulesToBanner(banner, rs);
  if (out.rules.status === 'blocked') return { out, proven: true, blocked: true };
  const bases = banner.base.count as number[];
  const { eqs, unknowns, truthOf } = equations(out, truth, bases, groups);
  const bound = Math.max(...bases);
  const { ranges, capped, solutions } = enumerateCompletions(unknowns, eqs, bound);
  expect(capped).toBe(false);
  expect(solutions).toBeGreaterThan(0);
  const small = (u: number) => truthOf[u] > 0 && truthOf[u] < rs.minCount;
  const proven = ranges.every((rg, u) => rg.max > rg.min && (!small(u) || rg.max - rg.min >= MARGIN));
  return { out, proven, blocked: false };
}

describe('nets and the output rules', () => {
  it('does not let a net and the other member give away a suppressed category', () => {
    // Column Gemeente 1: A1 = 3 (primary), A2 = 30; the net A1+A2 = 33 would give A1 as 33 − 30.
    const gemeente = [
      [3, 20, 15],
      [30, 14, 30],
      [25, 40, 33],
    ];
    const { out, proven } = protectedWithNets([gemeente], [[0, 1]]);
    expect(out.cells[0][1].suppressed).toBe(true);
    // Something besides A1 is withheld in that column: the net or A2 (else A1 = net − A2).
    expect(out.cells[1][1].suppressed || out.cells[3][1].suppressed).toBe(true);
    expect(proven).toBe(true);
  });

  it('protects every small cell of random banners with nets (enumerated completions)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 2, maxLength: 3 }), { minLength: 3, maxLength: 3 }),
        fc.constantFrom<number[][]>([[0, 1]], [[1, 2]], [[0, 2]]),
        (rows, nets) => {
          const groups = [rows];
          if (rows.some((r) => r.length !== rows[0].length) || sum(rows.map(sum)) < 40) return;
          expect(protectedWithNets(groups, nets).proven, JSON.stringify({ rows, nets })).toBe(true);
        },
      ),
      { numRuns: 40, seed: 20261206 },
    );
  });
});
