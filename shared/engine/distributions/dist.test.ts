import { describe, expect, it } from 'vitest';
import expected from '../../../tests/oracle/dist/expected.json';
import * as dist from './index';

// Reference values: tests/oracle/dist/make.R (R's pnorm/qnorm/pchisq/pt/qt/pf), written with %.17g.
type Fn = (...args: number[]) => number;
const fns: Record<string, Fn> = {
  normalCdf: dist.normalCdf,
  normalSf: dist.normalSf,
  normalQuantile: dist.normalQuantile,
  chi2Cdf: dist.chi2Cdf,
  chi2Sf: dist.chi2Sf,
  tCdf: dist.tCdf,
  tSf: dist.tSf,
  tQuantile: dist.tQuantile,
  fCdf: dist.fCdf,
  fSf: dist.fSf,
};

const REL = 1e-10;

function relErr(got: number, want: number): number {
  // Below the normal double range a relative comparison is meaningless; those must be equally tiny.
  if (Math.abs(want) < 1e-290) return Math.abs(got) < 1e-290 ? 0 : Infinity;
  return Math.abs(got - want) / Math.abs(want);
}

describe('distributions agree with R to relative 1e-10', () => {
  const cases = (expected as { cases: { fn: string; args: number[]; value: number }[] }).cases;
  for (const name of Object.keys(fns)) {
    it(name, () => {
      const mine = cases.filter((c) => c.fn === name);
      expect(mine.length).toBeGreaterThan(10);
      const bad = mine.map((c) => ({ args: c.args, want: c.value, got: fns[name](...c.args) })).filter((r) => !(relErr(r.got, r.want) <= REL));
      expect(bad).toEqual([]);
    });
  }
});

describe('edge cases', () => {
  it('tails sum to one and quantiles invert', () => {
    for (const z of [-5, -1, 0, 0.3, 2, 6]) expect(dist.normalCdf(z) + dist.normalSf(z)).toBeCloseTo(1, 15);
    for (const p of [1e-12, 0.01, 0.5, 0.9]) expect(dist.tCdf(dist.tQuantile(p, 7), 7) / p).toBeCloseTo(1, 12);
  });
  it('handles boundaries', () => {
    expect(dist.chi2Sf(0, 3)).toBe(1);
    expect(dist.chi2Sf(Infinity, 3)).toBe(0);
    expect(dist.fSf(0, 2, 3)).toBe(1);
    expect(dist.tQuantile(1, 5)).toBe(Infinity);
    expect(dist.normalQuantile(0)).toBe(-Infinity);
    expect(Number.isNaN(dist.chi2Sf(1, -1))).toBe(true);
  });
});
