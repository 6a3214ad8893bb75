/**
 * Small multiples: one panel per group (e.g. per gemeente), each a horizontal bar chart of the answer
 * categories on one shared scale, so panels compare at a glance. Answer labels only in the first
 * panel column; the panels beside it share its rows.
 */
import type { BarSeriesOption, CustomSeriesOption, EChartsOption, GridComponentOption, TitleComponentOption } from 'echarts';
import { categoryAxis, niceMax, valueAxis } from './axes';
import type { ChartData } from './data';
import { buildFrame, LINE_HEIGHT, type ChartContext } from './layout';
import { suppressedMarkers, type MarkerPoint } from './markers';
import { footnotes, groupLabel, subtitleFor } from './notes';
import { orderGroups, orderRows } from './order';

function panelColumns(n: number, aspect: number): number {
  let best = 1;
  let bestScore = Infinity;
  for (let c = 1; c <= n; c++) {
    const r = Math.ceil(n / c);
    // Prefer panels about twice as wide as tall (bars read sideways) and few empty slots.
    const score = Math.abs(Math.log((aspect * r) / c / 2)) + (r * c - n) * 0.15;
    if (score < bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}

export function smallMultiples(ctx: ChartContext, data: ChartData): EChartsOption {
  const { spec, style, px } = ctx;
  const frame = buildFrame(ctx, { title: spec.title ?? data.title, subtitle: subtitleFor(ctx, data), footnotes: footnotes(ctx, data) });
  const rowsOrder = orderRows(data, spec);
  const panels = orderGroups(data, spec, (j) => data.values[rowsOrder[0]][j]);
  const labels = rowsOrder.map((i) => data.rows[i].label);
  const gutter = Math.min(ctx.width * 0.25, Math.max(...labels.map((l) => ctx.measure(l, px.axis, false)))) + px.axis * 0.8;
  const areaW = ctx.width - frame.plot.left - frame.plot.right - gutter;
  const areaH = ctx.height - frame.plot.top - frame.plot.bottom;
  const cols = panelColumns(panels.length, areaW / Math.max(1, areaH));
  const rows = Math.ceil(panels.length / cols);
  const gapX = px.axis * 1.5;
  const titleH = px.panelTitle * LINE_HEIGHT + 2;
  const axisH = px.axis * 1.8;
  const gapY = px.axis * 0.8;
  const panelW = (areaW - (cols - 1) * gapX) / cols;
  const panelH = (areaH - rows * (titleH + axisH) - (rows - 1) * gapY) / rows;
  let max = 0;
  for (const i of rowsOrder) for (const v of data.values[i]) if (v != null) max = Math.max(max, v);
  const showLabels = spec.labels && (panelH / labels.length) * 0.65 >= px.label;
  const axisMax = niceMax(max * (showLabels ? 1.18 : 1.02));
  const grids: GridComponentOption[] = [];
  const titles: TitleComponentOption[] = [...frame.titles];
  const xAxes: unknown[] = [];
  const yAxes: unknown[] = [];
  const series: (BarSeriesOption | CustomSeriesOption)[] = [];
  panels.forEach((j, p) => {
    const r = Math.floor(p / cols);
    const c = p % cols;
    const left = frame.plot.left + gutter + c * (panelW + gapX);
    const top = frame.plot.top + r * (titleH + axisH + panelH + gapY) + titleH;
    grids.push({ left, top, width: panelW, height: panelH, containLabel: false });
    titles.push({
      text: groupLabel(ctx, data.cols[j], false),
      left,
      top: top - titleH,
      padding: 0,
      textStyle: { fontSize: px.panelTitle, fontWeight: 'bold', color: style.colors.text },
    });
    const cat = categoryAxis(ctx, labels, { horizontal: true });
    yAxes.push({ ...cat, gridIndex: p, axisLabel: { ...(cat.axisLabel as object), show: c === 0, width: gutter - px.axis * 0.8 } });
    // Two intervals per panel; the end label is dropped where the next panel's 0 would touch it.
    const ax = valueAxis(ctx, data.isPct, { gridIndex: p, min: 0, max: axisMax, interval: axisMax / 2 });
    xAxes.push({ ...ax, axisLabel: { ...(ax.axisLabel as object), showMaxLabel: c === cols - 1 || p === panels.length - 1 } });
    const color = data.cols[j].isTotal ? style.palette.other : style.palette.categorical[0];
    series.push({
      type: 'bar',
      name: data.cols[j].label,
      xAxisIndex: p,
      yAxisIndex: p,
      data: rowsOrder.map((i) => data.values[i][j]),
      itemStyle: { color },
      barCategoryGap: '30%',
      label: {
        show: showLabels,
        position: 'right',
        distance: 2,
        fontSize: px.label,
        color: style.colors.text,
        formatter: (d: { value: unknown }) => (typeof d.value === 'number' ? ctx.fmt(d.value) : ''),
      },
    });
    const points: MarkerPoint[] = [];
    rowsOrder.forEach((i, k) => data.suppressed[i][j] && points.push({ cat: k, value: 0, color }));
    const marks = suppressedMarkers(ctx, points, { horizontal: true, categoryGap: 0.3, barGap: 0, xAxisIndex: p, yAxisIndex: p });
    if (marks) series.push(marks);
  });
  return {
    animation: false,
    backgroundColor: style.colors.background,
    color: style.palette.categorical,
    textStyle: { fontFamily: style.fontFamily, color: style.colors.text },
    title: titles,
    grid: grids,
    xAxis: xAxes as EChartsOption['xAxis'],
    yAxis: yAxes as EChartsOption['yAxis'],
    series,
  };
}
