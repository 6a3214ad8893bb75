/**
 * No text of a chart may print over another: every chart type and orientation on the demo's questions
 * (by a many-group and a few-group variable, and by wave), and on a multiple-response set of ten items
 * with long labels, rendered to SVG and every pair of text boxes (measured with the bundled font)
 * checked. Also: small multiples size their panels from the categories and share one value axis.
 */
import { describe, expect, it } from 'vitest';
import { defaultChartStyle, measureWithBundledFont, prepareChart, renderChartSvg } from '../../electron/export/chart/index';
import { generateDemo } from '../../resources/demo/generate';
import { runMrTable } from '../../shared/analysis/run-mr';
import { buildChart } from '../../shared/chart/build';
import { buildMrChart } from '../../shared/chart/mr-chart';
import { chartCanvas, chartSpecSchema, type ChartSpecInput, type ChartType } from '../../shared/chart/spec';
import { defaultRuleSet } from '../../shared/disclosure/index';
import type { BannerSpec } from '../../shared/query/table-query';
import { overlappingLabels } from './label-boxes';
import { tenItemDataset, TEN_ITEMS } from './mr-fixture';

const rules = defaultRuleSet('cbs-persons');
const QUESTIONS = ['leefbaarheid', 'vertrouwen', 'gezondheid', 'eenzaamheid', 'zorgen_schade', 'financien', 'isolatie_dak', 'prioriteit_1'];
const KINDS: { type: ChartType; orientation: 'horizontal' | 'vertical' }[] = [
  { type: 'bar', orientation: 'horizontal' },
  { type: 'bar', orientation: 'vertical' },
  { type: 'bar-stacked', orientation: 'horizontal' },
  { type: 'bar-stacked', orientation: 'vertical' },
  { type: 'bar-100', orientation: 'horizontal' },
  { type: 'bar-100', orientation: 'vertical' },
  { type: 'line', orientation: 'horizontal' },
  { type: 'dot', orientation: 'horizontal' },
];

function svgOf(option: Parameters<typeof renderChartSvg>[0], spec: ChartSpecInput, heightMm: number): string {
  const c = chartCanvas({ ...chartSpecSchema.parse(spec), heightMm });
  return renderChartSvg(option, { widthPx: c.cssWidth, heightPx: c.cssHeight });
}

describe('chart labels never overlap', () => {
  const demo = generateDemo();
  for (const col of ['gemeente', 'leeftijdsklasse', 'golf']) {
    it(`demo questions by ${col}, every chart type`, () => {
      const bad: string[] = [];
      for (const q of QUESTIONS) {
        // The table through the rules once (as prepareChart does), then every chart type drawn from it.
        const { table } = prepareChart(demo, { row: q, col, weight: { variable: 'gewicht', type: 'sampling' } }, { type: 'bar' }, rules);
        const meta = demo.variables.find((v) => v.name === q)!;
        const group = table.columns.find((c) => c.path.length > 0)?.group;
        if (table.kind !== 'banner') throw new Error(`${q} is a question, not a set`);
        const input = { kind: 'banner' as const, result: table, group, total: false, rowMeasure: meta.measure };
        for (const k of KINDS) {
          const built = buildChart(input, k, defaultChartStyle, 'nl', { measureText: measureWithBundledFont });
          const overlaps = overlappingLabels(svgOf(built.option, k, built.heightMm));
          if (overlaps.length > 0) bad.push(`${q} ${k.type} ${k.orientation}: ${JSON.stringify(overlaps.slice(0, 3))}`);
        }
      }
      expect(bad).toEqual([]);
    });
  }

  describe('a set of ten items', () => {
    const ds = tenItemDataset();
    const table = (columns: BannerSpec) => runMrTable(ds, { set: '$voorzieningen', columns, weight: { variable: 'w', type: 'sampling' } }, rules);
    const byArea = table({ total: true, items: [{ variable: 'gebied' }] });
    const byWave = table({ total: false, items: [{ variable: 'golf' }] });

    const cases: [string, typeof byArea, Partial<ChartSpecInput>][] = [
      ['bars, Totaal only', table({ total: true, items: [] }), {}],
      ['grouped bars by area', byArea, { multiples: false }],
      ['vertical bars by area', byArea, { multiples: false, orientation: 'vertical' }],
      ['small multiples by area', byArea, { multiples: true }],
      ['lines by wave', byWave, { type: 'line' }],
      ['dots by area', byArea, { type: 'dot' }],
    ];
    for (const [name, result, spec] of cases) {
      it(name, () => {
        const built = buildMrChart(result, spec, defaultChartStyle, { env: { measureText: measureWithBundledFont } });
        expect(overlappingLabels(svgOf(built.option, { type: 'bar', ...spec }, built.heightMm))).toEqual([]);
      });
    }

    it('draws % of cases sorted from most to least named, "Anders" and "Geen van deze" last', () => {
      const built = buildMrChart(table({ total: true, items: [] }), {}, defaultChartStyle, { env: { measureText: measureWithBundledFont } });
      const axis = built.option.yAxis as { data: string[] };
      const order = axis.data.map((l) => l.replace(/\n/g, ' '));
      expect(order.slice(-2)).toEqual(['Anders', 'Geen van deze voorzieningen']);
      const values = (built.option.series as { type: string; data: (number | { value: number } | null)[] }[])[0].data.map((d) =>
        d === null ? null : typeof d === 'number' ? d : d.value,
      );
      const ranked = values.slice(0, 8).filter((v): v is number => v !== null);
      expect(ranked).toEqual([...ranked].sort((a, b) => b - a));
      expect(order.slice(0, 8).sort()).toEqual(TEN_ITEMS.slice(0, 8).sort());
      expect(built.data.isPct).toBe(true);
      const notes = (built.option.title as { text?: string }[]).map((t) => t.text ?? '').join('\n');
      expect(notes).toMatch(/Meer antwoorden mogelijk/);
    });

    it('refuses stacked bars: items overlap', () => {
      for (const type of ['bar-stacked', 'bar-100'] as const) {
        expect(() => buildMrChart(byArea, { type }, defaultChartStyle)).toThrow(/items overlap/);
      }
    });
  });
});

describe('small multiples', () => {
  const demo = generateDemo();
  const panels = (row: string) => {
    const { built, spec } = prepareChart(
      demo,
      { row, col: 'gemeente', weight: { variable: 'gewicht', type: 'sampling' } },
      { type: 'bar', multiples: true },
      rules,
    );
    const grids = built.option.grid as { height: number }[];
    const axes = built.option.xAxis as { max: number }[];
    return { grids, axes, spec, rows: built.data.rows.length };
  };

  it('give every panel one band per category and all panels one value axis', () => {
    const five = panels('vertrouwen');
    const ten = panels('leefbaarheid');
    expect(new Set(five.grids.map((g) => g.height)).size).toBe(1);
    expect(new Set(five.axes.map((a) => a.max)).size).toBe(1);
    expect(new Set(ten.axes.map((a) => a.max)).size).toBe(1);
    // Single-line labels in both: the panel height is proportional to the number of categories.
    expect(ten.grids[0].height / ten.rows).toBeCloseTo(five.grids[0].height / five.rows, 6);
  });

  it('grow the chart instead of squeezing labels when the panels do not fit', () => {
    const small = prepareChart(demo, { row: 'leefbaarheid', col: 'gemeente' }, { type: 'bar', multiples: true, heightMm: 60 }, rules);
    expect(small.spec.heightMm).toBeGreaterThan(60);
    expect(overlappingLabels(svgOf(small.built.option, small.spec, small.spec.heightMm))).toEqual([]);
  });
});
