/**
 * Does a book still fit a dataset? Before a book is run on next year's wave (or any other dataset),
 * everything that no longer matches is listed where the researcher can see it: variables that are
 * gone, value labels that changed since the book was saved, banner categories that disappeared (a
 * column would vanish from every table), waves of the comparison that are not in the data, a filter
 * that no longer parses. Pure: the caller shows the list and decides whether to run.
 */
import { isUserMissing, findVariable, type Dataset } from '../model/dataset';
import { bannerVariables } from '../query/table-query';
import { parseExpr, checkVariables, ExprError } from '../transform/expr/index';
import type { BookSpec } from './book';
import { bookDataset, resolveQuestions } from './compute';

export type BookProblemKind =
  'missing-variable' | 'label-changed' | 'value-labels-changed' | 'category-gone' | 'wave-missing' | 'filter-invalid' | 'unknown-folder' | 'no-questions';

export interface BookProblem {
  kind: BookProblemKind;
  /** The variable concerned (absent for the filter and the question list). */
  variable?: string;
  /** Where the book uses it: 'question', 'banner', 'weight', 'comparison', 'recode', 'filter'. */
  role?: 'question' | 'banner' | 'weight' | 'comparison' | 'recode' | 'filter';
  /** Codes concerned (value labels changed or gone, waves missing). */
  codes?: string[];
  /** Free detail: the filter's error message. */
  detail?: string;
  /** True when the book cannot run at all (a missing variable, a bad filter); false for warnings. */
  fatal: boolean;
}

type Snapshot = NonNullable<BookSpec['expected']>;

/** The labels and value labels of every variable the book names, as they are in `ds` (saved as `expected`). */
export function bookSnapshot(source: Dataset, spec: BookSpec, folders?: Record<string, string[]>): Snapshot {
  const ds = bookDataset(source, spec);
  const names = new Set<string>([...bookVariables(spec), ...safeQuestions(ds, spec, folders)]);
  const variables: Snapshot['variables'] = {};
  for (const name of names) {
    const i = findVariable(ds, name);
    if (i >= 0) variables[ds.variables[i].name] = { label: ds.variables[i].label, valueLabels: { ...ds.variables[i].valueLabels } };
  }
  return { dataset: source.name, variables };
}

function safeQuestions(ds: Dataset, spec: BookSpec, folders?: Record<string, string[]>): string[] {
  try {
    return resolveQuestions(ds, spec, folders);
  } catch {
    return Array.isArray(spec.questions) ? spec.questions : [];
  }
}

/** Variables the book names outside its question list, with their role. */
function roles(spec: BookSpec): { variable: string; role: NonNullable<BookProblem['role']> }[] {
  return [
    ...bannerVariables(spec.banner).map((variable) => ({ variable, role: 'banner' as const })),
    ...(spec.weight ? [{ variable: spec.weight.variable, role: 'weight' as const }] : []),
    ...(spec.comparison ? [{ variable: spec.comparison.variable, role: 'comparison' as const }] : []),
    ...spec.recodes.map((r) => ({ variable: r.source, role: 'recode' as const })),
  ];
}

function bookVariables(spec: BookSpec): string[] {
  return roles(spec).map((r) => r.variable);
}

/** Codes that occur (as valid values) in a numeric or string column. */
function observedCodes(ds: Dataset, name: string): Set<string> {
  const i = findVariable(ds, name);
  const out = new Set<string>();
  if (i < 0) return out;
  const col = ds.columns[i];
  const meta = ds.variables[i];
  if (col.kind === 'numeric') {
    for (let r = 0; r < ds.rows; r++) {
      const v = col.data[r];
      if (v === v && !isUserMissing(meta.missing, v)) out.add(String(v));
    }
  } else {
    const seen = new Uint8Array(col.dict.length);
    for (let r = 0; r < ds.rows; r++) seen[col.codes[r]] = 1;
    col.dict.forEach((s, k) => seen[k] && s.trim() !== '' && !isUserMissing(meta.missing, s) && out.add(s.replace(/ +$/, '')));
  }
  return out;
}

