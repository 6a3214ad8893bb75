/**
 * Everything a book needs before a byte is written: recodes, the wave selection, the question list,
 * the tables through the one route every published table takes (shared/analysis/table-group.ts:
 * all questions share banner, filter and weight, so they are checked as one group), and the trend
 * against the previous wave. Kept apart from the xlsx writer so previews, CSV/HTML and tests use
 * exactly the same checked tables.
 */
import { type GroupEngine, type PublishedTable, type StopSignal, runTableGroup } from '../analysis/table-group';
import { andMasks, filterMask, valueMask } from '../analysis/filter';
import type { OverrideRecord, RuleSet } from '../disclosure/index';
import { renderMessage } from '../i18n/messages';
import type { DisclosureMessage } from '../i18n/message-types';
import type { Code, Dataset } from '../model/dataset';
import { findVariable } from '../model/dataset';
import type { BannerResult } from '../model/results';
import { bannerVariables, type TableQuery } from '../query/table-query';
import type { TrendInput } from '../format/table-model';
import { applyRecode } from '../transform/recode';
import type { BookSpec } from './book';
import { toRecodeRecipe } from './recode';

export interface ComputedTable extends PublishedTable {
  /** Why the table is blocked or suppressed, in the book's language (`messages` joined by '; '). */
  reason?: string;
  trend?: TrendInput;
}

export interface ComputeBookOptions {
  ruleSet: RuleSet;
  /** The project's recorded overrides of this dataset. */
  overrides?: readonly OverrideRecord[];
  /** Variables per folder, for `questions: {folder}` (folders live in the project store). */
  folders?: Record<string, string[]>;
  onTable?: (done: number, total: number) => void;
  signal?: StopSignal;
  /** Writer tests substitute the engine's banner or the group rules. */
  engine?: Partial<GroupEngine>;
  /** Filters under which tables of a row variable and this banner already left the app (release register). */
  released?: (row: string) => string[];
}

export interface ComputedBook {
  dataset: Dataset;
  tables: ComputedTable[];
  /** Rows in the main selection (filter and current wave). */
  selectedRows: number;
}

function withReason(messages: DisclosureMessage[], lang: BookSpec['language']): { reason?: string } {
  return messages.length === 0 ? {} : { reason: messages.map((m) => renderMessage(m, lang)).join('; ') };
}

/** A question may be a multiple-response set of the dataset (`$name`). */
function hasSet(ds: Dataset, name: string): boolean {
  return ds.mrSets.some((s) => s.name.toLowerCase() === name.toLowerCase());
}

export function resolveQuestions(ds: Dataset, spec: BookSpec, folders?: Record<string, string[]>): string[] {
  const q = spec.questions;
  if (Array.isArray(q)) {
    const missing = q.filter((v) => findVariable(ds, v) < 0 && !hasSet(ds, v));
    if (missing.length) throw new Error(`questions not in dataset ${ds.name}: ${missing.join(', ')}`);
    return q;
  }
  if ('folder' in q) {
    const list = folders?.[q.folder];
    if (!list) throw new Error(`unknown folder '${q.folder}'`);
    return list.filter((v) => findVariable(ds, v) >= 0);
  }
  const exclude = new Set(
    [...bannerVariables(spec.banner), spec.weight?.variable, spec.comparison?.variable, ds.weight].filter(Boolean).map((v) => String(v).toLowerCase()),
  );
  return ds.variables
    .filter((v) => (v.measure === 'nominal' || v.measure === 'ordinal') && Object.keys(v.valueLabels).length > 0)
    .filter((v) => v.role === 'input' && !exclude.has(v.name.toLowerCase()))
    .map((v) => v.name);
}

/** The table query every question of the book is tabulated with. */
export function bookQuery(spec: BookSpec, questions: string[]): TableQuery {
  return {
    dataset: spec.dataset,
    rows: questions,
    banner: spec.banner,
    weight: spec.weight,
    filter: spec.filter,
    statistics: spec.statistics,
    tests: spec.tests,
    ruleSet: spec.ruleSet,
    rulesReason: spec.rulesReason,
    layers: [],
    nets: spec.nets,
    sort: spec.sort,
    hideEmpty: spec.hideEmpty,
  };
}

/** The dataset a book tabulates: the source with the book's own recodes added. */
export function bookDataset(source: Dataset, spec: BookSpec): Dataset {
  let ds = source;
  for (const r of spec.recodes) ds = applyRecode(ds, toRecodeRecipe(r));
  return ds;
}

