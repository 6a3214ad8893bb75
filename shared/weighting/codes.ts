/**
 * Matching the codes written in targets to the codes of a variable: a number is a code of a numeric
 * variable, a text a code of a string variable, and either may instead be a value label (StatLine
 * tables name categories, not codes), matched without regard to case or surrounding spaces.
 */
import { codeKey, type Code, type VariableMeta } from '../model/dataset';

/** The variable's code that `written` names, or null when it names none. */
export function matchCode(meta: VariableMeta, written: string): Code | null {
  const text = written.trim();
  if (meta.type === 'numeric') {
    if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text)) return Number(text);
  }
  const lower = text.toLowerCase();
  for (const [key, label] of Object.entries(meta.valueLabels)) {
    if (label.trim().toLowerCase() === lower) return meta.type === 'numeric' ? Number(key) : key;
  }
  return meta.type === 'numeric' ? null : text.replace(/ +$/, '');
}

/** Codes in SPSS order: numbers ascending, strings in code-unit order. */
export function compareCodes(a: Code, b: Code): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** The code as targets and reports write it. */
export function codeText(code: Code): string {
  return codeKey(code);
}
