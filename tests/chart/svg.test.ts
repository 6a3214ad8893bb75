// Structural snapshots of rendered SVG: what is drawn (titles, bars per series, labels, gaps), not pixels.
import { describe, expect, it } from 'vitest';
import { buildChart } from '../../shared/chart/build';
import type { ChartSpecInput } from '../../shared/chart/spec';
import { chartCanvas, chartSpecSchema } from '../../shared/chart/spec';
import type { ChartInput } from '../../shared/chart/data';
import { defaultChartStyle, measureWithBundledFont, renderChartSvg } from '../../electron/export/chart';
import { dataShapes, parseSvg, table, texts, type SvgElement } from './fixtures';

function render(input: ChartInput, spec: ChartSpecInput) {
  const built = buildChart(input, spec, defaultChartStyle, undefined, { measureText: measureWithBundledFont });
  const c = chartCanvas({ ...chartSpecSchema.parse(spec), heightMm: built.heightMm });
  const svg = renderChartSvg(built.option, { widthPx: c.cssWidth, heightPx: c.cssHeight });
  return { svg, els: parseSvg(svg), built };
}

const translate = (e: SvgElement) => {
  const m = /translate\(([-\d.]+)[ ,]([-\d.]+)\)/.exec(e.attrs.transform ?? '');
  return m ? { x: +m[1], y: +m[2] } : { x: NaN, y: NaN };
};
const nbsp = (s: string) => s.replace(/\u00a0/g, ' ');
const marker = (els: SvgElement[]) => els.filter((e) => e.tag === 'text' && e.text === 'x');

const oordeel = table(
  ['Slecht', 'Matig', 'Goed'],
  ['Noord', 'Zuid'],
  [
    [10, 20],
    [30, 40],
    [60, 5],
  ],
  [[2, 1]],
);

describe('grouped bars', () => {
  const { els, built } = render({ kind: 'crosstab', table: oordeel, meta: { rowLabel: 'Oordeel over de buurt' } }, { type: 'bar', decimals: 1 });

  it('titles with the question text and labels categories with value labels', () => {
    const t = texts(els).map(nbsp);
    expect(t).toContain('Oordeel over de buurt');
    for (const c of ['Slecht', 'Matig', 'Goed']) expect(t).toContain(c);
    expect(t).toContain('Noord (n = 100)');
    expect(t).toContain('Zuid (n = 65)');
    expect(t.some((s) => s.startsWith('Basis: n = 165'))).toBe(true);
  });

  it('draws one bar per published cell and none for the suppressed one', () => {
    expect(dataShapes(els, 0)).toHaveLength(3);
    const zuid = dataShapes(els, 1);
    expect(zuid).toHaveLength(2);
    expect(zuid.map((e) => e.attrs.ecmeta_data_index).sort()).toEqual(['0', '1']);
    expect(built.suppressed).toBe(1);
  });

  it('puts the legend symbol in the gap, in the right category band, and explains it', () => {
    const xs = marker(els);
    expect(xs).toHaveLength(1);
    const goed = els.find((e) => e.tag === 'text' && e.text === 'Goed')!;
    const matig = els.find((e) => e.tag === 'text' && e.text === 'Matig')!;
    const band = translate(goed).y - translate(matig).y;
    expect(Math.abs(translate(xs[0]).y - translate(goed).y)).toBeLessThan(band / 2);
    expect(texts(els).some((s) => s.startsWith('x = niet gepubliceerd'))).toBe(true);
  });

  it('writes data labels with a Dutch decimal comma', () => {
    const t = texts(els);
    expect(t).toContain('10,0%');
    expect(t).toContain('61,5%');
    expect(t.some((s) => /\d\.\d%/.test(s))).toBe(false);
  });

  it('writes a decimal point in English', () => {
    const en = render({ kind: 'crosstab', table: oordeel }, { type: 'bar', decimals: 1, locale: 'en' });
    expect(texts(en.els)).toContain('61.5%');
    expect(texts(en.els).some((s) => s.startsWith('x = not published'))).toBe(true);
  });
});

describe('escaping', () => {
  it('escapes labels so the SVG stays well-formed', () => {
    const t = table(
      ['Zorg & welzijn', '<5 jaar'],
      ['A & B', 'C'],
      [
        [10, 20],
        [30, 40],
      ],
    );
    const { svg, els } = render({ kind: 'crosstab', table: t, meta: { rowLabel: 'Titel met & en <tag>' } }, { type: 'bar' });
    expect(svg).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#\d+;|#x[0-9a-f]+;|apos;)/i);
    expect(svg).not.toContain('<tag>');
    expect(texts(els)).toContain('Zorg & welzijn');
  });
});

