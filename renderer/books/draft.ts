/**
 * The book being edited, and the pure edits the Tabellenboek view makes to it: questions added,
 * removed and reordered, banner items stacked and nested, and what is wrong with it, field by field.
 * Kept free of React so the operations the mouse and the keyboard share can be tested directly.
 */
import { bookSpec, type BookSpec } from '../../shared/book/book';
import type { BookProblem } from '../../shared/book/check';
import type { VariableMeta } from '../../shared/model/dataset';
import { MIN_RULES_REASON } from '../../shared/analysis/output-rules';
import { defaultRuleSet, loosens, type RuleSet } from '../../shared/disclosure/rules';
import { isSetName } from '../tables/spec';
import { DEFAULT_STATISTICS, DEFAULT_SYMBOLS, DEFAULT_TESTS, bannerVariables, type BannerItem } from '../../shared/query/table-query';

/** A fresh book on a dataset: no questions yet, a Totaal column, column % with letters, unweighted until a weight is chosen. */
export function newBookSpec(title: string, dataset: string, source = ''): BookSpec {
  return {
    version: 2,
    title,
    subtitle: '',
    source,
    dataset,
    recodes: [],
    questions: [],
    banner: { total: true, items: [] },
    statistics: { ...DEFAULT_STATISTICS },
    tests: { ...DEFAULT_TESTS },
    checkerSheet: true,
    symbols: { ...DEFAULT_SYMBOLS },
    decimals: 1,
    layout: 'sheet-per-table',
    style: 'default',
    language: 'nl',
    nets: [],
    sort: 'none',
    hideEmpty: false,
  };
}

/** The explicit question list, or null when the book takes a folder or all categorical variables. */
export function questionList(spec: BookSpec): string[] | null {
  return Array.isArray(spec.questions) ? spec.questions : null;
}

/** Adds `names` (skipping those already in) before position `at` (default: the end). */
export function addQuestions(spec: BookSpec, names: string[], at?: number): BookSpec {
  const list = questionList(spec) ?? [];
  const have = new Set(list);
  const fresh = names.filter((n, i) => !have.has(n) && names.indexOf(n) === i);
  if (fresh.length === 0) return spec;
  const pos = at === undefined ? list.length : Math.max(0, Math.min(list.length, at));
  return { ...spec, questions: [...list.slice(0, pos), ...fresh, ...list.slice(pos)] };
}

export function removeQuestions(spec: BookSpec, names: string[]): BookSpec {
  const list = questionList(spec);
  if (!list) return spec;
  const gone = new Set(names);
  return { ...spec, questions: list.filter((n) => !gone.has(n)) };
}

/**
 * Moves the questions `names` (kept in their order, as one block) so that the block starts where
 * `before` was, or at the end when `before` is null. What a drop onto the list does.
 */
export function moveQuestionsTo(spec: BookSpec, names: string[], before: string | null): BookSpec {
  const list = questionList(spec);
  if (!list) return spec;
  const moving = new Set(names);
  const block = list.filter((n) => moving.has(n));
  if (block.length === 0 || (before !== null && moving.has(before))) return spec;
  const rest = list.filter((n) => !moving.has(n));
  const pos = before === null ? rest.length : rest.indexOf(before);
  if (pos < 0) return spec;
  return { ...spec, questions: [...rest.slice(0, pos), ...block, ...rest.slice(pos)] };
}

/** Moves the questions `names` one place up (-1) or down (+1) as a block: Alt+arrow and the move buttons. */
export function shiftQuestions(spec: BookSpec, names: string[], delta: -1 | 1): BookSpec {
  const list = questionList(spec);
  if (!list) return spec;
  const moving = new Set(names);
  const idx = list.map((n, i) => (moving.has(n) ? i : -1)).filter((i) => i >= 0);
  if (idx.length === 0) return spec;
  if (delta < 0 && idx[0] === 0) return spec;
  if (delta > 0 && idx[idx.length - 1] === list.length - 1) return spec;
  const out = [...list];
  const order = delta < 0 ? idx : [...idx].reverse();
  for (const i of order) [out[i], out[i + delta]] = [out[i + delta], out[i]];
  return { ...spec, questions: out };
}

/**
 * Candidates for "all questions": labelled nominal or ordinal input variables that are not the book's
 * banner, weight or wave variable — the same choice as `questions: {allCategorical}` in the engine
 * (shared/book/compute.ts resolveQuestions).
 */
