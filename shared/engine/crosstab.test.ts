/** Properties of crosstab and banner on random data (the R oracle is in tests/oracle/tables). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Dataset, compactNumeric, newVariable } from '../model/dataset';
import { banner } from './banner';
import { crosstab } from './crosstab';
import { EngineError } from './errors';

interface Rows {
  a: number[];
  b: number[];
  w: number[];
}

function dataset({ a, b, w }: Rows, wide = false): Dataset {
  // wide: keep Float64 storage, which takes the general tally path instead of the Int8 one-pass path.
  const mk = (v: number[]) => ({ kind: 'numeric' as const, data: wide ? Float64Array.from(v) : compactNumeric(Float64Array.from(v)) });
  return {
    name: 'p',
    rows: a.length,
    variables: [newVariable('a', 'numeric', { missing: { values: [9], range: null } }), newVariable('b', 'numeric'), newVariable('w', 'numeric')],
    weight: null,
    fileLabel: '',
    documents: [],
    mrSets: [],
    columns: [mk(a), mk(b), mk(w)],
  };
}

const rowsArb = fc
  .array(
    fc.record({
      a: fc.constantFrom(1, 2, 3, 9, NaN),
      b: fc.constantFrom(1, 2, 3),
      w: fc.oneof(fc.constant(0), fc.double({ min: 0.1, max: 5, noNaN: true })),
    }),
    { minLength: 8, maxLength: 60 },
  )
  // One guaranteed valid case: an empty table is an error (tested below), not a property.
  .map((cases) => [{ a: 1, b: 2, w: 1.5 }, ...cases])
  .map((cases) => ({ a: cases.map((c) => c.a), b: cases.map((c) => c.b), w: cases.map((c) => c.w) }));

const close = (x: number, y: number, tol: number) => (Number.isNaN(x) && Number.isNaN(y)) || Math.abs(x - y) <= tol * Math.max(1, Math.abs(y));

/** Deep comparison with a relative tolerance (each test passes its own; none is shared between tests). */
function expectClose(x: unknown, y: unknown, tol = 1e-9): void {
  if (typeof x === 'number' && typeof y === 'number') {
    if (!close(x, y, tol)) expect(x).toBe(y);
  } else if (Array.isArray(x) && Array.isArray(y)) {
    expect(x.length).toBe(y.length);
    x.forEach((v, i) => expectClose(v, y[i], tol));
  } else if (x && y && typeof x === 'object' && typeof y === 'object') {
    const keys = Object.keys(x as object).filter((k) => k !== 'weightInfo' && k !== 'weight');
    for (const k of keys) expectClose((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], tol);
  } else expect(x).toEqual(y);
}

const FREQ = { variable: 'w', type: 'frequency' } as const;

describe('crosstab properties', () => {
  it('storage does not matter: the Int8 one-pass path equals the general path', () => {
    fc.assert(
      fc.property(rowsArb, (r) => {
        const opts = { row: 'a', col: 'b', weight: FREQ };
        expectClose(crosstab(dataset(r, true), opts), crosstab(dataset(r), { ...opts, onePass: true }));
      }),
      { seed: 1501 },
    );
  });

  it('weights of 1 give the unweighted result', () => {
    fc.assert(
      fc.property(rowsArb, (r) => {
        const ds = dataset({ ...r, w: r.w.map(() => 1) });
        expectClose(crosstab(ds, { row: 'a', col: 'b', weight: FREQ }), crosstab(ds, { row: 'a', col: 'b' }));
      }),
      { seed: 1502 },
    );
  });

  it('duplicating every case with weight ½ changes nothing (frequency weights)', () => {
    fc.assert(
      fc.property(rowsArb, (r) => {
        const once = crosstab(dataset(r), { row: 'a', col: 'b', weight: FREQ });
        const twice = crosstab(dataset({ a: [...r.a, ...r.a], b: [...r.b, ...r.b], w: [...r.w, ...r.w].map((v) => v / 2) }), {
          row: 'a',
          col: 'b',
          weight: FREQ,
        });
        const { count: _c1, rowCounts: _r1, colCounts: _k1, n: _n1, ...a } = once;
        const { count: _c2, rowCounts: _r2, colCounts: _k2, n: _n2, ...b } = twice;
        expectClose(b, a);
        expect(twice.n).toBe(2 * once.n!);
      }),
      { seed: 1503 },
    );
  });

  it('permuting cases changes nothing, Rao–Scott and banner letters included', () => {
    fc.assert(
      fc.property(rowsArb, fc.integer(), (r, seed) => {
        const idx = r.a.map((_, i) => i);
        let s = seed >>> 0;
        for (let i = idx.length - 1; i > 0; i--) {
          s = (s * 1103515245 + 12345) >>> 0;
          const j = s % (i + 1);
          [idx[i], idx[j]] = [idx[j], idx[i]];
        }
        const p = { a: idx.map((i) => r.a[i]), b: idx.map((i) => r.b[i]), w: idx.map((i) => r.w[i]) };
        const opts = { row: 'a', col: 'b', weight: { variable: 'w', type: 'sampling' as const } };
        // Summation order changes rounding, and Rao–Scott's Δ solve on sparse random tables can amplify it.
        const tol = 1e-7;
        expectClose(crosstab(dataset(p), opts), crosstab(dataset(r), opts), tol);
        const bopts = {
          row: 'b',
          columns: { total: true, items: [{ variable: 'a' }] },
          weight: opts.weight,
          tests: { adjust: 'bh' as const, alpha: 0.2 },
          means: true,
        };
        expectClose(banner(dataset(p), bopts), banner(dataset(r), bopts), tol);
      }),
      { seed: 1504 },
    );
  });
});

describe('crosstab errors', () => {
  it('an empty table is an engine error, not an empty result', () => {
    const ds = dataset({ a: [9, 9, NaN], b: [1, 2, 3], w: [1, 1, 1] });
    let err: unknown;
    try {
      crosstab(ds, { row: 'a', col: 'b' });
    } catch (e) {
      err = e;
    }
    // A code with parameters, no prose of the engine's own: the catalogue gives the text (English here).
    expect(err).toBeInstanceOf(EngineError);
    expect(err).toMatchObject({ code: 'empty-table', detail: { code: 'engine-empty-table', row: 'a', col: 'b' } });
    expect((err as Error).message).toBe('Empty table: a × b has no valid cases');
  });
});

describe('banner properties', () => {
  it('duplicating every case with weight ½ changes nothing but the unweighted counts (frequency weights)', () => {
    fc.assert(
      fc.property(rowsArb, (r) => {
        const opts = {
          row: 'b',
          columns: { total: true, items: [{ variable: 'a' }, { nest: ['a', 'b'] as [string, string] }] },
          weight: FREQ,
          tests: { adjust: 'bonferroni' as const, alpha: 0.3 },
          means: true,
        };
        const once = banner(dataset(r), opts);
        const twice = banner(dataset({ a: [...r.a, ...r.a], b: [...r.b, ...r.b], w: [...r.w, ...r.w].map((v) => v / 2) }), opts);
        expectClose(
          twice.cells.map((row) => row.map((c) => [c.weighted, c.pct, c.sig])),
          once.cells.map((row) => row.map((c) => [c.weighted, c.pct, c.sig])),
        );
        expectClose(twice.base.weighted, once.base.weighted);
        expectClose([twice.means!.mean, twice.means!.se], [once.means!.mean, once.means!.se]);
        expect(twice.base.count).toEqual(once.base.count.map((n) => 2 * n!));
      }),
      { seed: 1505 },
    );
  });
});