describe('100% bars for an agree/disagree scale', () => {
  const likert = table(
    ['Helemaal mee oneens', 'Mee oneens', 'Neutraal', 'Mee eens', 'Helemaal mee eens'],
    ['Oost', 'West', 'Zuid'],
    [
      [20, 5, 30],
      [40, 25, 30],
      [60, 50, 40],
      [50, 70, 60],
      [30, 50, 3],
    ],
    [[4, 2]],
  );
  const { els, built } = render({ kind: 'crosstab', table: likert, meta: { rowLabel: 'Stelling' } }, { type: 'bar-100', decimals: 0 });

  it('centres the scale: disagree left of the neutral middle, agree right of it', () => {
    const series = (built.option.series as { name?: string; type: string }[]).filter((s) => s.type === 'bar');
    // The neutral answer is split over both sides of the centre line.
    expect(series.map((s) => s.name)).toEqual(['Neutraal', 'Mee oneens', 'Helemaal mee oneens', 'Neutraal', 'Mee eens', 'Helemaal mee eens']);
    const xOf = (si: number) => Math.min(...dataShapes(els, si).map((e) => +/M([-\d.]+)/.exec(e.attrs.d)![1]));
    expect(xOf(2)).toBeLessThan(xOf(1));
    expect(xOf(1)).toBeLessThan(xOf(4));
    expect(xOf(4)).toBeLessThan(xOf(5));
  });

  it('leaves the suppressed segment out and marks the bar', () => {
    expect(dataShapes(els, 5)).toHaveLength(2);
    expect(dataShapes(els, 4)).toHaveLength(3);
    expect(marker(els)).toHaveLength(1);
    const zuid = els.find((e) => e.tag === 'text' && nbsp(e.text).startsWith('Zuid'))!;
    expect(Math.abs(translate(marker(els)[0]).y - translate(zuid).y)).toBeLessThan(10);
  });

  it('labels the legend in scale order', () => {
    const legend = (built.option.legend as { data: string[] }).data;
    expect(legend).toEqual(['Helemaal mee oneens', 'Mee oneens', 'Neutraal', 'Mee eens', 'Helemaal mee eens']);
  });
});

describe('lines, dots and small multiples', () => {
  const trend = table(
    ['Nooit', 'Soms', 'Vaak'],
    ['2023', '2024', '2025'],
    [
      [40, 45, 50],
      [30, 30, 35],
      [30, 3, 20],
    ],
    [[2, 1]],
  );

  it('breaks a trend line at a suppressed wave and marks it', () => {
    const { els } = render({ kind: 'crosstab', table: trend, meta: { rowLabel: 'Hoe vaak?' } }, { type: 'line' });
    const color = defaultChartStyle.palette.categorical[2];
    const line = els.find((e) => e.tag === 'path' && e.attrs.stroke === color && e.attrs.fill === 'none');
    expect(line).toBeDefined();
    const at2024 = translate(els.find((e) => e.tag === 'text' && e.text === '2024')!).x;
    const xs = [...line!.attrs.d.matchAll(/[ML]\s*([-\d.]+)[ ,]([-\d.]+)/g)].map((m) => +m[1]);
    expect(xs.length).toBeGreaterThan(0);
    expect(xs.some((x) => Math.abs(x - at2024) < 1)).toBe(false);
    // Two observed points remain on that series.
    expect(dataShapes(els, 2)).toHaveLength(2);
    expect(marker(els)).toHaveLength(1);
    expect(Math.abs(translate(marker(els)[0]).x - at2024)).toBeLessThan(1);
    expect(texts(els).map(nbsp)).toContain('(n = 78)');
  });

  it('draws a dot and an interval per group, and says how the interval was made', () => {
    const { els, built } = render({ kind: 'crosstab', table: trend }, { type: 'dot', focus: [1], decimals: 1 });
    expect(dataShapes(els, 1)).toHaveLength(3);
    const cis = els.filter(
      (e) => e.tag === 'path' && /^M[-\d. ]+L[-\d. ]+$/.test(e.attrs.d ?? '') && e.attrs.stroke === defaultChartStyle.palette.categorical[0],
    );
    expect(cis.length).toBe(9);
    expect(texts(els).some((s) => s.startsWith('Lijnen: 95%-betrouwbaarheidsinterval (Wilson'))).toBe(true);
    expect(built.data.ci[0].every((c) => c && c.lo < c.hi)).toBe(true);
  });

  it('gives every group its own panel on one scale', () => {
    const { els, built } = render({ kind: 'crosstab', table: trend, meta: { rowLabel: 'Hoe vaak?' } }, { type: 'bar', multiples: true, heightMm: 140 });
    const t = texts(els).map(nbsp);
    for (const g of ['2023 (n = 100)', '2024 (n = 78)', '2025 (n = 105)']) expect(t).toContain(g);
    const axes = built.option.xAxis as { max: number }[];
    expect(axes).toHaveLength(3);
    expect(new Set(axes.map((a) => a.max)).size).toBe(1);
    expect(marker(els)).toHaveLength(1);
  });
});

