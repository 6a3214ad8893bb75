/**
 * Axes in the house style: quiet value axis (no line, light grid, muted labels), category axis with
 * a real baseline and no ticks, labels that wrap instead of overlapping.
 */
import { formatNumber } from './format';
import { LINE_HEIGHT, widestLine, wrapText, type ChartContext } from './layout';

/** Axis options stay loosely typed here: ECharts' x/y axis unions do not accept a shared builder. */
export type AxisOption = Record<string, unknown>;

/** Tick labels: as many decimals as the tick needs (ECharts picks 0.5-steps on small ranges). */
export function tickFormatter(ctx: ChartContext, isPct: boolean, absolute = false): (v: number) => string {
  return (v: number) => {
    const x = absolute ? Math.abs(v) : v;
    const frac = String(x).split('.')[1] ?? '';
    return formatNumber(x, Math.min(3, frac.length), ctx.spec.locale) + (isPct ? '%' : '');
  };
}

export function valueAxis(ctx: ChartContext, isPct: boolean, extra: AxisOption = {}): AxisOption {
  const { style, px } = ctx;
  return {
    type: 'value',
    axisLine: { show: false },
    axisTick: { show: false },
    splitLine: { show: true, lineStyle: { color: style.colors.grid, width: 0.75 } },
    axisLabel: { fontSize: px.axis, color: style.colors.muted, formatter: tickFormatter(ctx, isPct) },
    ...extra,
  } as AxisOption;
}

export interface CategoryAxisOptions {
  horizontal: boolean;
  /** Width of one category band in px (vertical charts wrap their labels to it). */
  bandWidth?: number;
  /** Draw the axis line (a baseline for bars; not wanted in dot plots or centred bars). */
  line?: boolean;
  /** The labels are already wrapped (lines joined by \n) to the room the caller gave them. */
  wrapped?: boolean;
}

/**
 * Labels are wrapped here, at word boundaries, rather than by ECharts (which breaks inside words).
 * Horizontal charts give labels at most 30% of the width; vertical charts wrap to the band and turn
 * labels 45° when even a single word does not fit.
 */
export function categoryAxis(ctx: ChartContext, labels: string[], opts: CategoryAxisOptions): AxisOption {
  const { style, px } = ctx;
  const limit = opts.horizontal ? ctx.width * 0.3 : Math.max(16, (opts.bandWidth ?? 60) - px.axis * 0.5);
  const wrapped = opts.wrapped ? labels : labels.map((l) => wrapText(l, limit, px.axis, false, ctx.measure).join('\n'));
  const rotate = !opts.horizontal && widestLine(ctx, wrapped, px.axis) > limit;
  const data = rotate ? labels.map((l) => l.replace(/\n/g, ' ')) : wrapped;
  return {
    type: 'category',
    data,
    inverse: opts.horizontal,
    axisLine: { show: opts.line ?? true, lineStyle: { color: style.colors.axis, width: 0.75 } },
    axisTick: { show: false },
    splitLine: { show: false },
    axisLabel: {
      fontSize: px.axis,
      color: style.colors.text,
      interval: 0,
      rotate: rotate ? 45 : 0,
      lineHeight: px.axis * LINE_HEIGHT,
      margin: px.axis * 0.6,
    },
  };
}

/** Extra room beside the plot so the last tick label of a horizontal value axis is not cut off. */
export function endTickRoom(ctx: ChartContext, widest: string): number {
  return ctx.measure(widest, ctx.px.axis, false) / 2 + 2;
}

/** A round axis maximum above `max` (1, 2, 2.5, 5 × 10^k), so the last gridline closes the plot. */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= max) return m * p;
  return 10 * p;
}
