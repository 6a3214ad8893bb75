/**
 * THE route from a table query to tables that may leave the app: the table builder's screen, its copy
 * and CSV/HTML, the tabellenboek and charts all come through here. Tables asked for together are
 * published together (they share banner, filter and weight, so an intruder reads them side by side):
 * every question is tabulated first, then the output rules run on the group at once — withheld
 * column bases made consistent across tables, the project's recorded overrides applied, and the
 * group audited as one linear system (shared/disclosure/secondary/linked-audit.ts).
 *
 * Identifiers never reach a table: a question that is a linking key (or has the id/key role) is a
 * blocked table with the reason; one in the banner or the layers blocks the whole group.
 */
import {
  applyRulesToMrTable,
  applyOverridesToBanners,
  applyRulesToLayers,
  auditLinkedBanners,
  checkLinkingKeys,
  keyMessages,
  type OverrideRecord,
  type RuleSet,
} from '../disclosure/index';
import { banner, type BannerOptions } from '../engine/banner';
import type { LayeredCrosstab } from '../engine/layer-result';
import { reasonMessages } from '../i18n/messages';
import type { DisclosureMessage } from '../i18n/message-types';
import { findVariable, type Dataset } from '../model/dataset';
import type { BannerResult, Chi2Block, DisclosureSummary, MrResult, TableStatus } from '../model/results';
import { bannerVariables, plainBannerVariables, type TableQuery } from '../query/table-query';
import { andMasks, filterMask, maskCount, referenceMasks } from './filter';
import { assertRequestInputs, derivedIdentifierMessages } from '../disclosure/inputs';
import { runCrosstab } from './run-tables';
import { namesSet, withSetMembers } from './run-mr';
import { EngineError } from '../engine/errors';
import { layerVariables, layeredTable, layeredVariables } from './run-layers';
import { findMrSet } from '../engine/mr/resolve-set';
import { mrTable } from '../engine/mr/table';
import { markResult, markUnchecked } from './output-rules';

/** The two steps a group needs from the engine and the rules; tests of writers substitute their own. */
export interface GroupEngine {
  banner(ds: Dataset, opts: BannerOptions): BannerResult;
  /**
   * The output rules on all tables of one banner, filter and weight at once; `options(t)` gives table
   * t's differencing references (the same table under wider or other selections).
   */
  groupRules(raws: readonly BannerResult[], rs: RuleSet, options?: (t: number) => { references?: BannerReference[] }): BannerResult[];
}

/** The same banner under another selection, for differencing (shared/disclosure/primary/differences.ts). */
export interface BannerReference {
  table: BannerResult;
  source: 'filter' | 'released';
}

/** What a long tabulation checks between tables to stop early (an AbortSignal is one; shared/ has no DOM types). */
export interface StopSignal {
  readonly aborted: boolean;
  readonly reason?: unknown;
}

export interface TableGroupOptions {
  ruleSet: RuleSet;
  /** The project's recorded overrides (the app and its exports pass them; the CLI does not). */
  overrides?: readonly OverrideRecord[];
  /** Rows selected besides the query's filter (a book's current wave). */
  selection?: Uint8Array;
  /**
   * Filters (full expressions) under which tables of this row variable and banner have already left
   * the app (the project's release register): the difference with each must be safe too.
   */
  released?: (row: string) => string[];
  signal?: StopSignal;
  /** Called after each question is tabulated. */
  onTable?(done: number, total: number): void;
  engine?: Partial<GroupEngine>;
}

/** The chi-square of a row variable against one banner variable, or why it is withheld. */
export interface ChiSquareLine {
  variable: string;
  label: string;
  chi2: Chi2Block | null;
  /** Why the test is withheld (codes), when it is. */
  messages?: DisclosureMessage[];
}

export interface PublishedTable {
  variable: string;
  label: string;
  status: TableStatus;
  /** Why the table is blocked or has suppressed cells, as message codes (empty when safe). */
  messages: DisclosureMessage[];
  /** The banner after the output rules; absent when the table is blocked. */
  result?: BannerResult;
  /** With layers: one layered crosstab per plain banner variable (rules applied per layered table). */
  layered?: LayeredCrosstab[];
  /** A multiple-response set in the rows: its items, net and bases against the banner. */
  mr?: MrResult;
  /** With `tests.chi2`: one line per plain banner variable. */
  chi2?: ChiSquareLine[];
}

