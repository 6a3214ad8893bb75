/**
 * Dot plots with confidence intervals: one row per group (gemeente), a dot for the estimate and a
 * line for its interval (see ci.ts for how intervals are computed). Several answers dodge vertically.
 */
import type { CustomSeriesOption, EChartsOption, ScatterSeriesOption } from 'echarts';
import { categoryAxis, endTickRoom, tickFormatter, valueAxis } from './axes';
import type { ChartData } from './data';
import { buildFrame, type ChartContext } from './layout';
import { suppressedMarkers, type MarkerPoint } from './markers';
import { footnotes, groupLabel, subtitleFor } from './notes';
import { orderGroups } from './order';
import { ptToPx } from './style';

export function dotPlot(ctx: ChartContext, data: ChartData): EChartsOption {
  const { spec, style } = ctx;
  const horizontal = spec.orientation === 'horizontal';
  const palette = style.palette.categorical;
  const k = data.rows.length;
  const order = orderGroups(data, spec, (j) => data.values[0][j]);
  const labels = order.map((j) => groupLabel(ctx, data.cols[j], !horizontal));
  const method = data.isMean
    ? spec.locale === 'nl'
      ? 'normale benadering'
      : 'normal approximation'
    : spec.ci.method === 'wilson'
      ? spec.locale === 'nl'
        ? 'Wilson, effectieve n'
        : 'Wilson, effective n'
      : spec.locale === 'nl'
        ? 'normale benadering, effectieve n'
        : 'normal approximation, effective n';
  const hasCI = data.ci.some((r) => r.some(Boolean));
  const frame = buildFrame(ctx, {
    title: spec.title ?? data.title,
    subtitle: subtitleFor(ctx, data),
    footnotes: footnotes(ctx, data, hasCI ? [ctx.texts.ci(spec.ci.level, method) + '.'] : []),
    legend: k > 1 ? data.rows.map((r) => r.label) : undefined,
  });
  const catLen = horizontal ? ctx.height - frame.plot.top - frame.plot.bottom - 2 * ctx.px.axis : ctx.width - 2 * ctx.margin;
  const band = catLen / Math.max(1, labels.length);
  // Dodge in CSS px so dots and their interval lines move together.
  const step = k > 1 ? Math.min((band * 0.7) / k, ctx.px.label * 1.6) : 0;
  const dodge = (i: number) => (i - (k - 1) / 2) * step;
  const dot = ptToPx(style.markerSizePt) * 1.3;
  const series: (ScatterSeriesOption | CustomSeriesOption)[] = [];
  data.rows.forEach((r, i) => {
    const color = k === 1 ? palette[0] : palette[i % palette.length];
    const pts = order.map((j, c) => ({ c, v: data.values[i][j], ci: data.ci[i][j] }));
    series.push({
      type: 'custom',
      name: r.label,
      silent: true,
      // Legend entries take the first series' colour with this name: this one.
      itemStyle: { color },
      encode: horizontal ? { x: [1, 2], y: 0 } : { x: 0, y: [1, 2] },
      data: pts.filter((p) => p.ci).map((p) => [p.c, p.ci!.lo, p.ci!.hi]),
      renderItem: (_params, api) => {
        const c = api.value(0) as number;
        const a = api.coord(horizontal ? [api.value(1), c] : [c, api.value(1)]);
        const b = api.coord(horizontal ? [api.value(2), c] : [c, api.value(2)]);
        const d = dodge(i);
        const cap = dot * 0.45;
        const lw = ptToPx(style.lineWidthPt) * 0.8;
        const seg = (x1: number, y1: number, x2: number, y2: number) => ({
          type: 'line' as const,
          shape: { x1, y1, x2, y2 },
          style: { stroke: color, lineWidth: lw },
        });
        return {
          type: 'group',
          children: horizontal
            ? [seg(a[0], a[1] + d, b[0], b[1] + d), seg(a[0], a[1] + d - cap, a[0], a[1] + d + cap), seg(b[0], b[1] + d - cap, b[0], b[1] + d + cap)]
            : [seg(a[0] + d, a[1], b[0] + d, b[1]), seg(a[0] + d - cap, a[1], a[0] + d + cap, a[1]), seg(b[0] + d - cap, b[1], b[0] + d + cap, b[1])],
        };
      },
    } as CustomSeriesOption);
    series.push({
      type: 'scatter',
      name: r.label,
      symbol: 'circle',
      symbolSize: dot,
      symbolOffset: horizontal ? [0, dodge(i)] : [dodge(i), 0],
      itemStyle: { color, borderColor: style.colors.background, borderWidth: 1, opacity: 1 },
      z: 3,
      data: pts.map((p) => (p.v == null ? null : horizontal ? [p.v, p.c] : [p.c, p.v])) as ScatterSeriesOption['data'],
      label: {
        show: spec.labels && k === 1,
        position: horizontal ? 'top' : 'right',
        distance: dot * 0.4,
        fontSize: ctx.px.label,
        color: style.colors.text,
        formatter: (p: { value: unknown }) => (Array.isArray(p.value) ? ctx.fmt(p.value[horizontal ? 0 : 1] as number) : ''),
      },
    });
  });
  const cat = categoryAxis(ctx, labels, { horizontal, bandWidth: band, line: false });
  const val = valueAxis(ctx, data.isPct, { scale: true, boundaryGap: ['5%', '5%'] });
  const points: MarkerPoint[] = [];
  let lowest = Infinity;
  let highest = 0;
  for (const row of data.ci) for (const c of row) if (c) highest = Math.max(highest, Math.ceil(c.hi));
  for (const row of data.ci) for (const c of row) if (c) lowest = Math.min(lowest, c.lo);
  for (const row of data.values) for (const v of row) if (v != null) lowest = Math.min(lowest, v);
  data.rows.forEach((_, i) =>
    order.forEach((j, c) => {
      if (data.suppressed[i][j])
        points.push({ cat: c, value: Number.isFinite(lowest) ? lowest : 0, slot: i, slots: k, color: k === 1 ? palette[0] : palette[i % palette.length] });
    }),
  );
  // Markers sit at the low end of the scale on the answer's dodge line.
  const marks = suppressedMarkers(ctx, points, { horizontal, categoryGap: 1 - (k * step) / Math.max(1, band), barGap: 0 });
  if (marks) series.push(marks);
  return {
    animation: false,
    backgroundColor: style.colors.background,
    color: style.palette.categorical,
    textStyle: { fontFamily: style.fontFamily, color: style.colors.text },
    title: frame.titles,
    legend: frame.legend ? { ...frame.legend, icon: 'circle', data: data.rows.map((r) => r.label) } : undefined,
    grid: {
      ...frame.plot,
      right: frame.plot.right + (horizontal ? endTickRoom(ctx, tickFormatter(ctx, data.isPct)(data.isPct ? 100 : highest)) : 0),
      containLabel: true,
    },
    xAxis: (horizontal ? val : cat) as EChartsOption['xAxis'],
    yAxis: (horizontal ? cat : val) as EChartsOption['yAxis'],
    series,
  };
}
