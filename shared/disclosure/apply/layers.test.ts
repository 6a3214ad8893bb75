import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../../resources/demo/generate';
import { auditLayered, datasetFromCube } from '../../../tests/disclosure/layer-audit';
import { layeredCrosstab } from '../../engine/layers';
import type { LayeredCrosstab } from '../../engine/layer-result';
import { applyRulesToCrosstab } from './crosstab';
import { applyRulesToLayers } from './layers';
import { defaultRuleSet } from '../rules';
import type { CrosstabTable } from '../../model/results';

const rs = defaultRuleSet('cbs-persons');

// Layer 1 holds a 3; the same position holds 20 in layer 2 and 23 in the total, all safe on their own.
const LEAKY = [
  [
    [3, 20, 25],
    [15, 30, 22],
    [18, 12, 40],
  ],
  [
    [20, 14, 30],
    [16, 25, 11],
    [21, 13, 35],
  ],
];

const failures = (pub: LayeredCrosstab, truth: LayeredCrosstab, which: 'count' | 'weighted' = 'count') =>
  auditLayered(pub, truth, rs, which).filter((e) => !e.ok);

describe('applyRulesToLayers', () => {
  const truth = layeredCrosstab(datasetFromCube(LEAKY), { row: 'a', col: 'b', layers: ['c'] });

  it('protecting each table on its own leaks: the audit recovers the 3 from the total and layer 2', () => {
    const naive: LayeredCrosstab = {
      ...truth,
      layers: truth.layers.map((l) => ({ ...l, table: applyRulesToCrosstab(l.table, rs) })),
      total: applyRulesToCrosstab(truth.total!, rs),
    };
    const bad = failures(naive, truth);
    expect(bad.some((e) => e.value === 3 && e.hi - e.lo === 0)).toBe(true);
  });

  it('suppressing over the cube protects every cell using all published tables together', () => {
    const out = applyRulesToLayers(truth, rs);
    expect(out.layers[0].table.count[0][0]).toBeNull();
    expect(out.total).not.toBeNull();
    expect(failures(out, truth)).toEqual([]);
    // Consistency across layers: layer 2 or the total hides something at the 3's position or pays elsewhere.
    const hiddenElsewhere = out.layers[1].table.suppressed.flat().some(Boolean) || out.total!.suppressed.flat().some(Boolean);
    expect(hiddenElsewhere).toBe(true);
    expect(out.rules!.status).toBe('suppressed');
    expect(out.layers[0].table.chi2).toBeNull();
  });

  it('keeps the total only when that withholds fewer cells than leaving it out', () => {
    const hidden = (tables: CrosstabTable[]) =>
      tables.reduce((s, t) => s + [...t.count.flat(), ...t.rowCounts!, ...t.colCounts!, t.n ?? null].filter((v) => v === null).length, 0);
    for (const cube of [
      LEAKY,
      [
        LEAKY[0],
        [
          [2, 1, 0],
          [1, 0, 2],
          [0, 1, 0],
        ],
        LEAKY[1],
      ],
    ]) {
      const t = layeredCrosstab(datasetFromCube(cube), { row: 'a', col: 'b', layers: ['c'] });
      const out = applyRulesToLayers(t, rs);
      const alone = hidden(t.layers.map((l) => applyRulesToCrosstab(l.table, rs))) + 16;
      const chosen = hidden([...out.layers.map((l) => l.table), ...(out.total ? [out.total] : [])]) + (out.total ? 0 : 16);
      expect(chosen).toBeLessThanOrEqual(alone);
      expect(failures(out, t)).toEqual([]);
    }
  });

  it('rule set none publishes everything', () => {
    const out = applyRulesToLayers(truth, defaultRuleSet('none'));
    expect(out.layers[0].table.count[0][0]).toBe(3);
    expect(out.rules!.status).toBe('safe');
  });

  it('a linking key as layer variable blocks every table', () => {
    const out = applyRulesToLayers({ ...truth, layerVariables: ['RINPERSOON'] }, rs);
    expect(out.rules!.status).toBe('blocked');
    expect(out.layers.every((l) => l.table.count.flat().every((v) => v === null))).toBe(true);
  });

  it('random cubes: every small cell withheld, and the audit over all tables passes', () => {
    const cell = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 8, max: 40 }));
    const cube = fc
      .integer({ min: 2, max: 3 })
      .chain((r) =>
        fc
          .integer({ min: 2, max: 3 })
          .chain((c) => fc.array(fc.array(fc.array(cell, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }), { minLength: 2, maxLength: 3 })),
      );
    fc.assert(
      fc.property(cube, (counts) => {
        const n = counts.flat(2).reduce((s, v) => s + v, 0);
        fc.pre(counts.every((layer) => layer.flat().some((v) => v > 0)) && n > 0);
        const t = layeredCrosstab(datasetFromCube(counts), { row: 'a', col: 'b', layers: ['c'] });
        const out = applyRulesToLayers(t, rs);
        out.layers.forEach((l, k) =>
          l.table.count.forEach((row, i) =>
            row.forEach((v, j) => {
              const raw = t.layers[k].table.count[i][j]!;
              if (raw > 0 && raw < rs.minCount) expect(v).toBeNull();
            }),
          ),
        );
        expect(failures(out, t)).toEqual([]);
      }),
      { numRuns: 40, seed: 4242 },
    );
  });
});

describe('applyRulesToLayers on the demo: gemeente × geslacht by golf', () => {
  const demo = generateDemo();
  it.each([
    ['unweighted', undefined],
    ['sampling weight', { variable: 'gewicht', type: 'sampling' as const }],
  ])('%s: audit over layers and total passes on counts and Σw', (_name, weight) => {
    const truth = layeredCrosstab(demo, { row: 'gemeente', col: 'geslacht', layers: ['golf'], weight });
    const out = applyRulesToLayers(truth, rs);
    expect(out.total).not.toBeNull();
    expect(out.rules!.primary).toBeGreaterThan(0);
    expect(failures(out, truth)).toEqual([]);
    if (weight) expect(failures(out, truth, 'weighted')).toEqual([]);
  });

  it('too many small cells for a joint pattern: layers without the total, each protected, and said so', () => {
    const truth = layeredCrosstab(demo, { row: 'wijk', col: 'leeftijdsklasse', layers: ['golf', 'geslacht'] });
    const out = applyRulesToLayers(truth, rs);
    expect(out.total).toBeNull();
    expect(out.totalWithheld).toMatch(/not published/);
    expect(out.rules!.reasons).toContain(out.totalWithheld);
    expect(failures(out, truth)).toEqual([]);
  });
});
