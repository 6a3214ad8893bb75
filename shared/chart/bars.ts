/**
 * Bar charts: grouped, stacked and 100% stacked (with the centred, diverging layout for
 * agree/disagree scales). Categories run top to bottom in horizontal bars, left to right in vertical.
 */
import type { BarSeriesOption, EChartsOption } from 'echarts';
import { categoryAxis, endTickRoom, niceMax, tickFormatter, valueAxis } from './axes';
import type { ChartData } from './data';
import { buildFrame, widestLine, type ChartContext } from './layout';
import { markerMetrics, suppressedMarkers, type MarkerPoint } from './markers';
import { footnotes, groupLabel, subtitleFor } from './notes';
import { orderGroups, orderRows, useDiverging, type ScaleLayout } from './order';
import { labelColorOn, ramp } from './style';

const CATEGORY_GAP = 0.3;
const BAR_GAP = 0.15;

interface DrawnSeries {
  name: string;
  values: (number | null)[];
  suppressed: boolean[];
  color: string;
  /** Per data point colour override (e.g. the Totaal bar in grey). */
  pointColors?: (string | null)[];
}

function base(ctx: ChartContext, data: ChartData, legend: string[] | undefined, extraNotes: string[] = []) {
  const frame = buildFrame(ctx, { title: ctx.spec.title ?? data.title, subtitle: subtitleFor(ctx, data), footnotes: footnotes(ctx, data, extraNotes), legend });
  const option: EChartsOption = {
    animation: false,
    backgroundColor: ctx.style.colors.background,
    color: ctx.style.palette.categorical,
    textStyle: { fontFamily: ctx.style.fontFamily, color: ctx.style.colors.text },
    title: frame.titles,
    legend: frame.legend,
    grid: { ...frame.plot, containLabel: true },
  };
  return { frame, option };
}

/** Rough length of the value axis in px, to decide whether data labels fit. */
function plotLength(ctx: ChartContext, horizontal: boolean, top: number, bottom: number, labelWidth: number): number {
  return horizontal ? ctx.width - 2 * ctx.margin - labelWidth - ctx.px.axis : ctx.height - top - bottom - 2.5 * ctx.px.axis;
}

function maxLabelWidth(ctx: ChartContext, labels: string[]): number {
  return Math.min(widestLine(ctx, labels, ctx.px.axis), ctx.width * 0.3);
}

/** Leaves room for the last tick label of a horizontal value axis. */
function roomForTicks(ctx: ChartContext, option: EChartsOption, horizontal: boolean, widest: string): void {
  const grid = option.grid as { right: number };
  if (horizontal) grid.right += endTickRoom(ctx, widest);
}

export function groupedBars(ctx: ChartContext, data: ChartData): EChartsOption {
  const { spec, style } = ctx;
  const horizontal = spec.orientation === 'horizontal';
  const groupsOnAxis = data.rows.length === 1;
  let labels: string[];
  let series: DrawnSeries[];
  const palette = style.palette.categorical;
  if (groupsOnAxis) {
    const order = orderGroups(data, spec, (j) => data.values[0][j]);
    labels = order.map((j) => groupLabel(ctx, data.cols[j], !horizontal));
    series = [
      {
        name: data.rows[0].label,
        values: order.map((j) => data.values[0][j]),
        suppressed: order.map((j) => data.suppressed[0][j]),
        color: palette[0],
        // The Totaal bar is a reference, not a competitor: grey.
        pointColors: order.map((j) => (data.cols[j].isTotal ? style.palette.other : null)),
      },
    ];
  } else {
    const order = orderRows(data, spec);
    labels = order.map((i) => data.rows[i].label);
    series = data.cols.map((c, j) => ({
      name: groupLabel(ctx, c, false),
      values: order.map((i) => data.values[i][j]),
      suppressed: order.map((i) => data.suppressed[i][j]),
      color: c.isTotal ? style.palette.other : palette[j % palette.length],
    }));
  }
  const legend = series.length > 1 ? series.map((s) => s.name) : undefined;
  const { frame, option } = base(ctx, data, legend);
  const k = series.length;
  const len = plotLength(ctx, !horizontal, frame.plot.top, frame.plot.bottom, maxLabelWidth(ctx, labels));
  const band = len / Math.max(1, labels.length);
  const thickness = (band * (1 - CATEGORY_GAP)) / (k + (k - 1) * BAR_GAP);
  const widest = ctx.measure(ctx.fmt(100), ctx.px.label, false);
  const labelsFit = horizontal ? thickness >= ctx.px.label * 1.05 : thickness >= widest * 0.9;
  const showLabels = spec.labels && labelsFit;
  const cat = categoryAxis(ctx, labels, { horizontal, bandWidth: band });
  // Bars start at zero; only negative values (means of a centred scale) may take the axis below it.
  const negative = series.some((s) => s.values.some((v) => v != null && v < 0));
  const val = valueAxis(ctx, data.isPct, { boundaryGap: [negative ? '5%' : 0, showLabels ? '12%' : '2%'], min: negative ? undefined : 0 });
  option.xAxis = (horizontal ? val : cat) as EChartsOption['xAxis'];
  option.yAxis = (horizontal ? cat : val) as EChartsOption['yAxis'];
  const top = Math.max(0, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  roomForTicks(ctx, option, horizontal, tickFormatter(ctx, data.isPct)(niceMax(top * 1.3)));
  const bars: BarSeriesOption[] = series.map((s) => ({
    type: 'bar',
    name: s.name,
    data: s.values.map((v, c) => (s.pointColors?.[c] ? { value: v, itemStyle: { color: s.pointColors[c]! } } : v)) as BarSeriesOption['data'],
    itemStyle: { color: s.color },
    barCategoryGap: `${CATEGORY_GAP * 100}%`,
    barGap: `${BAR_GAP * 100}%`,
    barMaxWidth: k === 1 ? ctx.px.axis * 3.2 : undefined,
    label: {
      show: showLabels,
      position: horizontal ? 'right' : 'top',
      distance: 3,
      fontSize: ctx.px.label,
      color: style.colors.text,
      formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? ctx.fmt(p.value) : ''),
    },
  }));
  const points: MarkerPoint[] = [];
  series.forEach((s, si) => s.suppressed.forEach((x, c) => x && points.push({ cat: c, value: 0, slot: si, slots: k, color: s.color })));
  const marks = suppressedMarkers(ctx, points, { horizontal, categoryGap: CATEGORY_GAP, barGap: BAR_GAP });
  option.series = marks ? [...bars, marks] : bars;
  return option;
}

