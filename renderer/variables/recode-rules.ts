/** The recode dialog's editable rows, turned into the recipe rules of transform.recode. */
import type { Request } from '../../shared/api';
import { parseNumber } from './summaries';

type Recipe = Request<'transform.recode'>['recipe'];
type Rule = Recipe['rules'][number];

export interface RuleRow {
  kind: 'range' | 'values' | 'missing' | 'else';
  lo: string;
  hi: string;
  values: string;
  to: string;
  label: string;
}

export const newRuleRow = (): RuleRow => ({ kind: 'range', lo: '', hi: '', values: '', to: '', label: '' });

/** Rules in order, or the first problem as {row, problem} (row is 0-based). */
export function rowsToRules(rows: RuleRow[]): { rules: Rule[] } | { row: number; problem: 'to' | 'range' | 'values' | 'empty' } {
  if (rows.length === 0) return { row: 0, problem: 'empty' };
  const rules: Rule[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const to = parseNumber(r.to);
    if (to === null) return { row: i, problem: 'to' };
    const label = r.label.trim() || undefined;
    if (r.kind === 'missing' || r.kind === 'else') {
      rules.push({ from: r.kind, to, label });
      continue;
    }
    if (r.kind === 'values') {
      const parts = r.values.split(/[;\s]+/).filter(Boolean);
      const values = parts.map(parseNumber);
      if (values.length === 0 || values.some((v) => v === null)) return { row: i, problem: 'values' };
      rules.push({ from: { values: values as number[] }, to, label });
      continue;
    }
    const lo = r.lo.trim() ? parseNumber(r.lo) : null;
    const hi = r.hi.trim() ? parseNumber(r.hi) : null;
    if ((r.lo.trim() && lo === null) || (r.hi.trim() && hi === null) || (lo === null && hi === null) || (lo !== null && hi !== null && lo > hi)) {
      return { row: i, problem: 'range' };
    }
    rules.push({ from: { lo, hi }, to, label });
  }
  return { rules };
}
