/**
 * buildChartOption: from a shared result and a chart spec to a complete ECharts option in the house
 * style. Pure: the same option is drawn on screen by the renderer and rendered to SVG/PNG in Node.
 */
import type { EChartsOption } from 'echarts';
import { groupedBars, stackedBars } from './bars';
import { toChartData, type ChartData, type ChartInput } from './data';
import { dotPlot } from './dot';
import { approximateMeasure, chartContext, type MeasureText } from './layout';
import { lineChart } from './line';
import { smallMultiples } from './multiples';
import { chartSpecSchema, type ChartLocale, type ChartSpec, type ChartSpecInput } from './spec';
import { PX_PER_MM, type ChartStyle } from './style';

/** More groups than this in grouped bars become small multiples unless the spec says otherwise. */
const MAX_GROUPED_SERIES = 6;

export interface BuildEnv {
  /** Real text metrics (the Node renderer passes the bundled font's); default is an estimate. */
  measureText?: MeasureText;
}

export interface BuiltChart {
  option: EChartsOption;
  data: ChartData;
  /** Number of drawn cells withheld by the output rules. */
  suppressed: number;
  /**
   * Height to draw the chart at: the spec's, or more when its labels need it (small multiples grow
   * with their categories rather than print labels over each other). Renderers use this, not the spec's.
   */
  heightMm: number;
}

function defaultDecimals(spec: ChartSpec, data: ChartData): number {
  if (spec.decimals != null) return spec.decimals;
  return data.isMean ? 1 : 0;
}

export function buildChart(input: ChartInput, specIn: ChartSpec | ChartSpecInput, style: ChartStyle, locale?: ChartLocale, env: BuildEnv = {}): BuiltChart {
  const parsed = chartSpecSchema.parse(specIn);
  // 100% bars are shares of each group: only column percentages make sense.
  const spec: ChartSpec = { ...parsed, locale: locale ?? parsed.locale, value: parsed.type === 'bar-100' && parsed.value !== 'mean' ? 'colPct' : parsed.value };
  if (input.kind === 'mr' && (spec.type === 'bar-stacked' || spec.type === 'bar-100')) {
    // A case can hold several items: stacking them would draw more than the whole.
    throw new Error(`a multiple-response set cannot be drawn as ${spec.type}: its items overlap`);
  }
  const data = toChartData(input, spec);
  const ctx = chartContext(spec, style, env.measureText ?? approximateMeasure, defaultDecimals(spec, data), data.isPct);
  let option: EChartsOption;
  let heightPx = ctx.height;
  const manyGroups = data.rows.length > 1 && data.cols.length > MAX_GROUPED_SERIES;
  if (spec.type === 'bar' && (spec.multiples ?? manyGroups)) {
    const m = smallMultiples(ctx, data);
    option = m.option;
    heightPx = Math.max(heightPx, m.heightPx);
  } else if (spec.type === 'bar') option = groupedBars(ctx, data);
  else if (spec.type === 'bar-stacked') option = stackedBars(ctx, data, false);
  else if (spec.type === 'bar-100') option = stackedBars(ctx, data, true);
  else if (spec.type === 'line') option = lineChart(ctx, data);
  else option = dotPlot(ctx, data);
  // Screen readers get the title and the footnote (base, suppression, source) as the description.
  const titles = (Array.isArray(option.title) ? option.title : [option.title]).filter(Boolean) as { text?: string; subtext?: string }[];
  const description = titles
    .map((t) => [t.text, t.subtext].filter(Boolean).join('. '))
    .join('. ')
    .replace(/\s*\n\s*/g, ' ');
  option.aria = { enabled: true, label: { description } };
  const suppressed = data.suppressed.reduce((s, row) => s + row.filter(Boolean).length, 0);
  // Whole tenths of a millimetre, and never below the spec's height.
  const heightMm = heightPx > ctx.height ? Math.ceil((heightPx / PX_PER_MM) * 10) / 10 : spec.heightMm;
  return { option, data, suppressed, heightMm };
}

export function buildChartOption(
  input: ChartInput,
  spec: ChartSpec | ChartSpecInput,
  style: ChartStyle,
  locale?: ChartLocale,
  env: BuildEnv = {},
): EChartsOption {
  return buildChart(input, spec, style, locale, env).option;
}
