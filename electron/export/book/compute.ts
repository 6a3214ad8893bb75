/**
 * Everything a book needs before a byte is written: recodes, row selection, the question list, one
 * banner per question, the output rules on each, and the trend against the previous wave. Kept apart
 * from the xlsx writer so CSV/HTML exports and tests use exactly the same checked tables.
 */
import type { Code, Dataset } from '../../../shared/model/dataset';
import { findVariable } from '../../../shared/model/dataset';
import type { BannerResult } from '../../../shared/model/results';
import type { RuleSet } from '../../../shared/disclosure/index';
import type { BookSpec } from '../../../shared/book/book';
import { checkLinkingKeys, keyMessages } from '../../../shared/disclosure/index';
import { reasonMessages, renderMessage, type DisclosureMessage } from '../../../shared/i18n/messages';
import { applyRecode } from '../../../shared/transform/recode';
import { toRecodeRecipe } from '../../../shared/book/recode';
import { andMasks, filterMask, valueMask } from '../../../shared/book/filter';
import type { TrendInput } from '../../../shared/format/table-model';
import { type BannerFn, type GroupRulesFn, type RulesFn, bannerItemsVariables } from './engine';
import { groupRulesFor } from './group-rules';

export type TableStatus = 'safe' | 'suppressed' | 'blocked';

export interface ComputedTable {
  variable: string;
  label: string;
  status: TableStatus;
  /** Why the table is blocked or suppressed, in the book's language (`messages` joined by '; '). */
  reason?: string;
  /** The same as codes (shared/i18n/messages.ts). */
  messages?: DisclosureMessage[];
  /** The banner after the output rules (suppressed cells carry no values). Absent when blocked. */
  result?: BannerResult;
  trend?: TrendInput;
}

export interface ComputeDeps {
  banner: BannerFn;
  /** A single-table rule function; the engine's own means the group rules (see group-rules.ts). */
  applyRules?: RulesFn;
  /** The rules on all tables of one banner, filter and weight together; default from `applyRules`. */
  applyGroupRules?: GroupRulesFn;
  ruleSet: RuleSet;
  /** Variables per folder, for `questions: {folder}` (folders live in the project store). */
  folders?: Record<string, string[]>;
  onTable?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface ComputedBook {
  dataset: Dataset;
  tables: ComputedTable[];
  /** Rows in the main selection (filter and current wave). */
  selectedRows: number;
}

/** The first identifier or linking key among `names`, with the reason, or null. */
function linkingKey(ds: Dataset, names: string[], ruleSet: RuleSet): DisclosureMessage[] | null {
  const check = checkLinkingKeys(names, ds.variables, ruleSet);
  return check.ok ? null : [...keyMessages(check.hits.slice(0, 1)), { code: 'identifiers-not-exported' }];
}

function withReason(messages: DisclosureMessage[], lang: BookSpec['language']): { reason?: string; messages?: DisclosureMessage[] } {
  return messages.length === 0 ? {} : { reason: messages.map((m) => renderMessage(m, lang)).join('; '), messages };
}

export function resolveQuestions(ds: Dataset, spec: BookSpec, folders?: Record<string, string[]>): string[] {
  const q = spec.questions;
  if (Array.isArray(q)) {
    const missing = q.filter((v) => findVariable(ds, v) < 0);
    if (missing.length) throw new Error(`questions not in dataset ${ds.name}: ${missing.join(', ')}`);
    return q;
  }
  if ('folder' in q) {
    const list = folders?.[q.folder];
    if (!list) throw new Error(`unknown folder '${q.folder}'`);
    return list.filter((v) => findVariable(ds, v) >= 0);
  }
  const exclude = new Set(
    [...bannerItemsVariables(spec.banner), spec.weight?.variable, spec.comparison?.variable, ds.weight].filter(Boolean).map((v) => String(v).toLowerCase()),
  );
  return ds.variables
    .filter((v) => (v.measure === 'nominal' || v.measure === 'ordinal') && Object.keys(v.valueLabels).length > 0)
    .filter((v) => v.role === 'input' && !exclude.has(v.name.toLowerCase()))
    .map((v) => v.name);
}

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('cancelled');
}

