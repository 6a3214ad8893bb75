/**
 * Normalises an exceljs cell value (numbers, text, dates, formulas with cached results, rich text,
 * hyperlinks, errors) into one of four plain shapes the column typing works with.
 */
import type { CellValue } from 'exceljs';

export type Plain = { t: 'empty' } | { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 'date'; v: Date };

const EMPTY: Plain = { t: 'empty' };

export function plain(value: CellValue | undefined): Plain {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'number') return Number.isFinite(value) ? { t: 'num', v: value } : EMPTY;
  if (typeof value === 'string') return value.trim() === '' ? EMPTY : { t: 'str', v: value };
  if (typeof value === 'boolean') return { t: 'num', v: value ? 1 : 0 };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? EMPTY : { t: 'date', v: value };
  if (typeof value === 'object') {
    const o = value as unknown as Record<string, unknown>;
    // A formula counts as the value Excel last computed for it; we never evaluate formulas.
    if ('formula' in o || 'sharedFormula' in o) return plain(o.result as CellValue | undefined);
    if (Array.isArray(o.richText)) return plain((o.richText as { text: string }[]).map((r) => r.text).join(''));
    if ('hyperlink' in o) return plain((o.text as CellValue) ?? String(o.hyperlink));
    if ('error' in o) return EMPTY;
  }
  return EMPTY;
}

export function asText(p: Plain): string {
  switch (p.t) {
    case 'empty':
      return '';
    case 'num':
      return String(p.v);
    case 'str':
      return p.v;
    default:
      return p.v
        .toISOString()
        .replace(/T00:00:00\.000Z$/, '')
        .replace(/\.000Z$/, '')
        .replace('T', ' ');
  }
}