export function checkBook(source: Dataset, spec: BookSpec, folders?: Record<string, string[]>): BookProblem[] {
  const problems: BookProblem[] = [];
  // Recode sources must exist before the recoded dataset can be made.
  for (const r of spec.recodes)
    if (findVariable(source, r.source) < 0) problems.push({ kind: 'missing-variable', variable: r.source, role: 'recode', fatal: true });
  if (problems.length) return problems;
  const ds = bookDataset(source, spec);
  for (const { variable, role } of roles(spec)) {
    const isSet = role === 'banner' && ds.mrSets.some((s) => s.name.toLowerCase() === variable.toLowerCase());
    if (role !== 'recode' && !isSet && findVariable(ds, variable) < 0) problems.push({ kind: 'missing-variable', variable, role, fatal: true });
  }
  let questions: string[] = [];
  const q = spec.questions;
  if (Array.isArray(q)) {
    const exists = (v: string) => findVariable(ds, v) >= 0 || ds.mrSets.some((s) => s.name.toLowerCase() === v.toLowerCase());
    for (const v of q) if (!exists(v)) problems.push({ kind: 'missing-variable', variable: v, role: 'question', fatal: true });
    questions = q.filter(exists);
  } else if ('folder' in q && !folders?.[q.folder]) {
    problems.push({ kind: 'unknown-folder', detail: q.folder, fatal: true });
  } else questions = safeQuestions(ds, spec, folders);
  if (questions.length === 0 && !problems.some((p) => p.role === 'question' || p.kind === 'unknown-folder'))
    problems.push({ kind: 'no-questions', fatal: true });

  if (spec.filter) {
    try {
      checkVariables(parseExpr(spec.filter), ds);
    } catch (e) {
      problems.push({ kind: 'filter-invalid', role: 'filter', detail: e instanceof ExprError ? e.message : String(e), fatal: true });
    }
  }
  const cmp = spec.comparison;
  if (cmp && findVariable(ds, cmp.variable) >= 0) {
    const seen = observedCodes(ds, cmp.variable);
    const missing = [cmp.current, ...(spec.trend?.enabled ? [cmp.previous] : [])].map(String).filter((c) => !seen.has(c));
    if (missing.length)
      problems.push({ kind: 'wave-missing', variable: cmp.variable, role: 'comparison', codes: missing, fatal: missing.includes(String(cmp.current)) });
  }

  const expected = spec.expected?.variables;
  if (expected) {
    const banner = new Set(bannerVariables(spec.banner).map((v) => v.toLowerCase()));
    for (const [name, was] of Object.entries(expected)) {
      const i = findVariable(ds, name);
      if (i < 0) continue; // reported above when the book still names it
      const now = ds.variables[i];
      const role = banner.has(name.toLowerCase()) ? ('banner' as const) : ('question' as const);
      if (now.label !== was.label) problems.push({ kind: 'label-changed', variable: now.name, role, detail: `${was.label} → ${now.label}`, fatal: false });
      const changed = Object.keys({ ...was.valueLabels, ...now.valueLabels }).filter((c) => (was.valueLabels[c] ?? null) !== (now.valueLabels[c] ?? null));
      const gone = changed.filter((c) => was.valueLabels[c] !== undefined && now.valueLabels[c] === undefined);
      const relabelled = changed.filter((c) => !gone.includes(c));
      if (relabelled.length) problems.push({ kind: 'value-labels-changed', variable: now.name, role, codes: relabelled, fatal: false });
      if (role === 'banner') {
        // A banner category with neither its label nor any case: its column disappears from every table.
        const seen = observedCodes(ds, now.name);
        const vanished = Object.keys(was.valueLabels).filter((c) => now.valueLabels[c] === undefined || !seen.has(c));
        const missingCases = vanished.filter((c) => !seen.has(c));
        if (missingCases.length) problems.push({ kind: 'category-gone', variable: now.name, role, codes: missingCases, fatal: false });
      } else if (gone.length) problems.push({ kind: 'value-labels-changed', variable: now.name, role, codes: gone, fatal: false });
    }
  }
  return problems;
}
