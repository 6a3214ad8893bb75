import { describe, expect, it } from 'vitest';
import expected from '../../../tests/oracle/regression/expected.json';
import { loadCsvDataset } from '../../../tests/oracle/regression/load-fixture';
import type { RegressionResult } from '../../model/results';
import { regress, type RegressOptions } from './index';

// Reference: tests/oracle/regression/make.R (R lm/glm + sandwich/lmtest + survey) on fixture.csv.
const ds = loadCsvDataset(new URL('../../../tests/oracle/regression/fixture.csv', import.meta.url).pathname, {
  x2: { values: [-99], range: null },
  yb: { values: [9], range: null },
  reg: { values: [9], range: null },
});

interface Table {
  term: string[];
  b: number[];
  se: number[];
  stat: number[];
  p: number[];
  ciLow: number[];
  ciHigh: number[];
  oddsRatio?: number[];
  orLow?: number[];
  orHigh?: number[];
}
interface Case {
  spec: Omit<RegressOptions, 'filter'> & { filter?: string };
  result: { n: number; nRows?: number; df: number; r2?: number; adjR2?: number; neg2LL?: number; se: string; coefficients: Table };
}
const cases = (expected as unknown as { cases: Record<string, Case> }).cases;

function filterFor(expr: string | undefined): Uint8Array | undefined {
  if (expr === undefined) return undefined;
  if (expr !== 'wave != 4') throw new Error(`unknown filter ${expr}`);
  const wave = ds.columns[ds.variables.findIndex((v) => v.name === 'wave')];
  if (wave.kind !== 'numeric') throw new Error('wave');
  return Uint8Array.from(wave.data, (v) => (v !== 4 ? 1 : 0));
}

const rel = (got: number, want: number): number => Math.abs(got - want) / Math.max(Math.abs(want), 1e-300);

export function compare(got: RegressionResult, want: Case['result'], solverNote = ''): void {
  const t = want.coefficients;
  expect(got.coefficients.map((c) => c.term)).toEqual(t.term);
  expect(got.df, `df ${solverNote}`).toBeCloseTo(want.df, 9);
  expect(got.se).toBe(want.se);
  const bad: string[] = [];
  got.coefficients.forEach((c, j) => {
    for (const f of ['b', 'se', 'stat', 'ciLow', 'ciHigh', 'oddsRatio', 'orLow', 'orHigh'] as const) {
      const w = t[f]?.[j];
      if (w === undefined) continue;
      const g = c[f] as number;
      if (!(rel(g, w) <= 1e-9)) bad.push(`${c.term}.${f}: ${g} vs ${w}`);
    }
    if (!(Math.abs(c.p - t.p[j]) <= 1e-9 && rel(c.p, t.p[j]) <= 1e-6)) bad.push(`${c.term}.p: ${c.p} vs ${t.p[j]}`);
  });
  for (const f of ['r2', 'adjR2', 'neg2LL'] as const) {
    const w = want[f];
    if (w !== undefined && !(rel(got[f] as number, w) <= 1e-9)) bad.push(`${f}: ${got[f]} vs ${w}`);
  }
  expect(bad, solverNote).toEqual([]);
}

describe('regression matches R on the seeded fixture', () => {
  for (const [name, c] of Object.entries(cases)) {
    it(name, () => {
      const { filter, ...spec } = c.spec;
      const got = regress(ds, { ...spec, filter: filterFor(filter) });
      // With frequency weights R's n is the expanded count (Σfw); the engine reports the cases in the file.
      if (spec.weight?.type === 'frequency') expect(c.result.nRows, 'make.R writes nRows for frequency weights').toBeDefined();
      expect(got.n).toBe(c.result.nRows ?? c.result.n);
      compare(got, c.result);
    });
    if (c.spec.model !== 'logit') {
      it(`${name} (streaming normal-equation solver)`, () => {
        const { filter, ...spec } = c.spec;
        compare(regress(ds, { ...spec, filter: filterFor(filter), solver: 'normal' }), c.result, 'normal');
      });
    }
  }
});
