import { describe, expect, it } from 'vitest';
import certified from '../../../tests/oracle/nist/certified.json';
import { loadCsvDataset } from '../../../tests/oracle/regression/load-fixture';
import { type Dataset, newVariable } from '../../model/dataset';
import { regress } from './index';
import type { Solver } from './least-squares';

// NIST StRD linear regression. Longley: data from tests/oracle/nist/make.R (R's datasets::longley in
// NIST's scaling), certified values typed in from the NIST page (tests/oracle/nist/certified.json).
// Wampler 1 and 2 are defined exactly by polynomials in x = 0..20 with certified b = their coefficients
// and residual SD 0. Require ≥ 9 significant digits.
const SIG = 1e-9;

function polynomialDataset(y: (x: number) => number): Dataset {
  const xs = Array.from({ length: 21 }, (_, x) => x);
  const names = ['y', 'x1', 'x2', 'x3', 'x4', 'x5'];
  const columns = [Float64Array.from(xs, y), ...[1, 2, 3, 4, 5].map((p) => Float64Array.from(xs, (x) => x ** p))];
  return {
    name: 'wampler',
    rows: 21,
    variables: names.map((n) => newVariable(n, 'numeric')),
    columns: columns.map((data) => ({ kind: 'numeric' as const, data })),
    weight: null,
    fileLabel: '',
    documents: [],
    mrSets: [],
  };
}

const solvers: Solver[] = ['qr', 'normal'];

describe('NIST StRD Longley', () => {
  const ds = loadCsvDataset(new URL('../../../tests/oracle/nist/longley.csv', import.meta.url).pathname);
  const c = certified.longley;
  for (const solver of solvers) {
    it(`matches the certified values to 9 digits (${solver})`, () => {
      const r = regress(ds, { dependent: 'y', predictors: ['x1', 'x2', 'x3', 'x4', 'x5', 'x6'], model: 'ols', se: 'classical', solver });
      expect(r.coefficients.map((k) => k.term)).toEqual(c.terms);
      r.coefficients.forEach((k, j) => {
        expect(Math.abs(k.b - c.b[j]) / Math.abs(c.b[j])).toBeLessThan(SIG);
        expect(Math.abs(k.se - c.se[j]) / c.se[j]).toBeLessThan(SIG);
      });
      expect(Math.abs((r.r2 as number) - c.r2) / c.r2).toBeLessThan(SIG);
      expect(r.df).toBe(9);
    });
  }
});

describe('NIST StRD Wampler 1 and 2 (exact polynomials, residual SD 0)', () => {
  const cases = [
    // Wampler1: y = 1 + x + x² + x³ + x⁴ + x⁵.
    { name: 'Wampler1', y: (x: number) => 1 + x + x ** 2 + x ** 3 + x ** 4 + x ** 5, b: [1, 1, 1, 1, 1, 1] },
    // Wampler2: y = 1 + 0.1x + … + 1e-5x⁵, formed as an exact integer over 1e5 so y is the double nearest
    // the decimal value NIST lists.
    {
      name: 'Wampler2',
      y: (x: number) => (100000 + 10000 * x + 1000 * x ** 2 + 100 * x ** 3 + 10 * x ** 4 + x ** 5) / 100000,
      b: [1, 0.1, 0.01, 0.001, 1e-4, 1e-5],
    },
  ];
  for (const w of cases) {
    it(`${w.name}: certified coefficients, zero residual SD`, () => {
      const r = regress(polynomialDataset(w.y), { dependent: 'y', predictors: ['x1', 'x2', 'x3', 'x4', 'x5'], model: 'ols', se: 'classical', solver: 'qr' });
      r.coefficients.forEach((k, j) => {
        expect(Math.abs(k.b - w.b[j]) / w.b[j]).toBeLessThan(SIG);
        expect(k.se).toBeLessThan(SIG * w.b[j]);
      });
      expect(r.r2).toBeCloseTo(1, 12);
    });
  }
});
