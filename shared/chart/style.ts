/**
 * House style for charts: fonts, sizes (in points, so print size is what the designer asked for),
 * colours. The default lives in resources/styles/chart-default.json; a project may save its own.
 */
import { z } from 'zod';

const hex = z.string().regex(/^#[0-9a-fA-F]{6}$/);

export const chartStyleSchema = z.object({
  name: z.string().max(100),
  /** CSS font-family list; the first family is the bundled font used for PNG output. */
  fontFamily: z.string().min(1).max(300),
  sizesPt: z.object({
    title: z.number().min(4).max(40),
    subtitle: z.number().min(4).max(40),
    axis: z.number().min(4).max(40),
    label: z.number().min(4).max(40),
    legend: z.number().min(4).max(40),
    footnote: z.number().min(4).max(40),
    panelTitle: z.number().min(4).max(40),
  }),
  colors: z.object({
    text: hex,
    muted: hex,
    axis: hex,
    grid: hex,
    background: hex,
    /** Data-label text on dark and on light fills. */
    labelOnDark: hex,
    labelOnLight: hex,
  }),
  palette: z.object({
    /** Nominal categories; colour-blind safe by default (Okabe–Ito). */
    categorical: z.array(hex).min(2).max(30),
    /** Agree/disagree scales: strong negative, light negative, neutral, light positive, strong positive. */
    diverging: z.tuple([hex, hex, hex, hex, hex]),
    /** Ordinal scales that are not bipolar: light → strong. */
    sequential: z.tuple([hex, hex]),
    /** "Don't know"-type answers in a Likert bar. */
    other: hex,
  }),
  /** Symbol shown where a cell is suppressed by the output rules (tabellenboek uses the same). */
  suppressedSymbol: z.string().min(1).max(3),
  /** Stacked-bar segments below this percentage get no data label (they would not fit). */
  minLabelPct: z.number().min(0).max(50),
  /** Margin around the chart, mm. */
  marginMm: z.number().min(0).max(30),
  lineWidthPt: z.number().min(0.25).max(6),
  markerSizePt: z.number().min(1).max(20),
});

export type ChartStyle = z.output<typeof chartStyleSchema>;

export const PX_PER_PT = 96 / 72;
export const PX_PER_MM = 96 / 25.4;

export function ptToPx(pt: number): number {
  return pt * PX_PER_PT;
}

function rgb(hexColor: string): [number, number, number] {
  const n = parseInt(hexColor.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex([r, g, b]: [number, number, number]): string {
  return '#' + [r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');
}

/** Linear mix in sRGB; t = 0 gives a, t = 1 gives b. Good enough between two shades of one hue. */
export function mix(a: string, b: string, t: number): string {
  const x = rgb(a);
  const y = rgb(b);
  return toHex([x[0] + (y[0] - x[0]) * t, x[1] + (y[1] - x[1]) * t, x[2] + (y[2] - x[2]) * t]);
}

/** WCAG relative luminance. */
export function luminance(hexColor: string): number {
  const lin = rgb(hexColor).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
}

export function contrastRatio(a: string, b: string): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** The label colour (of the two in the style) with the better contrast on a fill. */
export function labelColorOn(fill: string, style: ChartStyle): string {
  const dark = contrastRatio(fill, style.colors.labelOnDark);
  const light = contrastRatio(fill, style.colors.labelOnLight);
  return dark >= light ? style.colors.labelOnDark : style.colors.labelOnLight;
}

/** n shades from a to b inclusive (n = 1 gives b: a lone category gets the strong colour). */
export function ramp(a: string, b: string, n: number): string[] {
  if (n <= 0) return [];
  if (n === 1) return [b];
  return Array.from({ length: n }, (_, i) => mix(a, b, i / (n - 1)));
}

/**
 * A series colour darkened toward the text colour until it reads as text on the background
 * (WCAG 4.5:1): light palette colours (sky blue, yellow) are fine as fills, not as letters.
 */
export function readableOn(color: string, style: ChartStyle, ratio = 4.5): string {
  let c = color;
  for (let t = 0.1; t <= 1 && contrastRatio(c, style.colors.background) < ratio; t += 0.1) c = mix(color, style.colors.text, t);
  return c;
}
