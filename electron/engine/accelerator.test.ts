/**
 * The WebAssembly kernels (one thread and two) against the JavaScript kernels on random data: every
 * crosstab, banner and category list must be the same — counts exactly, sums of weights to rounding
 * (two threads add the halves in another order).
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { banner } from '../../shared/engine/banner';
import { categoryLookup } from '../../shared/engine/categorize';
import { crosstab } from '../../shared/engine/crosstab';
import { type Dataset, compactNumeric, newVariable } from '../../shared/model/dataset';
import { type AcceleratorMode, installEngineAccelerator, uninstallEngineAccelerator } from './install-accelerator';

interface Row {
  a: number;
  b: number;
  c: number;
  d: number;
  w: number;
  f: boolean;
}

const code = fc.constantFrom(-3, 1, 2, 3, 4, 9, 12, Number.NaN);
const rowArb: fc.Arbitrary<Row> = fc.record({
  a: code,
  b: fc.constantFrom(1, 2, 5, 9, Number.NaN),
  c: fc.constantFrom(1, 2),
  d: fc.constantFrom(1, 2, 3, 99),
  w: fc.oneof(fc.constant(0), fc.constant(-1), fc.constant(Number.NaN), fc.double({ min: 0.01, max: 7, noNaN: true })),
  f: fc.boolean(),
});

function dataset(rows: Row[]): { ds: Dataset; filter: Uint8Array } {
  const col = (k: keyof Row) => ({ kind: 'numeric' as const, data: compactNumeric(Float64Array.from(rows, (r) => Number(r[k]))) });
  const int8 = (k: keyof Row) => {
    const c = col(k);
    // Int8 storage is the accelerated case; the generators keep codes inside its range.
    expect(c.data).toBeInstanceOf(Int8Array);
    return c;
  };
  const ds: Dataset = {
    name: 'p',
    rows: rows.length,
    variables: [
      newVariable('a', 'numeric', { missing: { values: [9], range: null }, valueLabels: { '1': 'een', '7': 'zeven' } }),
      newVariable('b', 'numeric', { missing: { values: [9], range: null } }),
      newVariable('c', 'numeric'),
      newVariable('d', 'numeric', { missing: { values: [], range: [90, 99] } }),
      newVariable('w', 'numeric'),
    ],
    weight: null,
    fileLabel: '',
    documents: [],
    mrSets: [],
    columns: [int8('a'), int8('b'), int8('c'), int8('d'), { kind: 'numeric', data: Float64Array.from(rows, (r) => r.w) }],
  };
  return { ds, filter: Uint8Array.from(rows, (r) => (r.f ? 1 : 0)) };
}

/** Deep equality with numbers equal to a relative 1e-12 (NaN equals NaN). */
function expectClose(actual: unknown, expected: unknown, path = '$'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    if (Number.isNaN(expected)) return void expect(actual, path).toBeNaN();
    const tol = 1e-12 * Math.max(1, Math.abs(expected));
    if (Math.abs(actual - expected) > tol) expect(actual, path).toBe(expected);
    return;
  }
  if (Array.isArray(expected) || (expected !== null && typeof expected === 'object')) {
    expect(typeof actual, path).toBe('object');
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    expect(Object.keys(a).sort(), path).toEqual(Object.keys(e).sort());
    for (const k of Object.keys(e)) expectClose(a[k], e[k], `${path}.${k}`);
    return;
  }
  expect(actual, path).toEqual(expected);
}

/** Every result the accelerated kernels feed, computed once. */
function results(ds: Dataset, filter: Uint8Array) {
  const out: Record<string, unknown> = {};
  const attempt = (name: string, f: () => unknown) => {
    try {
      out[name] = f();
    } catch (e) {
      out[name] = `error: ${(e as Error).message}`;
    }
  };
  const cols = { total: true, items: [{ variable: 'a' }, { nest: ['c', 'd'] as [string, string] }, { variable: 'd' }] };
  attempt('xtab', () => crosstab(ds, { row: 'a', col: 'b', onePass: true }));
  attempt('xtabW', () => crosstab(ds, { row: 'a', col: 'd', weight: { variable: 'w', type: 'frequency' }, filter, onePass: true }));
  attempt('xtabS', () => crosstab(ds, { row: 'b', col: 'c', weight: { variable: 'w', type: 'sampling' }, onePass: true }));
  attempt('banner', () => banner(ds, { row: 'b', columns: cols }));
  attempt('bannerW', () => banner(ds, { row: 'a', columns: cols, weight: { variable: 'w', type: 'sampling' }, filter, tests: { adjust: 'bh', alpha: 0.05 } }));
  attempt('look', () => ds.columns.slice(0, 4).map((c, k) => categoryLookup(c, ds.variables[k], { filter }).categories));
  return out;
}

afterAll(() => uninstallEngineAccelerator());

describe.each<AcceleratorMode>(['one-thread', 'two-threads'])('WebAssembly kernels (%s) equal the JavaScript ones', (mode) => {
  it('on random data with missing codes, odd weights and filters', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 400 }), (rows) => {
        const { ds, filter } = dataset(rows);
        uninstallEngineAccelerator();
        const js = results(ds, filter);
        expect(installEngineAccelerator(mode, { fromRows: 1, splitFromRows: 2 })).toBe(mode);
        const fast = results(ds, filter);
        uninstallEngineAccelerator();
        expectClose(fast, js);
      }),
      { numRuns: 60, seed: 1512 },
    );
  });
});
