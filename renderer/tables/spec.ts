/**
 * What the table builder holds, and the pure edits the UI makes to it. Kept free of React so the
 * drag/keyboard operations and the request they produce can be tested directly.
 */
import { DEFAULT_SYMBOLS, netSpec, type NetSpec, type TableDisplay, type TableQuery } from '../../shared/query/table-query';

export type ColumnItem = { variable: string } | { nest: [string, string] };

export interface TableSpecState {
  rows: string[];
  columns: ColumnItem[];
  total: boolean;
  weight: { variable: string; type: 'frequency' | 'sampling' } | null;
  filter: string;
  stats: {
    colPct: boolean;
    rowPct: boolean;
    totalPct: boolean;
    counts: boolean;
    weighted: boolean;
    base: boolean;
    effBase: boolean;
    means: boolean;
    responsePct?: boolean;
  };
  tests: { letters: boolean; chi2: boolean; adjust: 'none' | 'bonferroni' | 'bh'; alpha: number };
  /** Layer variables (CROSSTABS … BY layer); optional so that specs saved before layers still load. */
  layers?: string[];
  /** Nets, row order and empty categories (optional for specs saved before them). */
  nets?: NetSpec[];
  sort?: 'none' | 'total-desc';
  hideEmpty?: boolean;
}

export const emptySpec: TableSpecState = {
  rows: [],
  columns: [],
  total: true,
  weight: null,
  filter: '',
  stats: { colPct: true, rowPct: false, totalPct: false, counts: false, weighted: false, base: true, effBase: false, means: false },
  tests: { letters: true, chi2: false, adjust: 'bonferroni', alpha: 0.05 },
  layers: [],
  nets: [],
  sort: 'none',
  hideEmpty: false,
};

export function columnLabel(item: ColumnItem): string {
  return 'variable' in item ? item.variable : `${item.nest[0]} › ${item.nest[1]}`;
}

export function addRow(s: TableSpecState, name: string): TableSpecState {
  return s.rows.includes(name) ? s : { ...s, rows: [...s.rows, name] };
}

export function addColumn(s: TableSpecState, name: string): TableSpecState {
  if (s.columns.some((c) => 'variable' in c && c.variable === name)) return s;
  return { ...s, columns: [...s.columns, { variable: name }] };
}

/** A multiple-response set's name (`$…`): it stands in the columns beside other items, never in a nest. */
export const isSetName = (name: string): boolean => name.startsWith('$');

/** Dropping a variable on a column item nests it under that item's (outer) variable; sets do not nest. */
export function nestColumn(s: TableSpecState, index: number, inner: string): TableSpecState {
  const target = s.columns[index];
  if (!target) return s;
  const outer = 'variable' in target ? target.variable : target.nest[0];
  if (outer === inner || isSetName(outer) || isSetName(inner)) return s;
  const columns = s.columns.map((c, i) => (i === index ? ({ nest: [outer, inner] } as ColumnItem) : c));
  return { ...s, columns };
}

export function removeRow(s: TableSpecState, index: number): TableSpecState {
  return { ...s, rows: s.rows.filter((_, i) => i !== index) };
}

export function removeColumn(s: TableSpecState, index: number): TableSpecState {
  return { ...s, columns: s.columns.filter((_, i) => i !== index) };
}

export function addLayer(s: TableSpecState, name: string): TableSpecState {
  const layers = s.layers ?? [];
  return layers.includes(name) ? s : { ...s, layers: [...layers, name] };
}

export function removeLayer(s: TableSpecState, index: number): TableSpecState {
  return { ...s, layers: (s.layers ?? []).filter((_, i) => i !== index) };
}

/**
 * The table query of this spec (shared/query/table-query.ts), the one request the screen, its copy and
 * its CSV all send; `filterValid` keeps a half-typed filter out of it. With layers, every row variable
 * is shown against every plain (not nested) column variable, one table per layer.
 */