export function computeBook(source: Dataset, spec: BookSpec, deps: ComputeDeps): ComputedBook {
  let ds = source;
  for (const r of spec.recodes) ds = applyRecode(ds, toRecodeRecipe(r));
  const base = spec.filter ? filterMask(ds, spec.filter) : undefined;
  const cmp = spec.comparison;
  const main = cmp ? andMasks(base, valueMask(ds, cmp.variable, [cmp.current])) : base;
  const both = cmp ? andMasks(base, valueMask(ds, cmp.variable, [cmp.current, cmp.previous])) : undefined;
  const questions = resolveQuestions(ds, spec, deps.folders);
  const bannerVars = bannerItemsVariables(spec.banner);
  const tests = { adjust: spec.tests.adjust, alpha: spec.tests.alpha };
  const keyInBanner = linkingKey(ds, bannerVars, deps.ruleSet);
  const groupRules = deps.applyGroupRules ?? groupRulesFor(deps.applyRules);
  // Every question shares banner, filter and weight: tabulate all, then apply the rules to the group.
  const pending: { variable: string; label: string; raw: BannerResult | null; key: DisclosureMessage[] | null }[] = [];
  questions.forEach((variable, i) => {
    throwIfAborted(deps.signal);
    const label = ds.variables[findVariable(ds, variable)].label || variable;
    const key = keyInBanner ?? linkingKey(ds, [variable], deps.ruleSet);
    const raw = key ? null : deps.banner(ds, { row: variable, columns: spec.banner, weight: spec.weight ?? null, filter: main, tests });
    pending.push({ variable, label, raw, key });
    deps.onTable?.(i + 1, questions.length);
  });
  throwIfAborted(deps.signal);
  const raws = pending.flatMap((p) => (p.raw ? [p.raw] : []));
  const indexOf = new Map(raws.map((raw, i) => [raw, i]));
  const results = groupRules(raws, deps.ruleSet);
  const lang = spec.language;
  const tables: ComputedTable[] = pending.map(({ variable, label, raw, key }) => {
    if (!raw) return { variable, label, status: 'blocked', ...withReason(key ?? [], lang) };
    const result = results[indexOf.get(raw)!];
    const status = result.rules.status;
    const why = reasonMessages(result.rules);
    if (status === 'blocked') return { variable, label, status, ...withReason(why.length ? why : [{ code: 'blocked-by-rules' }], lang) };
    return { variable, label, status, ...withReason(why, lang), result };
  });
  if (cmp && spec.trend?.enabled) addTrends(ds, spec, deps.banner, groupRules, deps.ruleSet, tables, both);
  return { dataset: ds, tables, selectedRows: main ? main.reduce((n, v) => n + v, 0) : ds.rows };
}

/**
 * The change against the previous wave, from one banner of each question by the wave variable: the
 * same z-test that gives the letters says whether this wave is higher or lower. These banners share
 * their columns and population too, so they get the rules as one group.
 */
function addTrends(
  ds: Dataset,
  spec: BookSpec,
  bannerFn: BannerFn,
  groupRules: GroupRulesFn,
  ruleSet: RuleSet,
  tables: ComputedTable[],
  both: Uint8Array | undefined,
): void {
  const cmp = spec.comparison!;
  const shown = tables.filter((t) => t.result);
  const raws = shown.map((t) =>
    bannerFn(ds, {
      row: t.variable,
      columns: { total: false, items: [{ variable: cmp.variable }] },
      weight: spec.weight ?? null,
      filter: both,
      tests: { adjust: 'none', alpha: spec.tests.alpha },
    }),
  );
  const ruled = groupRules(raws, ruleSet);
  shown.forEach((t, i) => (t.trend = trendInput(spec, ruled[i], t.result!)));
}

function trendInput(spec: BookSpec, r: BannerResult, current: BannerResult): TrendInput | undefined {
  const cmp = spec.comparison!;
  const col = (code: Code) => r.columns.findIndex((c) => c.path.length === 1 && c.path[0].code === code);
  const ci = col(cmp.current);
  const pi = col(cmp.previous);
  if (pi < 0) return undefined;
  const markers = spec.trend?.markers ?? { up: '▲', down: '▼' };
  const rowIndex = new Map(r.rows.map((row, i) => [row.code, i]));
  const cells = current.rows.map((row) => {
    const i = rowIndex.get(row.code);
    if (i === undefined || r.rules.status === 'blocked') return { pct: null, count: null, suppressed: r.rules.status === 'blocked', change: '' as const };
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
  return { label, cells, base: r.rules.status === 'blocked' ? null : r.base.count[pi], markers };
}
