/**
 * Trend lines across waves: the column variable (wave, year) on the x axis in code order, one line per
 * answer category, markers on every observed point, a break in the line where a cell is suppressed.
 */
import type { CustomSeriesOption, EChartsOption, LineSeriesOption } from 'echarts';
import { categoryAxis, valueAxis } from './axes';
import type { ChartData } from './data';
import { buildFrame, LINE_HEIGHT, spreadPositions, widestLine, type ChartContext } from './layout';
import { markerMetrics, suppressedMarkers, type MarkerPoint } from './markers';
import { footnotes, groupLabel, subtitleFor } from './notes';
import { ptToPx, readableOn } from './style';

export function lineChart(ctx: ChartContext, data: ChartData): EChartsOption {
  const { spec, style } = ctx;
  const palette = style.palette.categorical;
  const names = data.rows.map((r) => r.label);
  // Lines are named at their right end (no legend to look up) unless there are too many to label.
  const direct = names.length > 1 && names.length <= 8;
  const endText = (i: number) => {
    const last = [...data.values[i]].reverse().find((v) => v != null);
    return last == null ? names[i] : `${names[i]}  ${ctx.fmt(last)}`;
  };
  const frame = buildFrame(ctx, {
    title: spec.title ?? data.title,
    subtitle: subtitleFor(ctx, data),
    footnotes: footnotes(ctx, data),
    legend: names.length > 1 && !direct ? names : undefined,
  });
  const endRoom = direct
    ? widestLine(
        ctx,
        names.map((_, i) => endText(i)),
        ctx.px.label,
      ) + ctx.px.label
    : 0;
  const labels = data.cols.map((c) => groupLabel(ctx, c, true));
  const band = (ctx.width - 2 * ctx.margin) / Math.max(1, labels.length);
  const cat = { ...categoryAxis(ctx, labels, { horizontal: false, bandWidth: band }), boundaryGap: true };
  const few = data.rows.length <= 3 && data.cols.length <= 8;
  const series: LineSeriesOption[] = data.rows.map((r, i) => ({
    type: 'line',
    name: r.label,
    data: data.values[i],
    connectNulls: false,
    color: palette[i % palette.length],
    lineStyle: { width: ptToPx(style.lineWidthPt) },
    symbol: 'circle',
    symbolSize: ptToPx(style.markerSizePt),
    itemStyle: { color: palette[i % palette.length], borderColor: style.colors.background, borderWidth: 1 },
    labelLayout: { moveOverlap: 'shiftY' },
    label: {
      show: spec.labels && few,
      position: 'top',
      distance: 4,
      fontSize: ctx.px.label,
      color: style.colors.text,
      formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? ctx.fmt(p.value) : ''),
    },
  }));
  const points: MarkerPoint[] = [];
  const observed = data.values.flat().filter((v): v is number => v != null);
  const floor = data.isMean && observed.length ? Math.min(...observed) : 0;
  data.cols.forEach((_, j) => {
    let nth = 0;
    data.rows.forEach((_, i) => {
      if (data.suppressed[i][j]) points.push({ cat: j, value: floor, nth: nth++, color: readableOn(palette[i % palette.length], style) });
    });
  });
  const marks = suppressedMarkers(ctx, points, { horizontal: false, categoryGap: 0, barGap: 0 });
  const ends = direct ? endLabels(ctx, data, endText, points) : null;
  return {
    animation: false,
    backgroundColor: style.colors.background,
    color: style.palette.categorical,
    textStyle: { fontFamily: style.fontFamily, color: style.colors.text },
    title: frame.titles,
    legend: frame.legend ? { ...frame.legend, icon: 'circle' } : undefined,
    grid: { ...frame.plot, right: frame.plot.right + endRoom, containLabel: true },
    xAxis: cat as EChartsOption['xAxis'],
    // Percentages and counts from zero; a mean on a 1–5 scale would be flattened by it.
    yAxis: valueAxis(
      ctx,
      data.isPct,
      data.isMean ? { scale: true, boundaryGap: ['10%', '10%'] } : { min: 0, boundaryGap: [0, '10%'] },
    ) as EChartsOption['yAxis'],
    series: [...series, ...(marks ? [marks] : []), ...(ends ? [ends] : [])],
  };
}

/**
 * Lines named at their right end. ECharts' own end labels overprint when two lines end close
 * together, so they are drawn here: at render time, from the points' pixel positions, moved apart to
 * one line height each and kept above the x axis (and above suppression symbols at the last wave).
 */
function endLabels(ctx: ChartContext, data: ChartData, text: (i: number) => string, markers: MarkerPoint[]): CustomSeriesOption | null {
  const { style, px } = ctx;
  const palette = style.palette.categorical;
  const ends = data.rows
    .map((_, i) => {
      const j = data.values[i].map((v, k) => (v == null ? -1 : k)).reduce((a, b) => Math.max(a, b), -1);
      return { i, j, v: j >= 0 ? (data.values[i][j] as number) : 0 };
    })
    .filter((e) => e.j >= 0);
  if (ends.length === 0) return null;
  const lineH = px.label * LINE_HEIGHT;
  const { step, fontSize } = markerMetrics(ctx);
  const lastCol = data.cols.length - 1;
  const symbolsAtEnd = markers.filter((m) => m.cat === lastCol).length;
  return {
    type: 'custom',
    id: 'duiding-end-labels',
    silent: true,
    z: 5,
    encode: { x: 0, y: 1 },
    data: ends.map((e, k) => [e.j, e.v, k]),
    renderItem: (params, api) => {
      const sys = params.coordSys as unknown as { x: number; y: number; width: number; height: number };
      const at = ends.map((e) => api.coord([e.j, e.v]));
      const floor = sys.y + sys.height - lineH / 2 - (symbolsAtEnd > 0 ? symbolsAtEnd * step + fontSize * 0.4 : 0);
      const ys = spreadPositions(
        at.map((p) => p[1]),
        lineH,
        sys.y + lineH / 2,
        floor,
      );
      const k = api.value(2) as number;
      const i = ends[k].i;
      return {
        type: 'text',
        x: at[k][0] + 6,
        y: ys[k],
        style: {
          text: text(i),
          fill: readableOn(palette[i % palette.length], style),
          fontSize: px.label,
          fontFamily: style.fontFamily,
          align: 'left',
          verticalAlign: 'middle',
        },
      };
    },
  } as CustomSeriesOption;
}
