/**
 * The frame around the plot: wrapped title and subtitle at the top left, the legend under it, the
 * footnote (base, weighting, suppression legend, source) at the bottom. Heights are computed from
 * measured text so the plot never overlaps them, whatever the chart size.
 */
import type { LegendComponentOption, TitleComponentOption } from 'echarts';
import { chartCanvas, type ChartSpec } from './spec';
import { PX_PER_MM, ptToPx, type ChartStyle } from './style';
import { chartTexts, formatNumber, type ChartTexts } from './format';

export const NBSP = '\u00a0';

/** Width in CSS px of a text in the chart's font at a size; the renderer passes real font metrics. */
export type MeasureText = (text: string, fontPx: number, bold: boolean) => number;

/** Fallback when no metrics are given: average advance of a Helvetica-like face. */
export const approximateMeasure: MeasureText = (text, fontPx, bold) => text.length * fontPx * (bold ? 0.58 : 0.53);

export const LINE_HEIGHT = 1.25;

export interface ChartContext {
  spec: ChartSpec;
  style: ChartStyle;
  texts: ChartTexts;
  measure: MeasureText;
  width: number;
  height: number;
  margin: number;
  px: { title: number; subtitle: number; axis: number; label: number; legend: number; footnote: number; panelTitle: number };
  fmt: (v: number) => string;
}

export function chartContext(spec: ChartSpec, style: ChartStyle, measure: MeasureText, decimals: number, isPct: boolean): ChartContext {
  const c = chartCanvas(spec);
  const s = style.sizesPt;
  const locale = spec.locale;
  return {
    spec,
    style,
    texts: chartTexts(locale),
    measure,
    width: c.cssWidth,
    height: c.cssHeight,
    margin: style.marginMm * PX_PER_MM,
    px: {
      title: ptToPx(s.title),
      subtitle: ptToPx(s.subtitle),
      axis: ptToPx(s.axis),
      label: ptToPx(s.label),
      legend: ptToPx(s.legend),
      footnote: ptToPx(s.footnote),
      panelTitle: ptToPx(s.panelTitle),
    },
    fmt: (v) => formatNumber(v, decimals, locale) + (isPct ? '%' : ''),
  };
}

/**
 * Greedy word wrap at ordinary spaces (a no-break space, as in "n = 312", holds); explicit newlines
 * are kept. A word longer than the line stays whole.
 */
export function wrapText(text: string, maxWidth: number, fontPx: number, bold: boolean, measure: MeasureText): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/[ \t]+/).filter(Boolean)) {
      const next = line ? line + ' ' + word : word;
      if (line && measure(next, fontPx, bold) > maxWidth) {
        out.push(line);
        line = word;
      } else line = next;
    }
    out.push(line);
  }
  return out;
}

/** `text` cut to `maxWidth` with an ellipsis (whole when it fits). */
export function abbreviate(text: string, maxWidth: number, fontPx: number, bold: boolean, measure: MeasureText): string {
  if (measure(text, fontPx, bold) <= maxWidth) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(text.slice(0, mid).trimEnd() + '…', fontPx, bold) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return text.slice(0, lo).trimEnd() + '…';
}

/**
 * A label in at most `maxLines` lines of at most `maxWidth`: wrapped at spaces, a word longer than a
 * line and the last line of a label that needs more lines are abbreviated with an ellipsis.
 */
export function fitLabel(text: string, maxWidth: number, maxLines: number, fontPx: number, bold: boolean, measure: MeasureText): string[] {
  const lines = wrapText(text, maxWidth, fontPx, bold, measure);
  const kept = lines.slice(0, maxLines);
  if (lines.length > maxLines) kept[maxLines - 1] = `${kept[maxLines - 1]} ${lines.slice(maxLines).join(' ')}`;
  return kept.map((l) => abbreviate(l, maxWidth, fontPx, bold, measure));
}

/**
 * Positions as close to `want` as they can be while at least `gap` apart and within [lo, hi] (when
 * they fit): pushed apart downwards in order, then back up from `hi`. For labels beside points.
 */