export function categoricalVariables(variables: VariableMeta[], spec: BookSpec, folder?: string): VariableMeta[] {
  const exclude = new Set(
    [...bannerVariables(spec.banner), spec.weight?.variable, spec.comparison?.variable].filter(Boolean).map((v) => String(v).toLowerCase()),
  );
  return variables.filter(
    (v) =>
      (folder === undefined || v.folder === folder) &&
      (v.measure === 'nominal' || v.measure === 'ordinal') &&
      Object.keys(v.valueLabels).length > 0 &&
      v.role === 'input' &&
      !exclude.has(v.name.toLowerCase()),
  );
}

/** The folders variables are kept in, in dataset order. */
export function folderNames(variables: VariableMeta[]): string[] {
  return [...new Set(variables.map((v) => v.folder ?? '').filter(Boolean))];
}

export function bannerItemVariables(item: BannerItem): string[] {
  return 'variable' in item ? [item.variable] : [...item.nest];
}

export function addBannerItem(spec: BookSpec, name: string): BookSpec {
  if (spec.banner.items.some((it) => 'variable' in it && it.variable === name)) return spec;
  return { ...spec, banner: { ...spec.banner, items: [...spec.banner.items, { variable: name }] } };
}

/** Dropping a variable on a banner item nests it under that item's (outer) variable. */
export function nestBannerItem(spec: BookSpec, index: number, inner: string): BookSpec {
  const target = spec.banner.items[index];
  if (!target) return spec;
  const outer = 'variable' in target ? target.variable : target.nest[0];
  // A set stands in the banner beside the others, never in a nest (its items overlap: docs/cli.md).
  if (outer === inner || isSetName(outer) || isSetName(inner)) return spec;
  const items = spec.banner.items.map((it, i) => (i === index ? { nest: [outer, inner] as [string, string] } : it));
  return { ...spec, banner: { ...spec.banner, items } };
}

/** A nested item back to its outer variable alone. */
export function unnestBannerItem(spec: BookSpec, index: number): BookSpec {
  const target = spec.banner.items[index];
  if (!target || 'variable' in target) return spec;
  const items = spec.banner.items.map((it, i) => (i === index ? { variable: target.nest[0] } : it));
  return { ...spec, banner: { ...spec.banner, items } };
}

export function removeBannerItem(spec: BookSpec, index: number): BookSpec {
  return { ...spec, banner: { ...spec.banner, items: spec.banner.items.filter((_, i) => i !== index) } };
}

export function shiftBannerItem(spec: BookSpec, index: number, delta: -1 | 1): BookSpec {
  const j = index + delta;
  const items = [...spec.banner.items];
  if (index < 0 || index >= items.length || j < 0 || j >= items.length) return spec;
  [items[index], items[j]] = [items[j], items[index]];
  return { ...spec, banner: { ...spec.banner, items } };
}

/**
 * The variables a book can use: the dataset's, plus the groupings its own recodes make (the demo
 * book's age groups), labelled from the recode so they read like any other variable.
 */
export function bookVariables(variables: VariableMeta[], spec: BookSpec): VariableMeta[] {
  const have = new Set(variables.map((v) => v.name.toLowerCase()));
  const made: VariableMeta[] = spec.recodes
    .filter((r) => !have.has(r.target.toLowerCase()))
    .map((r) => {
      const source = variables.find((v) => v.name.toLowerCase() === r.source.toLowerCase());
      return {
        name: r.target,
        label: r.label ?? source?.label ?? r.target,
        type: 'numeric',
        width: 0,
        measure: 'ordinal',
        format: { type: 'F', width: 4, decimals: 0 },
        valueLabels: Object.fromEntries(r.rules.map((x) => [String(x.code), x.label])),
        missing: { values: [], range: null },
        role: 'input',
        derivedFrom: r.source,
        folder: source?.folder,
      };
    });
  return [...variables, ...made];
}

/** Where in the editor a setting is made: each problem is shown beside its field. */
export type Field =
  | 'title'
  | 'questions'
  | 'banner'
  | 'weight'
  | 'filter'
  | 'comparison'
  | 'trend'
  | 'statistics'
  | 'tests'
  | 'symbols'
  | 'style'
  | 'charts'
  | 'recodes'
  | 'rules'
  | 'other';

export interface DraftIssue {
  field: Field;
  /** A string key of renderer/i18n (bk.err.*) with its parameters, or a schema message as is. */
  key?: string;
  params?: Record<string, string>;
  message?: string;
  /** Variables the issue is about (chips are marked). */
  variables?: string[];
  /** Errors stop previewing and running; warnings are shown but do not. */
  severity: 'error' | 'warning';
}

const FIELD_OF_PATH: Record<string, Field> = {
  title: 'title',
  subtitle: 'title',
  source: 'title',
  questions: 'questions',
  banner: 'banner',
  weight: 'weight',
  filter: 'filter',
  comparison: 'comparison',
  trend: 'trend',
  statistics: 'statistics',
  tests: 'tests',
  symbols: 'symbols',
  style: 'style',
  charts: 'charts',
  recodes: 'recodes',
  ruleSet: 'rules',
  rulesReason: 'rules',
};