export interface TableGroup {
  dataset: Dataset;
  query: TableQuery;
  tables: PublishedTable[];
  /** Rows in the selection (filter and extra selection). */
  selectedRows: number;
  ruleSet: RuleSet['name'];
}

/** What the API returns of a group (the dataset stays in the backend). */
export type TableGroupResult = Omit<TableGroup, 'dataset' | 'query'>;

export function groupResult(g: TableGroup): TableGroupResult {
  return { tables: g.tables, selectedRows: g.selectedRows, ruleSet: g.ruleSet };
}

/** The group rules of a plain request: recorded overrides first (released cells count as published), then the joint audit. */
export function groupRulesWith(dataset: string, overrides: readonly OverrideRecord[]): GroupEngine['groupRules'] {
  return (raws, rs, options) => auditLinkedBanners(raws, applyOverridesToBanners(raws, rs, dataset, overrides, options), rs);
}

/** The first identifier or linking key among `names`, as the reasons a table is blocked; null when none. */
export function identifierMessages(ds: Dataset, names: string[], rs: RuleSet): DisclosureMessage[] | null {
  const check = checkLinkingKeys(names, ds.variables, rs);
  return check.ok ? derivedIdentifierMessages(ds, names, rs) : [...keyMessages(check.hits.slice(0, 1)), { code: 'identifiers-not-exported' }];
}

function labelOf(ds: Dataset, name: string): string {
  const i = findVariable(ds, name);
  return i < 0 ? name : ds.variables[i].label || ds.variables[i].name;
}

function throwIfAborted(signal?: StopSignal): void {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('cancelled');
}

const statusOf = (result: { rules: { status: TableStatus } }): TableStatus => result.rules.status;

function blocked(ds: Dataset, variable: string, messages: DisclosureMessage[]): PublishedTable {
  return { variable, label: labelOf(ds, variable), status: 'blocked', messages };
}

export function runTableGroup(ds: Dataset, query: TableQuery, opts: TableGroupOptions): TableGroup {
  const rs = opts.ruleSet;
  assertRequestInputs(ds, { variables: [], filter: query.filter, weight: query.weight }, rs);
  const mask = andMasks(filterMask(ds, query.filter), opts.selection);
  const done = (tables: PublishedTable[]): TableGroup => ({ dataset: ds, query, tables, selectedRows: maskCount(ds, mask), ruleSet: rs.name });
  // A set in the banner is read through its member variables; so is a set layer (run-layers.ts says which
  // layers are allowed).
  const shared = identifierMessages(ds, [...withSetMembers(ds, bannerVariables(query.banner)), ...layerVariables(ds, query.layers)], rs);
  if (shared) return done(query.rows.map((v) => blocked(ds, v, shared)));
  const tables = query.layers.length > 0 ? layeredTables(ds, query, opts, mask) : bannerTables(ds, query, opts, mask);
  if (query.tests.chi2) addChiSquares(ds, query, opts, tables);
  return done(rs.unchecked ? tables.map((t) => markTable(t, rs)) : tables);
}

/** A table made under rules below the project's (or none): published, marked as not checked. */
function markTable(t: PublishedTable, rs: RuleSet): PublishedTable {
  if (t.status === 'blocked' || !rs.unchecked) return t;
  const mark = <R extends { rules: DisclosureSummary }>(r: R): R => markResult(r, rs);
  const result = t.result ? mark(t.result) : undefined;
  const mr = t.mr ? mark(t.mr) : undefined;
  const layered = t.layered?.map((l) => ({
    ...l,
    layers: l.layers.map((layer) => ({ ...layer, table: mark(layer.table) })),
    total: l.total ? mark(l.total) : null,
    ...(l.rules ? { rules: markUnchecked(l.rules, rs) } : {}),
  }));
  const status = result?.rules.status ?? mr?.rules.status ?? layered?.[0]?.rules?.status ?? 'unchecked';
  return {
    ...t,
    status,
    ...(result ? { result } : {}),
    ...(mr ? { mr } : {}),
    ...(layered ? { layered } : {}),
    messages: [...t.messages, { code: 'rules-unchecked', ruleSet: rs.name, project: rs.unchecked.against }],
  };
}

const baseKey = (column: string, count: number | null) => `${column}\u0000${String(count)}`;

/** The query's nets that apply to row variable `variable` (all, unless a net names its variables). */
/** Masks of the filters under which tables of this row and banner were released (the release register). */
function releasedFilters(ds: Dataset, opts: TableGroupOptions, row: string): (Uint8Array | undefined)[] {
  return (opts.released?.(row) ?? []).flatMap((f) => {
    try {
      return [filterMask(ds, f)];
    } catch {
      return []; // a register entry whose filter no longer fits the data cannot be compared
    }
  });
}