interface StackPiece {
  row: number;
  name: string;
  color: string;
  sign: 1 | -1;
  /** Share of the row's value in this piece (the neutral answer is split over both sides). */
  share: number;
  label: boolean;
  /** Off-scale answers (don't know) are drawn as outlines so they do not read as part of the scale. */
  outline?: boolean;
}

function stackPieces(ctx: ChartContext, data: ChartData, layout: ScaleLayout | null): { pieces: StackPiece[]; legend: string[] } {
  const { style } = ctx;
  const rows = data.rows;
  if (!layout) {
    const k = rows.length;
    const colors =
      data.ordinal && k >= 3
        ? ramp(style.palette.sequential[0], style.palette.sequential[1], k)
        : rows.map((_, i) => style.palette.categorical[i % style.palette.categorical.length]);
    const pieces = rows.map((r, i) => ({ row: i, name: r.label, color: colors[i], sign: 1 as const, share: 1, label: true }));
    return { pieces, legend: rows.map((r) => r.label) };
  }
  const [sNeg, lNeg, neutral, lPos, sPos] = style.palette.diverging;
  const m = layout.negatives;
  const negRows = layout.order.slice(0, m);
  const posRows = layout.order.slice(layout.order.length - m);
  const negColors = ramp(sNeg, lNeg, m);
  const posColors = ramp(lPos, sPos, m);
  const pieces: StackPiece[] = [];
  // ECharts stacks each sign outward from zero in series order: mildest answers first.
  if (layout.neutral != null) pieces.push({ row: layout.neutral, name: rows[layout.neutral].label, color: neutral, sign: -1, share: 0.5, label: false });
  for (let i = m - 1; i >= 0; i--) pieces.push({ row: negRows[i], name: rows[negRows[i]].label, color: negColors[i], sign: -1, share: 1, label: true });
  if (layout.neutral != null) pieces.push({ row: layout.neutral, name: rows[layout.neutral].label, color: neutral, sign: 1, share: 0.5, label: true });
  posRows.forEach((r, i) => pieces.push({ row: r, name: rows[r].label, color: posColors[i], sign: 1, share: 1, label: true }));
  for (const r of layout.offScale) pieces.push({ row: r, name: rows[r].label, color: style.palette.other, sign: 1, share: 1, label: true, outline: true });
  const legend = [...layout.order, ...layout.offScale].map((r) => rows[r].label);
  return { pieces, legend };
}

