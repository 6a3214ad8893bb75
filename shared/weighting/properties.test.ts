/**
 * Properties over random data (fast-check): every method that converges meets every margin; raking by
 * IPF and by Newton on the raking distance give the same weights; bounds hold; trimming equals R's
 * rounds of trimWeights(strict = TRUE).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeDataset } from '../transform/testing';
import { rakingCalfun } from './calfun';
import { calibrate } from './calibrate';
import type { CellProblem } from './cell-problem';
import { WeightingError } from './errors';
import { rake } from './rake';
import { runWeighting } from './run';
import type { Targets } from './targets';
import { trimWeights } from './trim';

interface Case {
  sizes: number[];
  extra: number[][];
  base: number[];
  shares: number[][];
}

/** Data with every joint cell present at least once, plus random extra cases; random positive margins. */
const caseArb = fc.array(fc.integer({ min: 2, max: 5 }), { minLength: 1, maxLength: 3 }).chain((sizes) =>
  fc.record({
    sizes: fc.constant(sizes),
    extra: fc.array(fc.tuple(...sizes.map((k) => fc.integer({ min: 1, max: k }))), { maxLength: 200 }),
    base: fc.array(fc.double({ min: 0.5, max: 3, noNaN: true }), { minLength: 400, maxLength: 400 }),
    shares: fc.tuple(...sizes.map((k) => fc.array(fc.double({ min: 0.05, max: 1, noNaN: true }), { minLength: k, maxLength: k }))),
  }),
) as fc.Arbitrary<Case>;

function build(c: Case) {
  const rows: number[][] = [];
  const walk = (prefix: number[]) => {
    if (prefix.length === c.sizes.length) return void rows.push(prefix);
    for (let v = 1; v <= c.sizes[prefix.length]; v++) walk([...prefix, v]);
  };
  walk([]);
  rows.push(...c.extra);
  const names = c.sizes.map((_, j) => `v${j}`);
  const ds = makeDataset([
    ...names.map((name, j) => ({ name, values: rows.map((r) => r[j]) })),
    { name: 'd', values: rows.map((_, i) => c.base[i % c.base.length]) },
  ]);
  const total = 10_000;
  const targets: Targets = {
    margins: names.map((variable, j) => {
      const s = c.shares[j].reduce((a, b) => a + b, 0);
      return { variable, targets: Object.fromEntries(c.shares[j].map((x, k) => [String(k + 1), (x / s) * total])) };
    }),
  };
  return { ds, targets };
}

function expectMarginsMet(report: ReturnType<typeof runWeighting>['report'], rel: number) {
  for (const m of report.margins) for (const c of m.categories) expect(Math.abs(c.achieved - c.target) / c.target).toBeLessThan(rel);
}

