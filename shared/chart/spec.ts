/**
 * A saved chart specification (versioned, zod). The same spec drives the on-screen chart, the CLI's
 * `duiding chart` and charts in the tabellenboek, so a chart can be redrawn on next year's wave.
 */
import { z } from 'zod';

const code = z.union([z.number(), z.string()]);

export const chartTypes = ['bar', 'bar-stacked', 'bar-100', 'line', 'dot'] as const;
export type ChartType = (typeof chartTypes)[number];

export const chartSpecSchema = z.object({
  version: z.literal(1).default(1),
  type: z.enum(chartTypes),
  /** Bars: 'horizontal' puts categories on the vertical axis (long Dutch labels read best that way). */
  orientation: z.enum(['horizontal', 'vertical']).default('horizontal'),
  /** What is drawn; 'mean' needs a banner result with means. */
  value: z.enum(['colPct', 'rowPct', 'count', 'weighted', 'mean']).default('colPct'),
  title: z.string().max(1000).optional(),
  subtitle: z.string().max(1000).optional(),
  source: z.string().max(1000).optional(),
  /** 'scale' keeps the code order of the answer scale; value sorts follow the first shown series. */
  sort: z.enum(['scale', 'value-desc', 'value-asc']).default('scale'),
  /** Diverging (centred) 100% bars for agree/disagree scales; 'auto' looks at the value labels. */
  diverging: z.enum(['auto', 'on', 'off']).default('auto'),
  /**
   * One panel per column category (e.g. per gemeente); grouped bars only. Unset: panels when grouped
   * bars would need more than six colours, which no reader can match to a legend.
   */
  multiples: z.boolean().optional(),
  /** Row categories (answer codes) to show; default all. */
  focus: z.array(code).max(100).optional(),
  /** Data labels on bars/points. */
  labels: z.boolean().default(true),
  /** Decimals of data labels; default 0 for percentages and counts, 1 for means. */
  decimals: z.number().int().min(0).max(4).optional(),
  /** Put "(n = …)" behind group names. */
  baseInLabels: z.boolean().default(true),
  ci: z
    .object({
      method: z.enum(['wilson', 'normal']).default('wilson'),
      level: z.number().min(0.5).max(0.999).default(0.95),
    })
    .default({ method: 'wilson', level: 0.95 }),
  widthMm: z.number().min(20).max(1000).default(160),
  heightMm: z.number().min(20).max(1000).default(100),
  dpi: z.number().int().min(50).max(1200).default(300),
  locale: z.enum(['nl', 'en']).default('nl'),
});

export type ChartSpec = z.output<typeof chartSpecSchema>;
export type ChartSpecInput = z.input<typeof chartSpecSchema>;
export type ChartLocale = ChartSpec['locale'];

/** CSS pixels per inch: ECharts lays out in CSS px, so 1 pt = 96/72 px and mm map to px at 96/25.4. */
export const CSS_DPI = 96;

export interface ChartCanvas {
  /** Layout size in CSS px (fractional), used by ECharts. */
  cssWidth: number;
  cssHeight: number;
  /** Raster size at the spec's DPI: exactly round(mm / 25.4 × dpi). */
  pixelWidth: number;
  pixelHeight: number;
}

export function chartCanvas(size: { widthMm: number; heightMm: number; dpi: number }): ChartCanvas {
  return {
    cssWidth: (size.widthMm / 25.4) * CSS_DPI,
    cssHeight: (size.heightMm / 25.4) * CSS_DPI,
    pixelWidth: Math.round((size.widthMm / 25.4) * size.dpi),
    pixelHeight: Math.round((size.heightMm / 25.4) * size.dpi),
  };
}