export function stackedBars(ctx: ChartContext, data: ChartData, percent: boolean): EChartsOption {
  const { spec, style } = ctx;
  const horizontal = spec.orientation === 'horizontal';
  const layout = percent ? useDiverging(data, spec) : null;
  const { pieces, legend } = stackPieces(ctx, data, layout);
  const positiveSum = (j: number) => pieces.filter((p) => p.sign > 0).reduce((s, p) => s + (data.values[p.row][j] ?? 0) * p.share, 0);
  const negativeSum = (j: number) => pieces.filter((p) => p.sign < 0).reduce((s, p) => s + (data.values[p.row][j] ?? 0) * p.share, 0);
  const order = orderGroups(data, spec, layout ? positiveSum : (j) => data.values[0][j]);
  const labels = order.map((j) => groupLabel(ctx, data.cols[j], !horizontal));
  const { frame, option } = base(ctx, data, legend);
  const labelW = maxLabelWidth(ctx, labels);
  const len = plotLength(ctx, horizontal, frame.plot.top, frame.plot.bottom, labelW);
  const bandLen = plotLength(ctx, !horizontal, frame.plot.top, frame.plot.bottom, labelW);
  let range: number;
  let axisExtra: Record<string, unknown>;
  if (layout) {
    // Symmetric, in whole tens: the centre line stays in the middle and both sides read alike.
    const most = Math.max(1, ...order.map((j) => Math.max(positiveSum(j), negativeSum(j))));
    const step = most <= 40 ? 10 : most <= 80 ? 20 : 25;
    const reach = Math.min(100, step * Math.ceil(most / step));
    range = 2 * reach;
    axisExtra = {
      min: -reach,
      max: reach,
      interval: step,
      axisLabel: { fontSize: ctx.px.axis, color: style.colors.muted, formatter: tickFormatter(ctx, true, true) },
    };
  } else if (percent) {
    range = 100;
    axisExtra = { min: 0, max: 100 };
  } else {
    range = niceMax(Math.max(...order.map(positiveSum)));
    axisExtra = { min: 0 };
  }
  // Centred bars: the zero gridline behind the bars marks the centre; an axis line would cross labels.
  const cat = categoryAxis(ctx, labels, { horizontal, bandWidth: bandLen / Math.max(1, labels.length), line: !layout });
  const val = valueAxis(ctx, data.isPct, axisExtra);
  option.xAxis = (horizontal ? val : cat) as EChartsOption['xAxis'];
  option.yAxis = (horizontal ? cat : val) as EChartsOption['yAxis'];
  roomForTicks(ctx, option, horizontal, tickFormatter(ctx, data.isPct)(layout ? range / 2 : range));
  const centred = (p: StackPiece) => p.share < 1 && p.sign > 0;
  const fits = (v: number) => {
    const pctOfRange = (Math.abs(v) / range) * 100;
    return pctOfRange >= style.minLabelPct && (Math.abs(v) / range) * len >= ctx.measure(ctx.fmt(Math.abs(v)), ctx.px.label, false) + 4;
  };
  const bars: BarSeriesOption[] = pieces.map((p) => ({
    type: 'bar',
    name: p.name,
    stack: 'total',
    data: order.map((j) => {
      const v = data.values[p.row][j];
      return v == null ? null : p.sign * v * p.share;
    }),
    // The two neutral halves meet without a seam: it would strike through their label.
    itemStyle: p.outline
      ? { color: style.colors.background, borderColor: p.color, borderWidth: 1 }
      : { color: p.color, borderColor: style.colors.background, borderWidth: p.share < 1 ? 0 : 0.5 },
    barCategoryGap: '35%',
    barMaxWidth: ctx.px.axis * 4.5,
    label: {
      show: spec.labels && p.label,
      // The neutral answer's label sits on the centre line, over both halves.
      position: centred(p) ? (horizontal ? [0, '50%'] : ['50%', '100%']) : 'inside',
      align: centred(p) ? 'center' : undefined,
      verticalAlign: centred(p) ? 'middle' : undefined,
      fontSize: ctx.px.label,
      color: p.outline ? style.colors.text : labelColorOn(p.color, style),
      formatter: (d: { value: unknown; dataIndex: number }) => {
        if (typeof d.value !== 'number') return '';
        // The neutral half carries the label of the whole neutral answer.
        const whole = Math.abs(d.value) / p.share;
        return fits(d.value) || (p.share < 1 && fits(whole)) ? ctx.fmt(whole) : '';
      },
    },
  }));
  const points: MarkerPoint[] = [];
  order.forEach((j, c) => {
    if (pieces.some((p) => p.sign < 0 && p.share === 1 && data.suppressed[p.row][j])) points.push({ cat: c, value: -negativeSum(j), dir: -1 });
    if (pieces.some((p) => p.sign > 0 && data.suppressed[p.row][j])) points.push({ cat: c, value: positiveSum(j) });
  });
  const marks = suppressedMarkers(ctx, points, { horizontal, categoryGap: 0.35, barGap: 0 });
  if (marks) {
    // The symbol sits beyond the end of a stack, which can be the end of the axis: room for it there.
    const { fontSize } = markerMetrics(ctx);
    const grid = option.grid as { top: number; right: number };
    if (horizontal) grid.right += ctx.measure(ctx.style.suppressedSymbol, fontSize, true) + fontSize * 0.5;
    else grid.top += fontSize * 1.5;
  }
  option.series = marks ? [...bars, marks] : bars;
  return option;
}
