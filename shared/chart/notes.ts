/** Footnote lines and group labels that carry the base (n). */
import type { ChartData, ChartCategory } from './data';
import { formatNumber } from './format';
import { NBSP, type ChartContext } from './layout';

export function groupLabel(ctx: ChartContext, c: ChartCategory, twoLines: boolean): string {
  if (!ctx.spec.baseInLabels || c.n == null) return c.label;
  const n = `${ctx.texts.n}${NBSP}=${NBSP}${formatNumber(c.n, 0, ctx.spec.locale)}`;
  return twoLines ? `${c.label}\n(${n})` : `${c.label} (${n})`;
}

export function anySuppressed(data: ChartData, rows: number[] = data.rows.map((_, i) => i)): boolean {
  return rows.some((i) => data.suppressed[i].some(Boolean));
}

/** Base, weighting, suppression legend, extra notes, source — in that order. */
export function footnotes(ctx: ChartContext, data: ChartData, extra: string[] = [], rows?: number[]): string[] {
  const { texts, spec } = ctx;
  const lines: string[] = data.unchecked ? [texts.unchecked] : [];
  const parts: string[] = [];
  if (data.totalN != null) parts.push(`${texts.base}: ${texts.n} = ${formatNumber(data.totalN, 0, spec.locale)} (${texts.unweighted})`);
  if (data.weighted) parts.push(texts.weighted);
  if (parts.length) lines.push(parts.join('; ') + '.');
  if (data.multipleResponse && data.isPct) lines.push(texts.multipleResponse + '.');
  if (anySuppressed(data, rows)) lines.push(texts.suppressed(ctx.style.suppressedSymbol, data.ruleSet) + '.');
  lines.push(...extra);
  if (spec.source) lines.push(`${texts.source}: ${spec.source}`);
  return lines;
}

/**
 * With one answer category and no legend the reader must still learn which answer is drawn: say it
 * under the title (unless the spec gives its own subtitle).
 */
export function subtitleFor(ctx: ChartContext, data: ChartData): string | undefined {
  if (ctx.spec.subtitle !== undefined) return ctx.spec.subtitle || undefined;
  if (data.rows.length !== 1 || data.isMean) return undefined;
  const what = data.isPct ? 'Percentage' : ctx.spec.locale === 'nl' ? 'Aantal' : 'Number';
  const answer = `‘${data.rows[0].label}’`;
  return `${what} ${answer}`;
}