export function tableQueryOf(s: TableSpecState, dataset: string, filterValid: boolean): TableQuery | null {
  if (s.rows.length === 0) return null;
  const filter = s.filter.trim();
  const layers = s.layers ?? [];
  return {
    dataset,
    rows: s.rows,
    banner: { total: s.total, items: s.columns },
    ...(s.weight ? { weight: s.weight } : {}),
    ...(filter && filterValid ? { filter } : {}),
    statistics: {
      colPct: s.stats.colPct,
      rowPct: s.stats.rowPct,
      totalPct: s.stats.totalPct,
      counts: s.stats.counts,
      weighted: s.stats.weighted,
      base: s.stats.base,
      weightedBase: s.stats.weighted,
      effectiveBase: s.stats.effBase,
      means: s.stats.means,
      responsePct: s.stats.responsePct ?? false,
    },
    tests: { display: s.tests.letters ? 'letters' : 'none', adjust: s.tests.adjust, alpha: s.tests.alpha, chi2: s.tests.chi2 },
    layers,
    nets: s.nets ?? [],
    sort: s.sort ?? 'none',
    hideEmpty: s.hideEmpty ?? false,
  };
}

/** How the screen writes tables: the UI language, one decimal, the standard symbols; copy and CSV use the same. */
export function screenDisplay(lang: 'nl' | 'en'): TableDisplay {
  return { language: lang, decimals: 1, symbols: DEFAULT_SYMBOLS };
}

/** Layered tables need a plain column variable to split; nested columns have no place in a two-way layer table. */
export function layersNeedColumns(s: TableSpecState): boolean {
  return (s.layers ?? []).length > 0 && !s.columns.some((c) => 'variable' in c);
}

const isStr = (x: unknown): x is string => typeof x === 'string';

function reviveColumn(x: unknown): ColumnItem | null {
  if (!x || typeof x !== 'object') return null;
  const o = x as { variable?: unknown; nest?: unknown };
  if (isStr(o.variable)) return { variable: o.variable };
  if (Array.isArray(o.nest) && o.nest.length === 2 && o.nest.every(isStr)) return { nest: [o.nest[0], o.nest[1]] };
  return null;
}

/**
 * A saved spec body made safe for this dataset: unknown fields dropped, defaults filled in, and
 * variables the dataset does not have removed and reported (matched by name, case-insensitively).
 */
export function reviveSpec(body: unknown, variableNames: string[]): { spec: TableSpecState; missing: string[] } {
  const b = (body && typeof body === 'object' ? body : {}) as Partial<Record<keyof TableSpecState, unknown>>;
  const byLower = new Map(variableNames.map((n) => [n.toLowerCase(), n]));
  const missing = new Set<string>();
  const resolve = (n: string): string | null => {
    const hit = byLower.get(n.toLowerCase());
    if (!hit) missing.add(n);
    return hit ?? null;
  };
  const rows = (Array.isArray(b.rows) ? b.rows.filter(isStr) : []).map(resolve).filter((n): n is string => n !== null);
  const columns: ColumnItem[] = [];
  for (const c of Array.isArray(b.columns) ? b.columns.map(reviveColumn) : []) {
    if (!c) continue;
    if ('variable' in c) {
      const v = resolve(c.variable);
      if (v) columns.push({ variable: v });
    } else {
      const [o, i] = c.nest.map(resolve);
      if (o && i) columns.push({ nest: [o, i] });
      else if (o) columns.push({ variable: o });
    }
  }
  const w = b.weight as TableSpecState['weight'] | undefined;
  const weightVar = w && isStr(w.variable) ? resolve(w.variable) : null;
  const spec: TableSpecState = {
    rows,
    columns,
    total: typeof b.total === 'boolean' ? b.total : emptySpec.total,
    weight: weightVar && w ? { variable: weightVar, type: w.type === 'frequency' ? 'frequency' : 'sampling' } : null,
    filter: isStr(b.filter) ? b.filter : '',
    stats: { ...emptySpec.stats, ...(b.stats && typeof b.stats === 'object' ? (b.stats as Partial<TableSpecState['stats']>) : {}) },
    tests: { ...emptySpec.tests, ...(b.tests && typeof b.tests === 'object' ? (b.tests as Partial<TableSpecState['tests']>) : {}) },
    layers: (Array.isArray(b.layers) ? b.layers.filter(isStr) : []).map(resolve).filter((n): n is string => n !== null),
    nets: (Array.isArray(b.nets) ? b.nets : []).flatMap((n) => {
      const parsed = netSpec.safeParse(n);
      return parsed.success ? [parsed.data] : [];
    }),
    sort: b.sort === 'total-desc' ? 'total-desc' : 'none',
    hideEmpty: b.hideEmpty === true,
  };
  return { spec, missing: [...missing] };
}