describe('weighting properties', () => {
  it('rake and linear meet every margin; raking weights are positive', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { ds, targets } = build(c);
        for (const method of ['rake', 'linear'] as const) {
          const { weights, report } = runWeighting(ds, { method, targets, baseWeight: 'd' });
          expectMarginsMet(report, 1e-9);
          if (method === 'rake') expect(weights.every((w) => w > 0)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('poststratification on joint cells meets every cell', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { ds, targets } = build(c);
        const vars = targets.margins!.map((m) => m.variable);
        const cells: Record<string, number>[] = [];
        const walk = (prefix: number[]) => {
          if (prefix.length === vars.length)
            return void cells.push({ ...Object.fromEntries(vars.map((v, j) => [v, prefix[j]])), target: 1 + prefix.reduce((a, b) => a * 7 + b, 0) });
          for (let v = 1; v <= c.sizes[prefix.length]; v++) walk([...prefix, v]);
        };
        walk([]);
        const { report } = runWeighting(ds, { method: 'poststrat', targets: { cells } });
        expectMarginsMet(report, 1e-12);
      }),
      { numRuns: 40 },
    );
  });

  it('IPF and Newton on the raking distance reach the same weights', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }).chain((ncells) =>
          fc.record({
            base: fc.array(fc.double({ min: 0.1, max: 10, noNaN: true }), { minLength: ncells, maxLength: ncells }),
            seed: fc.integer({ min: 1, max: 1e6 }),
          }),
        ),
        ({ base, seed }) => {
          // Two margins over cells laid out on a grid, every row and column present.
          const ncells = base.length;
          const K = Math.max(1, Math.ceil(Math.sqrt(ncells)));
          const rows = Int32Array.from({ length: ncells }, (_, c) => c % K);
          const cols = Int32Array.from({ length: ncells }, (_, c) => Math.floor(c / K));
          const nr = Math.min(K, ncells);
          const nc = Math.ceil(ncells / K);
          const total = base.reduce((a, b) => a + b, 0) * (1 + (seed % 7) / 10);
          const targetsOf = (n: number, shift: number) => {
            const raw = Array.from({ length: n }, (_, k) => 1 + ((seed * (k + shift)) % 13));
            const s = raw.reduce((a, b) => a + b, 0);
            return Float64Array.from(raw.map((x) => (x / s) * total));
          };
          const p: CellProblem = {
            ncells,
            base: Float64Array.from(base),
            margins: [
              { cat: rows, targets: targetsOf(nr, 1) },
              { cat: cols, targets: targetsOf(nc, 3) },
            ],
          };
          // Cells missing from the grid make some targets unreachable: compare only when both converge.
          const ipf = rake(p, { maxIter: 5000, epsilon: 1e-12 });
          const newton = calibrate(p, rakingCalfun, { maxIter: 200, epsilon: 1e-12, bounds: null });
          if (ipf.converged && newton.converged) ipf.g.forEach((g, c) => expect(Math.abs(g - newton.g[c]) / g).toBeLessThan(1e-8));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('bounded calibration keeps every ratio within the bounds, or fails with a WeightingError', () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.double({ min: 0.2, max: 0.95, noNaN: true }),
        fc.double({ min: 1.05, max: 4, noNaN: true }),
        fc.boolean(),
        (c, lo, hi, linear) => {
          const { ds, targets } = build(c);
          try {
            const { weights, report } = runWeighting(ds, { method: linear ? 'linear' : 'rake', targets, bounds: [lo, hi], maxIter: 300 });
            expectMarginsMet(report, 1e-9);
            const mean = report.total / report.n;
            for (const w of weights) {
              expect(w / mean).toBeGreaterThanOrEqual(lo - 1e-9);
              expect(w / mean).toBeLessThanOrEqual(hi + 1e-9);
            }
          } catch (e) {
            expect(e).toBeInstanceOf(WeightingError);
            expect((e as WeightingError).detail.code).toBe('weight-not-converged');
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("trimming equals R's repeated rounds of trimWeights(strict = TRUE)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.1, max: 100, noNaN: true }), { minLength: 2, maxLength: 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (ws, f) => {
          const mean = ws.reduce((a, b) => a + b, 0) / ws.length;
          const top = Math.max(...ws);
          const max = mean + (top - mean) * (0.05 + 0.9 * f);
          if (!(max > mean * (1 + 1e-9))) return;
          // R: trim those above, share the excess equally among the rest, repeat until none is above.
          let r = [...ws];
          for (let round = 0; round < 10_000; round++) {
            const outside = r.map((w) => w > max);
            if (!outside.some(Boolean)) break;
            const excess = r.reduce((s, w, i) => s + (outside[i] ? w - max : 0), 0);
            const inside = outside.filter((o) => !o).length;
            r = r.map((w, i) => (outside[i] ? max : w + excess / inside));
          }
          const w = Float64Array.from(ws);
          trimWeights(w, max);
          w.forEach((v, i) => expect(Math.abs(v - r[i])).toBeLessThan(1e-9 * Math.max(1, r[i])));
          expect(Math.abs(w.reduce((a, b) => a + b, 0) - ws.reduce((a, b) => a + b, 0))).toBeLessThan(1e-9 * mean * ws.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
