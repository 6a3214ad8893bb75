/**
 * Hat values against R's hatvalues() (tests/oracle/regression/leverage/make.R): OLS unweighted, with
 * frequency and with sampling weights, through both least-squares solvers; logit, unweighted and
 * weighted; the within (FE) model. They come out of the residual or scores pass, so this also checks
 * that asking for them leaves the estimates alone.
 */
import { describe, expect, it } from 'vitest';
import expected from '../../../tests/oracle/regression/leverage/expected.json';
import { loadCsvDataset } from '../../../tests/oracle/regression/load-fixture';
import { regress, type RegressOptions } from './index';

const ds = loadCsvDataset(new URL('../../../tests/oracle/regression/fixture.csv', import.meta.url).pathname, {
  x2: { values: [-99], range: null },
  yb: { values: [9], range: null },
  reg: { values: [9], range: null },
});

interface Case {
  spec: RegressOptions;
  rows: number[];
  h: number[];
}
const cases = expected as unknown as Record<string, Case>;

describe('hat values match R hatvalues()', () => {
  for (const [name, c] of Object.entries(cases)) {
    const solvers = c.spec.model === 'logit' ? ([undefined] as const) : (['qr', 'normal'] as const);
    for (const solver of solvers) {
      it(`${name}${solver ? ` (${solver})` : ''}`, () => {
        const plain = regress(ds, { ...c.spec, solver });
        const r = regress(ds, { ...c.spec, solver, diagnostics: { keepAll: true } });
        const hat = r.diagnostics!.hat!;
        expect(hat.length).toBe(c.h.length);
        let worst = 0;
        for (let i = 0; i < hat.length; i++) worst = Math.max(worst, Math.abs(hat[i] - c.h[i]));
        expect(worst).toBeLessThan(1e-9);
        const top = c.h.indexOf(Math.max(...c.h));
        expect(r.diagnostics!.maxLeverage).toBeCloseTo(c.h[top], 9);
        // Asking for diagnostics changes nothing else.
        const { diagnostics: _d, ...rest } = r;
        expect(rest).toEqual(plain);
        const k = r.coefficients.length;
        expect(r.diagnostics!.params).toBe(c.spec.model === 'fe' ? k + new Set(c.rows.map((row) => Math.ceil(row / 4))).size : k);
      });
    }
  }
});

describe('the term a high-leverage case stands out in', () => {
  it('names the predictor in which one isolated case lies far out', () => {
    const n = 200;
    const x = Float64Array.from({ length: n }, (_, i) => 20 + (i % 50));
    const d = Float64Array.from(x, (v, i) => v + (i === 77 ? 1000 : 0));
    const y = Float64Array.from(x, (v, i) => 3 + 0.1 * v + Math.sin(i));
    const data = {
      ...ds,
      rows: n,
      variables: ds.variables.slice(0, 3).map((v, j) => ({ ...v, name: ['x', 'd', 'y'][j], missing: { values: [], range: null } })),
      columns: [x, d, y].map((data) => ({ kind: 'numeric' as const, data })),
    };
    const r = regress(data, { dependent: 'y', predictors: ['x', 'd'], model: 'ols', se: 'classical', diagnostics: {} });
    expect(r.diagnostics!.maxLeverage).toBeGreaterThan(0.99);
    expect(r.diagnostics!.leverageTerm).toBe('d');
  });
});