export function spreadPositions(want: readonly number[], gap: number, lo: number, hi: number): number[] {
  const order = want.map((_, i) => i).sort((a, b) => want[a] - want[b] || a - b);
  const y = new Array<number>(want.length);
  let prev = -Infinity;
  for (const i of order) {
    y[i] = Math.max(want[i], lo, prev + gap);
    prev = y[i];
  }
  let next = Infinity;
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k];
    y[i] = Math.min(y[i], hi, next - gap);
    next = y[i];
  }
  return y;
}

/** Rows the legend needs when it wraps at `width` (ECharts uses itemGap between rows as well). */
export function legendRows(names: string[], width: number, fontPx: number, itemGap: number, iconW: number, measure: MeasureText): number {
  let rows = 1;
  let x = 0;
  for (const name of names) {
    const w = iconW + 5 + measure(name, fontPx, false);
    if (x > 0 && x + w > width) {
      rows++;
      x = 0;
    }
    x += w + itemGap;
  }
  return rows;
}

export function widestLine(ctx: ChartContext, lines: string[], fontPx: number, bold = false): number {
  return Math.max(0, ...lines.flatMap((l) => l.split('\n')).map((l) => ctx.measure(l, fontPx, bold)));
}

export interface FrameInput {
  title: string;
  subtitle?: string;
  footnotes: string[];
  /** Legend entries in reading order; none means no legend. */
  legend?: string[];
}

export interface Frame {
  titles: TitleComponentOption[];
  legend: LegendComponentOption | undefined;
  /** Space left for the plot (and its axis labels), as distances from the canvas edges. */
  plot: { left: number; top: number; right: number; bottom: number };
}

export function buildFrame(ctx: ChartContext, input: FrameInput): Frame {
  const { style, margin, px, measure } = ctx;
  const inner = ctx.width - 2 * margin;
  const titleLines = input.title ? wrapText(input.title, inner, px.title, true, measure) : [];
  const subLines = input.subtitle ? wrapText(input.subtitle, inner, px.subtitle, false, measure) : [];
  const gap = px.legend * 0.9;
  let top = margin;
  const titles: TitleComponentOption[] = [];
  if (titleLines.length || subLines.length) {
    titles.push({
      text: titleLines.join('\n'),
      subtext: subLines.join('\n'),
      left: margin,
      top: margin,
      padding: 0,
      itemGap: px.subtitle * 0.4,
      textStyle: { fontSize: px.title, fontWeight: 'bold', color: style.colors.text, lineHeight: px.title * LINE_HEIGHT },
      subtextStyle: { fontSize: px.subtitle, color: style.colors.muted, lineHeight: px.subtitle * LINE_HEIGHT },
    });
    top += titleLines.length * px.title * LINE_HEIGHT + (subLines.length ? px.subtitle * 0.4 + subLines.length * px.subtitle * LINE_HEIGHT : 0) + gap;
  }
  let legend: LegendComponentOption | undefined;
  if (input.legend && input.legend.length > 0) {
    const icon = px.legend * 0.85;
    const itemGap = px.legend;
    const rows = legendRows(input.legend, inner, px.legend, itemGap, icon, measure);
    const rowH = Math.max(icon, px.legend * LINE_HEIGHT);
    legend = {
      type: 'plain',
      data: input.legend,
      left: margin,
      top,
      width: inner,
      padding: 0,
      itemGap,
      itemWidth: icon,
      itemHeight: icon,
      icon: 'rect',
      textStyle: { fontSize: px.legend, color: style.colors.text, lineHeight: px.legend * LINE_HEIGHT },
      selectedMode: false,
    };
    top += rows * rowH + (rows - 1) * itemGap + gap;
  }
  const footLines = input.footnotes.flatMap((f) => wrapText(f, inner, px.footnote, false, measure));
  let bottom = margin;
  if (footLines.length) {
    titles.push({
      text: footLines.join('\n'),
      left: margin,
      bottom: margin,
      padding: 0,
      textStyle: { fontSize: px.footnote, fontWeight: 'normal', color: style.colors.muted, lineHeight: px.footnote * LINE_HEIGHT },
    });
    bottom += footLines.length * px.footnote * LINE_HEIGHT + gap;
  }
  return { titles, legend, plot: { left: margin, top, right: margin, bottom } };
}
