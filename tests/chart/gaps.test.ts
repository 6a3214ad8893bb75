// Property: whatever is suppressed, every published cell is drawn once and every suppressed cell is a
// gap with exactly one marker (grouped bars: one marker per cell).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildChart } from '../../shared/chart/build';
import { defaultChartStyle, measureWithBundledFont, renderChartSvg } from '../../electron/export/chart';
import { dataShapes, parseSvg, table } from './fixtures';

const cases = fc
  .record({ rows: fc.integer({ min: 1, max: 4 }), cols: fc.integer({ min: 1, max: 4 }), seed: fc.integer({ min: 1, max: 1e6 }) })
  .chain(({ rows, cols, seed }) =>
    fc.record({
      rows: fc.constant(rows),
      cols: fc.constant(cols),
      counts: fc.array(fc.array(fc.integer({ min: 1, max: 500 }), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }),
      hidden: fc.array(fc.tuple(fc.integer({ min: 0, max: rows - 1 }), fc.integer({ min: 0, max: cols - 1 })), { maxLength: rows * cols }),
      seed: fc.constant(seed),
    }),
  );

describe('suppressed cells are gaps, never zeros', () => {
  it('grouped bars', () => {
    fc.assert(
      fc.property(cases, ({ rows, cols, counts, hidden }) => {
        const t = table(
          Array.from({ length: rows }, (_, i) => `R${i}`),
          Array.from({ length: cols }, (_, j) => `C${j}`),
          counts,
          hidden,
        );
        const built = buildChart({ kind: 'crosstab', table: t }, { type: 'bar', labels: false }, defaultChartStyle, 'nl', {
          measureText: measureWithBundledFont,
        });
        const els = parseSvg(renderChartSvg(built.option, { widthPx: 605, heightPx: 378 }));
        const sup = t.suppressed.flat().filter(Boolean).length;
        expect(built.suppressed).toBe(sup);
        expect(els.filter((e) => e.tag === 'text' && e.text === 'x')).toHaveLength(sup);
        // One row: groups sit on the axis as one series; otherwise one series per group.
        const drawn = rows === 1 ? dataShapes(els, 0).length : Array.from({ length: cols }, (_, j) => dataShapes(els, j).length).reduce((a, b) => a + b, 0);
        expect(drawn).toBe(rows * cols - sup);
      }),
      { numRuns: 25, seed: 20251125 },
    );
  });
});
