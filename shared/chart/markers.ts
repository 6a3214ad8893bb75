/**
 * Suppressed cells are gaps: the bar, point or segment is simply not drawn (its value is null), and
 * the legend symbol ("x") is written where it would have been, so a reader sees a withheld number
 * rather than a zero. Drawn with a custom series because ECharts draws no label for a null value.
 */
import type { CustomSeriesOption } from 'echarts';
import type { ChartContext } from './layout';
import { readableOn } from './style';

export interface MarkerPoint {
  /** Index on the category axis. */
  cat: number;
  /** Position on the value axis where the symbol goes (the baseline, or the end of a stack). */
  value: number;
  /** Slot of a grouped bar within its category (0-based) and the number of slots. */
  slot?: number;
  slots?: number;
  /** Nth marker at the same spot: shifted so several symbols do not overprint. */
  nth?: number;
  color?: string;
  /** -1 when the point is the end of a negative (leftward or downward) stack. */
  dir?: 1 | -1;
}

export interface MarkerGeometry {
  horizontal: boolean;
  /** Fractions as set on the bar series (barCategoryGap, barGap). */
  categoryGap: number;
  barGap: number;
  xAxisIndex?: number;
  yAxisIndex?: number;
}

export const MARKER_SERIES_ID = 'duiding-suppressed';

/** Centre offset of slot i of k grouped bars in a band, as ECharts lays them out. */
export function slotOffset(band: number, i: number, k: number, categoryGap: number, barGap: number): number {
  if (k <= 1) return 0;
  const usable = band * (1 - categoryGap);
  const w = usable / (k + (k - 1) * barGap);
  return -usable / 2 + w / 2 + i * w * (1 + barGap);
}

/** Font size of the symbol, and the room one symbol takes along the value axis when several share a spot. */
export function markerMetrics(ctx: ChartContext): { fontSize: number; step: number } {
  const fontSize = ctx.px.label * 1.1;
  return { fontSize, step: fontSize * 1.25 };
}

export function suppressedMarkers(ctx: ChartContext, points: MarkerPoint[], geo: MarkerGeometry): CustomSeriesOption | null {
  if (points.length === 0) return null;
  const { style } = ctx;
  const { fontSize, step } = markerMetrics(ctx);
  const pad = fontSize * 0.4;
  // Symbols of neighbouring slots closer than a symbol is big would overprint: they then step out
  // along the value axis, one symbol further per earlier suppressed slot of the same category.
  const rank = points.map((p, i) => points.slice(0, i).filter((q) => q.cat === p.cat && (q.slot ?? 0) !== (p.slot ?? 0)).length);
  const symbolAcross = geo.horizontal ? fontSize * 1.15 : ctx.measure(style.suppressedSymbol, fontSize, true) * 1.3;
  return {
    type: 'custom',
    id: MARKER_SERIES_ID + (geo.xAxisIndex ?? 0),
    name: '',
    silent: true,
    z: 10,
    xAxisIndex: geo.xAxisIndex ?? 0,
    yAxisIndex: geo.yAxisIndex ?? 0,
    encode: geo.horizontal ? { x: 1, y: 0 } : { x: 0, y: 1 },
    data: points.map((p, i) => [p.cat, p.value, p.slot ?? 0, p.slots ?? 1, p.nth ?? 0, i]),
    renderItem: (_params, api) => {
      const cat = api.value(0) as number;
      const value = api.value(1) as number;
      const p = points[api.value(5) as number];
      const at = api.coord(geo.horizontal ? [value, cat] : [cat, value]);
      const size = api.size!(geo.horizontal ? [0, 1] : [1, 0]) as number[];
      const band = geo.horizontal ? size[1] : size[0];
      const off = slotOffset(band, p.slot ?? 0, p.slots ?? 1, geo.categoryGap, geo.barGap);
      const slots = p.slots ?? 1;
      const pitch =
        slots > 1 ? Math.abs(slotOffset(band, 1, slots, geo.categoryGap, geo.barGap) - slotOffset(band, 0, slots, geo.categoryGap, geo.barGap)) : Infinity;
      const nth = (p.nth ?? 0) + (pitch < symbolAcross ? rank[api.value(5) as number] : 0);
      const dir = p.dir ?? 1;
      const away = dir * (pad + nth * step);
      const x = geo.horizontal ? at[0] + away : at[0] + off;
      const y = geo.horizontal ? at[1] + off : at[1] - away;
      return {
        type: 'text',
        x,
        y,
        style: {
          text: style.suppressedSymbol,
          fill: p.color ? readableOn(p.color, style) : style.colors.text,
          fontSize,
          fontWeight: 'bold',
          fontFamily: style.fontFamily,
          align: geo.horizontal ? (dir > 0 ? 'left' : 'right') : 'center',
          verticalAlign: geo.horizontal ? 'middle' : dir > 0 ? 'bottom' : 'top',
        },
      };
    },
  } as CustomSeriesOption;
}