export function computeBook(source: Dataset, spec: BookSpec, opts: ComputeBookOptions, only?: string[]): ComputedBook {
  const ds = bookDataset(source, spec);
  const cmp = spec.comparison;
  const questions = only ?? resolveQuestions(ds, spec, opts.folders);
  const group = runTableGroup(ds, bookQuery(spec, questions), {
    ruleSet: opts.ruleSet,
    overrides: opts.overrides,
    selection: cmp ? valueMask(ds, cmp.variable, [cmp.current]) : undefined,
    signal: opts.signal,
    onTable: opts.onTable,
    engine: opts.engine,
    released: opts.released,
  });
  const tables: ComputedTable[] = group.tables.map((t) => ({ ...t, ...withReason(t.messages, spec.language) }));
  if (cmp && spec.trend?.enabled) addTrends(ds, spec, opts, tables);
  return { dataset: ds, tables, selectedRows: group.selectedRows };
}

/**
 * The change against the previous wave, from one banner of each question by the wave variable: the
 * same z-test that gives the letters says whether this wave is higher or lower. These banners share
 * their columns and population too, so they go through the route as one group of their own.
 */
function addTrends(ds: Dataset, spec: BookSpec, opts: ComputeBookOptions, tables: ComputedTable[]): void {
  const cmp = spec.comparison!;
  const shown = tables.filter((t) => t.result);
  if (shown.length === 0) return;
  const both = andMasks(filterMask(ds, spec.filter), valueMask(ds, cmp.variable, [cmp.current, cmp.previous]));
  const group = runTableGroup(
    ds,
    {
      dataset: spec.dataset,
      rows: shown.map((t) => t.variable),
      banner: { total: false, items: [{ variable: cmp.variable }] },
      weight: spec.weight,
      statistics: { ...spec.statistics, means: false },
      tests: { ...spec.tests, display: 'letters', adjust: 'none', chi2: false },
      layers: [],
      // The trend compares the categories the table shows; nets are sums the current tables carry.
      nets: [],
      sort: 'none',
      hideEmpty: false,
    },
    { ruleSet: opts.ruleSet, overrides: opts.overrides, selection: both, engine: opts.engine },
  );
  shown.forEach((t, i) => {
    const trend = group.tables[i];
    t.trend = trendInput(ds, spec, trend.result ?? null, t.result!);
  });
}

function trendInput(ds: Dataset, spec: BookSpec, r: BannerResult | null, current: BannerResult): TrendInput | undefined {
  const cmp = spec.comparison!;
  const markers = spec.trend?.markers ?? { up: '▲', down: '▼' };
  if (!r) {
    // Blocked by the rules: the previous wave's column is withheld as a whole.
    const cells = current.rows.map(() => ({ pct: null, count: null, suppressed: true, change: '' as const }));
    const waveLabel = ds.variables[findVariable(ds, cmp.variable)]?.valueLabels[String(cmp.previous)];
    return { label: cmp.previousLabel ?? waveLabel ?? String(cmp.previous), cells, base: null, markers };
  }
  const col = (code: Code) => r.columns.findIndex((c) => c.path.length === 1 && c.path[0].code === code);
  const ci = col(cmp.current);
  const pi = col(cmp.previous);
  if (pi < 0) return undefined;
  const rowIndex = new Map(r.rows.map((row, i) => [row.code, i]));
  const cells = current.rows.map((row) => {
    const i = rowIndex.get(row.code);
    if (i === undefined) return { pct: null, count: null, suppressed: false, change: '' as const };
    const prev = r.cells[i][pi];
    const cur = ci >= 0 ? r.cells[i][ci] : undefined;
    const up = cur && !cur.suppressed && !prev.suppressed && cur.sig.includes(r.columns[pi].letter);
    const down = cur && !cur.suppressed && !prev.suppressed && prev.sig.includes(r.columns[ci].letter);
    return {
      pct: prev.suppressed ? null : prev.pct,
      count: prev.suppressed ? null : prev.count,
      suppressed: prev.suppressed,
      change: up ? ('up' as const) : down ? ('down' as const) : ('' as const),
    };
  });
  const label = cmp.previousLabel ?? r.columns[pi].label;
  return { label, cells, base: r.base.count[pi], markers };
}

/** The full selection of the book's main tables as one filter expression: its filter and the current wave. */
export function bookSelectionFilter(spec: BookSpec): string {
  const parts = spec.filter?.trim() ? [`(${spec.filter.trim()})`] : [];
  const cmp = spec.comparison;
  if (cmp) parts.push(`${cmp.variable} = ${typeof cmp.current === 'number' ? cmp.current : JSON.stringify(cmp.current)}`);
  return parts.join(' and ');
}