/** What the schema refuses (the same schema the backend and `duiding book --spec` read). */
export function schemaIssues(spec: BookSpec): DraftIssue[] {
  const r = bookSpec.safeParse(spec);
  if (r.success) return [];
  return r.error.issues.map((i) => {
    const field = FIELD_OF_PATH[String(i.path[0] ?? '')] ?? 'other';
    return { field, message: `${i.path.join('.') || '(root)'}: ${i.message}`, severity: 'error' as const };
  });
}

/**
 * What the editor can tell before asking the backend: a book without title or questions, a weight
 * that is not numeric, a wave compared with itself, trend columns without waves, symbols that cannot
 * be told apart. Variables that the dataset lacks come from `book.check` (checkIssues).
 */
export function draftIssues(spec: BookSpec, variables: VariableMeta[], projectRules: RuleSet | null = null): DraftIssue[] {
  const out: DraftIssue[] = [];
  const byName = new Map(variables.map((v) => [v.name.toLowerCase(), v]));
  if (!spec.title.trim()) out.push({ field: 'title', key: 'bk.err.title', severity: 'error' });
  const q = spec.questions;
  if (Array.isArray(q) && q.length === 0) out.push({ field: 'questions', key: 'bk.err.noQuestions', severity: 'error' });
  if (!Array.isArray(q) && 'folder' in q && !variables.some((v) => v.folder === q.folder))
    out.push({ field: 'questions', key: 'bk.err.folder', params: { folder: q.folder }, severity: 'error' });
  for (const it of spec.banner.items)
    if ('nest' in it && it.nest[0].toLowerCase() === it.nest[1].toLowerCase())
      out.push({ field: 'banner', key: 'bk.err.nestSelf', params: { name: it.nest[0] }, variables: [it.nest[0]], severity: 'error' });
  if (spec.weight) {
    const w = byName.get(spec.weight.variable.toLowerCase());
    if (w && w.type !== 'numeric') out.push({ field: 'weight', key: 'bk.err.weightType', params: { name: w.name }, severity: 'error' });
  }
  const cmp = spec.comparison;
  if (cmp) {
    if (String(cmp.current) === String(cmp.previous) && spec.trend?.enabled)
      out.push({ field: 'comparison', key: 'bk.err.sameWave', severity: 'error', variables: [cmp.variable] });
  }
  if (spec.trend?.enabled && !cmp) out.push({ field: 'trend', key: 'bk.err.trendNeedsWaves', severity: 'error' });
  const s = spec.symbols;
  if (!s.suppressed.trim()) out.push({ field: 'symbols', key: 'bk.err.symbolEmpty', severity: 'error' });
  const shown = [s.suppressed, s.unknown, s.nil].filter((x) => x.trim());
  if (new Set(shown).size < shown.length) out.push({ field: 'symbols', key: 'bk.err.symbolSame', severity: 'error' });
  if (Object.values(spec.statistics).every((v) => !v)) out.push({ field: 'statistics', key: 'bk.err.noStatistics', severity: 'error' });
  if (rulesLoosened(spec, projectRules) && (spec.rulesReason?.trim().length ?? 0) < MIN_RULES_REASON)
    out.push({ field: 'rules', key: 'bk.err.rulesReason', params: { min: String(MIN_RULES_REASON) }, severity: 'error' });
  return out;
}

/** The book asks for rules below the project's: allowed with a written reason, and its tables are marked unchecked. */
export function rulesLoosened(spec: BookSpec, projectRules: RuleSet | null): boolean {
  return !!spec.ruleSet && !!projectRules && spec.ruleSet !== projectRules.name && loosens(projectRules, defaultRuleSet(spec.ruleSet));
}

const FIELD_OF_ROLE: Record<NonNullable<BookProblem['role']>, Field> = {
  question: 'questions',
  banner: 'banner',
  weight: 'weight',
  comparison: 'comparison',
  recode: 'recodes',
  filter: 'filter',
};

/** The field a `book.check` problem belongs to. */
export function problemField(p: BookProblem): Field {
  if (p.kind === 'no-questions' || p.kind === 'unknown-folder') return 'questions';
  if (p.kind === 'filter-invalid') return 'filter';
  return p.role ? FIELD_OF_ROLE[p.role] : 'other';
}

/** Variables that are named somewhere in the book but missing from the dataset (chips are marked). */
export function missingVariables(problems: readonly BookProblem[]): Set<string> {
  return new Set(problems.filter((p) => p.kind === 'missing-variable' && p.variable).map((p) => p.variable!.toLowerCase()));
}