function netsFor(query: TableQuery, variable: string): TableQuery['nets'] {
  const lower = variable.toLowerCase();
  return query.nets.filter((n) => !n.variables || n.variables.some((v) => v.toLowerCase() === lower));
}

/**
 * A multiple-response set in the rows: its table against the banner (shared/engine/mr), ruled as its
 * own table (each item with the base as its total) with the column bases the group's banners withhold.
 */
function setTable(
  ds: Dataset,
  query: TableQuery,
  opts: TableGroupOptions,
  mask: Uint8Array | undefined,
  name: string,
  withheldBases: ReadonlySet<string>,
): PublishedTable {
  const rs = opts.ruleSet;
  const set = findMrSet(ds, name);
  const key = identifierMessages(ds, [...set.variables, ...withSetMembers(ds, bannerVariables(query.banner))], rs);
  if (key) return { variable: set.name, label: set.label || set.name, status: 'blocked', messages: key };
  // A set against a banner that holds a set: refused for this question only, so the rest of a book stands.
  const other = bannerVariables(query.banner).find((v) => namesSet(ds, v));
  if (other !== undefined)
    return { variable: set.name, label: set.label || set.name, status: 'blocked', messages: [{ code: 'set-by-set', set: set.name, col: other }] };
  const tests = query.tests.display === 'none' ? undefined : { adjust: query.tests.adjust, alpha: query.tests.alpha };
  const raw = mrTable(ds, {
    set,
    columns: query.banner,
    weight: query.weight,
    design: query.design,
    filter: mask,
    tests,
    responsePct: query.statistics.responsePct,
  });
  const hideBases = new Set(raw.columns.filter((c, k) => withheldBases.has(baseKey(c.key, raw.base.count[k]))).map((c) => c.key));
  // Differencing as for the banner tables: without (part of) the filter, and under released filters.
  const plain = (filter: Uint8Array | undefined) => mrTable(ds, { set, columns: query.banner, weight: query.weight, filter });
  const references =
    rs.name === 'none'
      ? []
      : [
          ...referenceMasks(ds, query.filter, opts.selection).map((m) => ({ result: plain(m), source: 'filter' as const })),
          ...releasedFilters(ds, opts, set.name).map((m) => ({ result: plain(m), source: 'released' as const })),
        ];
  const mr = applyRulesToMrTable(raw, rs, { hideBases, references });
  const messages = reasonMessages(mr.rules);
  const label = set.label || set.name;
  if (mr.rules.status === 'blocked')
    return { variable: set.name, label, status: 'blocked', messages: messages.length ? messages : [{ code: 'blocked-by-rules' }] };
  return { variable: set.name, label, status: mr.rules.status, messages, mr };
}

function bannerTables(ds: Dataset, query: TableQuery, opts: TableGroupOptions, mask: Uint8Array | undefined): PublishedTable[] {
  const rs = opts.ruleSet;
  const tabulate = opts.engine?.banner ?? banner;
  const groupRules = opts.engine?.groupRules ?? groupRulesWith(ds.name, opts.overrides ?? []);
  const tests = query.tests.display === 'none' ? undefined : { adjust: query.tests.adjust, alpha: query.tests.alpha };
  // Differencing: the same tables without the filter (or without one of its conditions), and under
  // filters already released, are compared cell by cell; only counts matter there, so no tests.
  const refMasks = rs.name === 'none' ? [] : referenceMasks(ds, query.filter, opts.selection);
  const references = (variable: string): BannerReference[] => {
    if (rs.name === 'none') return [];
    const plain = (filter: Uint8Array | undefined) => tabulate(ds, { row: variable, columns: query.banner, weight: query.weight, filter });
    const released = releasedFilters(ds, opts, variable).map((m) => ({ table: plain(m), source: 'released' as const }));
    return [...refMasks.map((m) => ({ table: plain(m), source: 'filter' as const })), ...released];
  };
  const pending: { variable: string; raw: BannerResult | null; key: DisclosureMessage[] | null; refs: BannerReference[]; set: boolean }[] = [];
  query.rows.forEach((variable, i) => {
    throwIfAborted(opts.signal);
    if (namesSet(ds, variable)) {
      pending.push({ variable, raw: null, key: null, refs: [], set: true });
      opts.onTable?.(i + 1, query.rows.length);
      return;
    }
    const key = identifierMessages(ds, [variable], rs);
    const nets = netsFor(query, variable);
    const raw = key
      ? null
      : tabulate(ds, { row: variable, columns: query.banner, weight: query.weight, filter: mask, tests, means: query.statistics.means, nets });
    pending.push({ variable, raw, key, refs: raw ? references(variable) : [], set: false });
    opts.onTable?.(i + 1, query.rows.length);
  });
  throwIfAborted(opts.signal);
  const tabulated = pending.filter((p) => p.raw);
  const raws = tabulated.map((p) => p.raw!);
  const ruled = groupRules(raws, rs, (t) => ({ references: tabulated[t].refs }));
  const byRaw = new Map(raws.map((raw, i) => [raw, ruled[i]]));
  // A base a banner of the group withholds is withheld in the set tables too (same column, same count).
  const withheld = new Set(ruled.flatMap((r, t) => r.columns.flatMap((c, k) => (r.base.count[k] === null ? [baseKey(c.key, raws[t].base.count[k])] : []))));
  return pending.map(({ variable, raw, key, set }) => {
    if (set) return setTable(ds, query, opts, mask, variable, withheld);
    if (!raw) return blocked(ds, variable, key ?? []);
    const result = byRaw.get(raw)!;
    const messages = reasonMessages(result.rules);
    if (statusOf(result) === 'blocked') return blocked(ds, variable, messages.length ? messages : [{ code: 'blocked-by-rules' }]);
    return { variable, label: result.rowVariable.label || variable, status: statusOf(result), messages, result };
  });
}