const banner = {
  kind: 'banner' as const,
  rowVariable: { name: 'q', label: 'Tevredenheid' },
  rows: [
    { code: 1, label: 'Ontevreden' },
    { code: 2, label: 'Tevreden' },
  ],
  columns: [
    { key: 'total', path: [], label: 'Totaal', group: '', letter: '' },
    { key: 'g=1', path: [{ variable: 'g', code: 1, label: 'Man' }], label: 'Man', group: 'Geslacht', letter: 'A' },
    { key: 'g=2', path: [{ variable: 'g', code: 2, label: 'Vrouw' }], label: 'Vrouw', group: 'Geslacht', letter: 'B' },
    { key: 'l=1', path: [{ variable: 'l', code: 1, label: 'Jong' }], label: 'Jong', group: 'Leeftijd', letter: 'A' },
  ],
  cells: [
    [cell(30, 30), cell(20, 40), cell(10, 20), cell(5, 25)],
    [cell(70, 70), cell(30, 60), { ...cell(40, 80), pct: null, count: null, weighted: null, suppressed: true }, cell(15, 75)],
  ],
  base: { count: [100, 50, 50, 20], weighted: [100, 50, 50, 20], effective: [90, 45, 45, 18] },
  means: { mean: [3.25, 3.1, 3.4, 2.9], se: [0.1, 0.14, 0.15, 0.3], n: [100, 50, 50, 20] },
  weight: null,
  tests: { method: 'none' as const, adjust: 'none' as const, alpha: 0.05 },
  rules: { ruleSet: 'cbs-persons' as const, status: 'suppressed' as const, primary: 1, secondary: 0, reasons: [] },
};

describe('banner input', () => {
  it('draws the Totaal column and the chosen group with their bases', () => {
    const { els } = render({ kind: 'banner', result: banner, group: 'Geslacht' }, { type: 'bar-stacked' });
    const t = texts(els).map(nbsp);
    expect(t).toContain('Tevredenheid');
    expect(t).toContain('Totaal (n = 100)');
    expect(t).toContain('Vrouw (n = 50)');
    expect(t.some((s) => s.startsWith('Jong'))).toBe(false);
    expect(dataShapes(els, 1)).toHaveLength(2);
    expect(marker(els)).toHaveLength(1);
  });

  it('plots means with their intervals and a decimal comma', () => {
    const { els, built } = render({ kind: 'banner', result: banner, group: 'Geslacht' }, { type: 'dot', value: 'mean' });
    expect(dataShapes(els, 1)).toHaveLength(3);
    const t = texts(els);
    for (const m of ['3,3', '3,1', '3,4']) expect(t).toContain(m);
    expect(t.some((s) => s.startsWith('Lijnen: 95%-betrouwbaarheidsinterval (normale benadering)'))).toBe(true);
    const ci = built.data.ci[0][0]!;
    expect(ci.hi - ci.lo).toBeCloseTo(2 * 1.959964 * 0.1, 5);
  });
});

function cell(count: number, pct: number) {
  return { count, weighted: count, pct, sig: '', suppressed: false };
}

describe('no trace of a withheld value', () => {
  it('draws no interval for a suppressed cell even if the input still carries its number', () => {
    const t = table(
      ['Ja', 'Nee'],
      ['A', 'B'],
      [
        [30, 12],
        [20, 40],
      ],
      [[0, 1]],
    );
    // A careless producer that flags the cell but forgets to null it.
    t.colPct[0][1] = 23.1;
    const { built, els } = render({ kind: 'crosstab', table: t }, { type: 'dot', focus: [1], decimals: 1 });
    expect(built.data.values[0][1]).toBeNull();
    expect(built.data.ci[0][1]).toBeNull();
    expect(texts(els)).not.toContain('23,1%');
    expect(marker(els)).toHaveLength(1);
  });
});

describe('many groups', () => {
  const many = table(
    ['Ja', 'Nee'],
    ['A', 'B', 'C', 'D', 'E', 'F', 'G'],
    [
      [10, 20, 30, 40, 50, 60, 70],
      [70, 60, 50, 40, 30, 20, 10],
    ],
  );
  it('become one panel each rather than seven colours to match to a legend', () => {
    const { built } = render({ kind: 'crosstab', table: many }, { type: 'bar' });
    expect(built.option.grid).toHaveLength(7);
    expect(built.option.legend).toBeUndefined();
  });
  it('stay grouped when the spec asks for it', () => {
    const { built } = render({ kind: 'crosstab', table: many }, { type: 'bar', multiples: false });
    expect(Array.isArray(built.option.grid)).toBe(false);
    expect((built.option.legend as { data: string[] }).data).toHaveLength(7);
  });
});
