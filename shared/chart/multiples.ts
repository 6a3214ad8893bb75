/**
 * Small multiples: one panel per group (e.g. per gemeente), each a horizontal bar chart of the answer
 * categories on one shared value axis, so panels compare at a glance. Answer labels only in the first
 * panel column; the panels beside it share its rows.
 *
 * The layout starts from the labels, not from the canvas: a category band is as tall as its label's
 * lines in the axis font (labels wrap to the gutter, at most three lines, and are abbreviated beyond
 * that), so a panel's height follows its number of categories. The grid takes the fewest panel
 * columns whose rows fit the canvas while panels stay wide enough for their bars; when even the
 * widest grid does not fit, the chart grows taller (`heightPx`) instead of letting labels overprint.
 */
import type { BarSeriesOption, CustomSeriesOption, EChartsOption, GridComponentOption, TitleComponentOption } from 'echarts';
import { categoryAxis, valueAxis } from './axes';
import type { ChartData } from './data';
import { buildFrame, fitLabel, LINE_HEIGHT, type ChartContext } from './layout';
import { suppressedMarkers, type MarkerPoint } from './markers';
import { footnotes, groupLabel, subtitleFor } from './notes';
import { orderGroups, orderRows } from './order';

/** Lines an answer label may take in the gutter before it is abbreviated. */
const MAX_LABEL_LINES = 3;
/** Lines a panel title may take (name, then "(n = …)"). */
const MAX_TITLE_LINES = 3;

/** A round maximum for the shared axis, in finer steps than niceMax: panels are narrow, room is dear. */
function panelAxisMax(max: number): number {
  if (!(max > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= max * (1 - 1e-9)) return m * p;
  return 10 * p;
}

export interface MultiplesLayout {
  option: EChartsOption;
  /** Height the panels need; more than the canvas when they do not fit in it. */
  heightPx: number;
}

export function smallMultiples(ctx: ChartContext, data: ChartData): MultiplesLayout {
  const { spec, style, px } = ctx;
  const frame = buildFrame(ctx, { title: spec.title ?? data.title, subtitle: subtitleFor(ctx, data), footnotes: footnotes(ctx, data) });
  const rowsOrder = orderRows(data, spec);
  const panels = orderGroups(data, spec, (j) => data.values[rowsOrder[0]][j]);
  const labelGap = px.axis * 0.8;
  const rawLabels = rowsOrder.map((i) => data.rows[i].label);
  const labelWidth = Math.min(ctx.width * 0.25, Math.max(...rawLabels.map((l) => ctx.measure(l, px.axis, false))));
  const labels = rawLabels.map((l) => fitLabel(l, labelWidth, MAX_LABEL_LINES, px.axis, false, ctx.measure));
  const gutter = Math.max(...labels.flat().map((l) => ctx.measure(l, px.axis, false))) + labelGap;
  const lineH = px.axis * LINE_HEIGHT;
  const maxLines = Math.max(1, ...labels.map((l) => l.length));
  // One band per answer: its label's lines plus air, never less than a bar and its data label need.
  const band = Math.max(maxLines * lineH + px.axis * 0.45, px.label * 1.6);
  const panelH = band * rowsOrder.length;
  const areaW = ctx.width - frame.plot.left - frame.plot.right - gutter;
  const areaH = ctx.height - frame.plot.top - frame.plot.bottom;
  const gapX = px.axis * 1.5;
  const gapY = px.axis * 0.8;
  const axisH = px.axis * 1.8;
  const titles = (width: number) => panels.map((j) => fitLabel(groupLabel(ctx, data.cols[j], false), width, MAX_TITLE_LINES, px.panelTitle, true, ctx.measure));
  const minPanelW = ctx.measure(ctx.fmt(100), px.axis, false) * 4;
  const plan = (cols: number) => {
    const panelW = (areaW - (cols - 1) * gapX) / cols;
    const rows = Math.ceil(panels.length / cols);
    const titleLines = Math.max(1, ...titles(panelW).map((t) => t.length));
    const titleH = titleLines * px.panelTitle * LINE_HEIGHT + 2;
    const need = rows * (titleH + panelH + axisH) + (rows - 1) * gapY;
    return { cols, rows, panelW, titleH, need };
  };
  const candidates = Array.from({ length: panels.length }, (_, k) => plan(k + 1));
  const wideEnough = candidates.filter((p) => p.panelW >= minPanelW);
  const pool = wideEnough.length > 0 ? wideEnough : [candidates[0]];
  const layout = pool.find((p) => p.need <= areaH) ?? pool.reduce((a, b) => (b.need < a.need ? b : a));
  const { cols, panelW, titleH } = layout;
  const panelTitles = titles(panelW);
  let max = 0;
  for (const i of rowsOrder) for (const v of data.values[i]) if (v != null) max = Math.max(max, v);
  const showLabels = spec.labels && band * 0.7 >= px.label;
  // One value axis for all panels, with room for the longest bar's data label inside its panel.
  const labelRoom = showLabels ? ctx.measure(ctx.fmt(max), px.label, false) + 4 : 0;
  const axisMax = panelAxisMax((max * panelW) / Math.max(1, panelW - labelRoom));
  const grids: GridComponentOption[] = [];
  const titleOptions: TitleComponentOption[] = [...frame.titles];
  const xAxes: unknown[] = [];
  const yAxes: unknown[] = [];
  const series: (BarSeriesOption | CustomSeriesOption)[] = [];
  const axisLabels = labels.map((l) => l.join('\n'));
  panels.forEach((j, p) => {
    const r = Math.floor(p / cols);
    const c = p % cols;
    const left = frame.plot.left + gutter + c * (panelW + gapX);
    const top = frame.plot.top + r * (titleH + axisH + panelH + gapY) + titleH;
    grids.push({ left, top, width: panelW, height: panelH, containLabel: false });
    titleOptions.push({
      text: panelTitles[p].join('\n'),
      left,
      top: top - titleH,
      padding: 0,
      textStyle: { fontSize: px.panelTitle, fontWeight: 'bold', color: style.colors.text, lineHeight: px.panelTitle * LINE_HEIGHT },
    });
    const cat = categoryAxis(ctx, axisLabels, { horizontal: true, wrapped: true });
    yAxes.push({ ...cat, gridIndex: p, axisLabel: { ...(cat.axisLabel as object), show: c === 0, margin: labelGap } });
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
      barMaxWidth: px.axis * 1.6,
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
  const heightPx = frame.plot.top + layout.need + frame.plot.bottom;
  return {
    heightPx,
    option: {
      animation: false,
      backgroundColor: style.colors.background,
      color: style.palette.categorical,
      textStyle: { fontFamily: style.fontFamily, color: style.colors.text },
      title: titleOptions,
      grid: grids,
      xAxis: xAxes as EChartsOption['xAxis'],
      yAxis: yAxes as EChartsOption['yAxis'],
      series,
    },
  };
}
