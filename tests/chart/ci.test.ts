// Intervals against R (tests/chart/oracle/make.R → ci.json; Wilson cross-checked with prop.test).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { proportionCI, qnorm } from '../../shared/chart/ci';

interface Oracle {
  cases: { p: number; n: number; level: number; z: number; wilson: [number, number]; normal: [number, number] }[];
  qnorm: { p: number; q: number }[];
}
const oracle: Oracle = JSON.parse(readFileSync(join(__dirname, 'oracle', 'ci.json'), 'utf8'));

describe('confidence intervals (R oracle)', () => {
  it('qnorm matches R to 1e-8', () => {
    for (const { p, q } of oracle.qnorm) expect(Math.abs(qnorm(p) - q)).toBeLessThan(1e-8);
  });
  it.each(oracle.cases)('Wilson and normal for p=$p n=$n level=$level', (c) => {
    const w = proportionCI(c.p, c.n, c.level, 'wilson')!;
    const nrm = proportionCI(c.p, c.n, c.level, 'normal')!;
    expect(Math.abs(w.lo - c.wilson[0])).toBeLessThan(1e-8);
    expect(Math.abs(w.hi - c.wilson[1])).toBeLessThan(1e-8);
    expect(Math.abs(nrm.lo - c.normal[0])).toBeLessThan(1e-8);
    expect(Math.abs(nrm.hi - c.normal[1])).toBeLessThan(1e-8);
  });
  it('gives no interval without a base', () => {
    expect(proportionCI(0.5, 0, 0.95, 'wilson')).toBeNull();
  });
});
