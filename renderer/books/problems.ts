/**
 * What `book.check` found, in words a researcher reads before running a book on another wave or
 * dataset: which variable, in which role, what changed (old and new label side by side), and whether
 * the book can still run.
 */
import type { BookSpec } from '../../shared/book/book';
import type { BookProblem } from '../../shared/book/check';
import type { VariableMeta } from '../../shared/model/dataset';
import type { StringKey } from '../i18n/strings';

type T = (key: StringKey, params?: Record<string, string | number>) => string;

const ROLE_KEYS: Record<NonNullable<BookProblem['role']>, StringKey> = {
  question: 'bk.role.question',
  banner: 'bk.role.banner',
  weight: 'bk.role.weight',
  comparison: 'bk.role.comparison',
  recode: 'bk.role.recode',
  filter: 'bk.role.filter',
};

export interface ProblemContext {
  t: T;
  /** The dataset the book is checked against. */
  dataset: string;
  /** Its variables (labels now). */
  variables: VariableMeta[];
  /** The book, with its snapshot of labels as saved. */
  spec: BookSpec;
}

function find(variables: VariableMeta[], name: string): VariableMeta | undefined {
  const lower = name.toLowerCase();
  return variables.find((v) => v.name.toLowerCase() === lower);
}

/** The variable as the book was saved with it (names match case-insensitively, as everywhere). */
function savedAs(ctx: ProblemContext, name: string): { label: string; valueLabels: Record<string, string> } | undefined {
  const vars = ctx.spec.expected?.variables ?? {};
  return vars[name] ?? Object.entries(vars).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
}

/** "Gemeente (gemeente)": the label first, the name for the one who needs to find it. */
function variableText(ctx: ProblemContext, name: string): string {
  const label = find(ctx.variables, name)?.label || savedAs(ctx, name)?.label || '';
  return label && label.toLowerCase() !== name.toLowerCase() ? `${label} (${name})` : label || name;
}

function quoted(s: string | undefined, t: T): string {
  return s === undefined ? t('bk.pr.noLabel') : `“${s}”`;
}

/** One changed value label: code, the label as saved, the label now. */
function codeChange(ctx: ProblemContext, name: string, code: string): string {
  const was = savedAs(ctx, name)?.valueLabels[code];
  const now = find(ctx.variables, name)?.valueLabels[code];
  return `${code}: ${quoted(was, ctx.t)} → ${quoted(now, ctx.t)}`;
}

/** A code with its label (as saved, else as now), e.g. "2024 (Golf 2024)". */
function codeLabel(ctx: ProblemContext, name: string, code: string): string {
  const label = savedAs(ctx, name)?.valueLabels[code] ?? find(ctx.variables, name)?.valueLabels[code];
  return label ? `${label} (${code})` : code;
}

export function problemText(p: BookProblem, ctx: ProblemContext): string {
  const { t, dataset } = ctx;
  const name = p.variable ?? '';
  const v = name ? variableText(ctx, name) : '';
  const role = p.role ? t(ROLE_KEYS[p.role]) : '';
  const codes = p.codes ?? [];
  switch (p.kind) {
    case 'missing-variable':
      return t('bk.pr.missing', { v, role: role.charAt(0).toUpperCase() + role.slice(1), dataset });
    case 'label-changed':
      return t('bk.pr.label', { v, detail: p.detail ?? '' });
    case 'value-labels-changed':
      return t('bk.pr.valueLabels', { v, changes: codes.map((c) => codeChange(ctx, name, c)).join('; ') });
    case 'category-gone':
      return t('bk.pr.categoryGone', { v, dataset, codes: codes.map((c) => codeLabel(ctx, name, c)).join(', ') });
    case 'wave-missing':
      return t(p.fatal ? 'bk.pr.waveCurrent' : 'bk.pr.wavePrevious', { v, dataset, codes: codes.map((c) => codeLabel(ctx, name, c)).join(', ') });
    case 'filter-invalid':
      return t('bk.pr.filter', { dataset, detail: p.detail ?? '' });
    case 'unknown-folder':
      return t('bk.pr.folder', { folder: p.detail ?? '', dataset });
    case 'no-questions':
      return t('bk.pr.noQuestions', { dataset });
  }
}
