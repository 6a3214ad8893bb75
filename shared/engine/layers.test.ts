import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Dataset, newVariable } from '../model/dataset';
import { crosstab } from './crosstab';
import { EngineError } from './errors';
import { layeredCrosstab } from './layers';

/** Rows as [row (string), col, layer, weight]; layer code 9 is user-missing, NaN system-missing. */
function dataset(rows: [string, number, number, number][]): Dataset {
  const dict = [...new Set(rows.map((r) => r[0]))].sort();
  return {
    name: 't',
    rows: rows.length,
    variables: [
      newVariable('s', 'string', { measure: 'nominal' }),
      newVariable('b', 'numeric', { measure: 'nominal' }),
      newVariable('c', 'numeric', { measure: 'nominal', missing: { values: [9], range: null } }),
      newVariable('w', 'numeric'),
    ],
    columns: [
      { kind: 'string', codes: Int32Array.from(rows, (r) => dict.indexOf(r[0])), dict },
      { kind: 'numeric', data: Float64Array.from(rows, (r) => r[1]) },
      { kind: 'numeric', data: Float64Array.from(rows, (r) => r[2]) },
      { kind: 'numeric', data: Float64Array.from(rows, (r) => r[3]) },
    ],
    weight: null,
    fileLabel: '',
    documents: [],
    mrSets: [],
  };
}

const row = fc.tuple(fc.constantFrom('x', 'y', 'z'), fc.integer({ min: 1, max: 3 }), fc.constantFrom(1, 2, 9, NaN), fc.constantFrom(0, 0.5, 1, 2.5));

describe('layeredCrosstab', () => {
  it('each layer equals crosstab() filtered to it, the total is the sum over layers (string row variable)', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 60 }), (rows) => {
        const ds = dataset(rows);
        const weight = { variable: 'w', type: 'frequency' as const };
        const opts = { row: 's', col: 'b', layers: ['c'], weight };
        // Only the one expected refusal is allowed: no valid case (layer 1 or 2, weight > 0) at all.
        if (!rows.some((x) => (x[2] === 1 || x[2] === 2) && x[3] > 0)) {
          expect(() => layeredCrosstab(ds, opts)).toThrow(EngineError);
          return;
        }
        const r = layeredCrosstab(ds, opts);
        for (const l of r.layers) {
          const filter = Uint8Array.from(rows, (x) => (x[2] === l.code ? 1 : 0));
          const want = crosstab(ds, { row: 's', col: 'b', weight, filter });
          expect(l.table.count).toEqual(want.count);
          expect(l.table.weighted).toEqual(want.weighted);
          expect(l.table.rows).toEqual(want.rows);
          expect(l.table.weightInfo!.excluded).toBe(rows.filter((x) => x[2] === l.code && !(x[3] > 0)).length);
        }
        const n = r.layers.reduce((s, l) => s + l.table.n!, 0);
        expect(r.total!.n).toBe(n);
        expect(r.total!.n).toBe(rows.filter((x) => (x[2] === 1 || x[2] === 2) && x[3] > 0).length);
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it('user-missing and system-missing layers only when asked', () => {
    const ds = dataset([
      ['x', 1, 1, 1],
      ['y', 2, 9, 1],
      ['x', 2, NaN, 1],
      ['y', 1, 2, 1],
    ]);
    expect(layeredCrosstab(ds, { row: 's', col: 'b', layers: ['c'] }).layers.map((l) => l.code)).toEqual([1, 2]);
    const all = layeredCrosstab(ds, { row: 's', col: 'b', layers: ['c'], includeMissingLayers: true });
    expect(all.layers.map((l) => String(l.code))).toEqual(['1', '2', '9', 'NaN']);
    expect(all.total!.n).toBe(4);
  });

  it('a layer without valid cases is left out; no layer at all is an error', () => {
    const ds = dataset([
      ['x', 1, 1, 1],
      ['y', NaN, 2, 1],
    ]);
    expect(layeredCrosstab(ds, { row: 's', col: 'b', layers: ['c'] }).layers.map((l) => l.code)).toEqual([1]);
    expect(() => layeredCrosstab(ds, { row: 's', col: 'b', layers: [] })).toThrow();
  });
});