/** Each row against each plain banner variable, split by the layers; the rules run on each layered table (layers and total together). */
function layeredTables(ds: Dataset, query: TableQuery, opts: TableGroupOptions, mask: Uint8Array | undefined): PublishedTable[] {
  const rs = opts.ruleSet;
  const cols = plainBannerVariables(query.banner);
  const set = cols.find((c) => namesSet(ds, c));
  if (set !== undefined) throw new EngineError('bad-set', { code: 'engine-set-in-layers', set });
  // Differencing: the same layered tables without the filter (or without one of its conditions).
  const refMasks = rs.name === 'none' ? [] : referenceMasks(ds, query.filter, opts.selection);
  return query.rows.map((variable, i) => {
    throwIfAborted(opts.signal);
    // A set is not (yet) a row of a layered table: refused with the reason, as the CLI refuses it.
    layeredVariables(ds, variable, '', query.layers);
    const key = identifierMessages(ds, [variable], rs);
    if (key) return blocked(ds, variable, key);
    const layered = cols.map((col) => {
      const spec = { row: variable, col, layers: query.layers, weight: query.weight };
      const references = refMasks.map((m) => ({ result: layeredTable(ds, { ...spec, filter: m }), source: 'filter' as const }));
      return applyRulesToLayers(layeredTable(ds, { ...spec, design: query.design, filter: mask }), rs, { references });
    });
    opts.onTable?.(i + 1, query.rows.length);
    const worst: TableStatus = layered.some((l) => l.rules?.status === 'blocked')
      ? 'blocked'
      : layered.some((l) => l.rules?.status === 'suppressed')
        ? 'suppressed'
        : 'safe';
    const messages = layered.flatMap((l) => (l.rules ? reasonMessages(l.rules) : []));
    return { variable, label: labelOf(ds, variable), status: worst, messages, layered };
  });
}

/**
 * The chi-square of each published row variable against each plain banner variable: the crosstab of
 * the pair through the output rules (which withhold the test when margins and statistic together
 * could narrow a suppressed cell), with the same weight, design, overrides and selection.
 */
function addChiSquares(ds: Dataset, query: TableQuery, opts: TableGroupOptions, tables: PublishedTable[]): void {
  // No chi-square against a set: its columns share cases, so they are no contingency table.
  const cols = plainBannerVariables(query.banner).filter((c) => !namesSet(ds, c));
  const extra = opts.selection;
  for (const t of tables) {
    if (t.status === 'blocked') continue;
    t.chi2 = cols.map((col) => {
      const table = runCrosstab(
        ds,
        { row: t.variable, col, weight: query.weight, design: query.design, filter: query.filter, selection: extra },
        opts.ruleSet,
        opts.overrides,
      );
      const why = table.chi2 ? undefined : reasonMessages(table.rules).filter((m) => m.code === 'chi2-withheld');
      return { variable: col, label: labelOf(ds, col), chi2: table.chi2, ...(why ? { messages: why } : {}) };
    });
  }
}
