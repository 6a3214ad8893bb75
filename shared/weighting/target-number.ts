/**
 * Numbers in targets as people keep them: CBS StatLine downloads and Excel copies in a Dutch locale
 * write 31.000 for thirty-one thousand and 0,25 for a quarter. Rules (docs/cli.md, "weight"):
 * - with `,` as column separator only a decimal point is possible (1234.5);
 * - otherwise (`;`, tab, a pasted column) a comma is the decimal separator and dots group thousands
 *   (1.234,5); a number with dots but no comma is grouped when it reads as groups of three after a
 *   first digit that is not 0 (31.000, 1.234.567), and otherwise has a decimal point (0.25, 1.5, 12.3456).
 * Spaces (also non-breaking) between digits are thousands separators. NaN when it is no number.
 */
const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DUTCH_COMMA = /^[+-]?(\d{1,3}(\.\d{3})+|\d+),\d*$/;
const DUTCH_GROUPED = /^[+-]?[1-9]\d{0,2}(\.\d{3})+$/;

export function parseTargetNumber(text: string, columnSeparator: ',' | ';' | '\t' | null = null): number {
  const t = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (t === '') return NaN;
  if (columnSeparator === ',') return PLAIN.test(t) ? Number(t) : NaN;
  if (t.includes(',')) return DUTCH_COMMA.test(t) ? Number(t.replace(/\./g, '').replace(',', '.')) : NaN;
  if (DUTCH_GROUPED.test(t)) return Number(t.replace(/\./g, ''));
  return PLAIN.test(t) ? Number(t) : NaN;
}
