/** Short one-line descriptions of value labels and missing values for the variable view. */
import type { MissingSpec, VariableMeta } from '../../shared/model/dataset';

export function valueLabelSummary(meta: VariableMeta, max = 3): string {
  const entries = Object.entries(meta.valueLabels);
  if (entries.length === 0) return '';
  const shown = entries.slice(0, max).map(([code, label]) => `${code} = ${label}`);
  return entries.length > max ? `${shown.join('; ')}; … (${entries.length})` : shown.join('; ');
}

export function missingSummary(missing: MissingSpec, num: (v: number) => string): string {
  const parts = missing.values.map((v) => (typeof v === 'number' ? num(v) : `"${v}"`));
  if (missing.range) parts.unshift(`${num(missing.range[0])} – ${num(missing.range[1])}`);
  return parts.join('; ');
}

/** Parse a number typed in either Dutch (1,5) or English (1.5) notation; null when it is not one. */
export function parseNumber(text: string): number | null {
  const s = text.trim().replace(/\s/g, '');
  if (!s) return null;
  // A single comma is a decimal comma; dots then are thousands separators only when a comma is present.
  const normal = s.includes(',') ? s.replace(/\./g, '').replace(',', '.') : s;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(normal)) return null;
  const n = Number(normal);
  return Number.isFinite(n) ? n : null;
}
