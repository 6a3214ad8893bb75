/**
 * Output rules on a multiple-response set as the layer: the items overlap, so each layer is bounded by
 * the total (the set's base) instead of summing to it. The intruder's audit (tests/disclosure/
 * layer-audit.ts, built from the published tables alone) knows those inequalities; every withheld
 * cell must keep its protection margin against them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditLayered, datasetWithSet } from '../../../tests/disclosure/layer-audit';
import { setLayeredCrosstab } from '../../engine/mr/set-layers';
import { defaultRuleSet } from '../rules';
import { applyRulesToLayers } from './layers';

const rs = defaultRuleSet('cbs-persons');

function layered(cases: number[][], nItems: number) {
  const ds = datasetWithSet(cases, nItems);
  return setLayeredCrosstab(ds, { row: 'a', col: 'b', set: ds.mrSets[0] });
}

/** `n` copies of the case (a, b, ticked items…). */
const times = (n: number, ...c: number[]) => Array.from({ length: n }, () => c);

describe('a set as the layer: rules with overlapping layers', () => {
  // Total [[3, 60], [40, 45]]; item 1 holds the 60 and the 40, item 2 the 3 and the 45. Protecting the 3
  // inside the total alone (all four interior cells withheld) leaves item 1 published — and item 1's 60
  // and 40 bound the total's cells from below: 3 + 60 = 63 and 3 + 40 = 43 pin the 3 to [0, 3].
  const cases = [...times(3, 1, 1, 1), ...times(60, 1, 2, 0), ...times(40, 2, 1, 0), ...times(45, 2, 2, 1)];

  it('the layers are the items, the total the set’s base, and the layers do not add up to it', () => {
    const r = layered(cases, 2);
    expect(r.layers.map((l) => l.code)).toEqual(['s1', 's2']);
    expect(r.total!.count).toEqual([
      [3, 60],
      [40, 45],
    ]);
    expect(r.overlapping).toEqual({ set: '$s', kind: 'dichotomies', maxPerCase: 2 });
  });

  it('no withheld cell can be narrowed below its margin using "each item ≤ the total"', () => {
    const truth = layered(cases, 2);
    const out = applyRulesToLayers(truth, rs);
    expect(auditLayered(out, truth, rs).filter((e) => !e.ok)).toEqual([]);
    if (out.total) expect(out.total.count[0][0]).toBeNull();
    // The published item-1 cells at the 60 and the 40 cannot both stand beside a published total margin.
    const leaks =
      out.total !== null &&
      out.total.rowCounts![0] !== null &&
      out.total.colCounts![0] !== null &&
      out.layers[0].table.count[0]?.[1] === 60 &&
      out.layers[0].table.count[1]?.[0] === 40;
    expect(leaks).toBe(false);
  });

  it('property: random small tables with overlapping items keep every withheld cell protected', () => {
    const caseArb = fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 2 }), fc.subarray([0, 1, 2]));
    fc.assert(
      fc.property(fc.array(caseArb, { minLength: 40, maxLength: 160 }), (raw) => {
        const cases = raw.map(([a, b, items]) => [a, b, ...items]);
        let truth;
        try {
          truth = layered(cases, 3);
        } catch {
          return; // every item empty: no layered table to publish
        }
        const out = applyRulesToLayers(truth, rs);
        expect(auditLayered(out, truth, rs).filter((e) => !e.ok)).toEqual([]);
      }),
      { seed: 20261206, numRuns: 60 },
    );
  });
});
