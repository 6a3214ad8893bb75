/**
 * One display model of a published table, drawn by the screen (renderer/tables/TableView.tsx) and
 * rendered by every export (xlsx, CSV, HTML, clipboard). Building it once means the header, the
 * statistics shown, the symbols, the suppression and the footnotes cannot differ between what the
 * researcher sees and what leaves the app.
 *
 * Suppressed cells carry no value at all from here on: renderers cannot leak what they never receive.
 */
import type { ChiSquareLine } from '../analysis/table-group';
import type { LayeredCrosstab } from '../engine/layer-result';
import { reasonTexts, renderMessage } from '../i18n/messages';
import type { DisclosureMessage } from '../i18n/message-types';
import type { Code } from '../model/dataset';
import type { BannerColumn, BannerResult, Chi2Block, CrosstabTable, DisclosureSummary, TableStatus, WeightInfo } from '../model/results';
import { DEFAULT_STATISTICS, DEFAULT_SYMBOLS, type Statistics, type Symbols } from '../query/table-query';
import { NUMBER_STYLES, formatNumber, formatP, type NumberLocale } from './number';
import { TEXTS, fill, xmlSafe } from './texts';

export type TableSymbols = Symbols;

export type CellState = 'value' | 'suppressed' | 'unknown' | 'nil';

export interface ModelCell {
  /** The published number; null unless state is 'value'. */
  value: number | null;
  state: CellState;
  /** Significance letters (or a trend marker) shown beside the value. */
  sig: string;
  bold: boolean;
  /** Why a cell is withheld: only 'primary' cells can be released by an override. */
  suppression?: 'primary' | 'secondary';
  /** Published because a recorded override released it. */
  overridden?: boolean;
}

/** The statistic a category row shows. */
export type StatKey = 'pct' | 'rowPct' | 'totalPct' | 'count' | 'weighted';
export type RowKind = 'category' | 'mean' | 'base' | 'weightedBase' | 'effectiveBase';

export interface ModelRow {
  /** The category label on a category's first row (empty on its further statistic rows), or the summary row's label. */
  label: string;
  /** The statistic's name when the table shows several per category; empty otherwise. */
  stat: string;
  statKey?: StatKey;
  kind: RowKind;
  /** Category code (category rows). */
  code?: Code;
  /** Last row of its category. */
  last: boolean;
  /** Number of decimals of the values in this row. */
  decimals: number;
  cells: ModelCell[];
}

/** A header label covering a rectangle of the header grid (row/col are 0-based within the header). */
export interface HeaderBlock {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  label: string;
}

export interface ModelColumn {
  key: string;
  label: string;
  letter: string;
  /** The first column of a comparison group (letters compare within a group). */
  groupStart: boolean;
}

export type NoteKind = 'unchecked' | 'weighting' | 'base' | 'tests' | 'trend' | 'suppressed' | 'override' | 'reasons' | 'chi2' | 'legend' | 'blocked' | 'extra';

export interface ModelNote {
  kind: NoteKind;
  text: string;
}

export interface TableModel {
  variable: string;
  title: string;
  status: TableStatus;
  columns: ModelColumn[];
  headerRows: number;
  header: HeaderBlock[];
  /** True when cells carry letters in a separate column (never inside the number). */
  sigColumns: boolean;
  /** True when a second label column names the statistic of each row (several per category). */
  statColumn: boolean;
  rows: ModelRow[];
  notes: ModelNote[];
  suppressedCells: number;
  /** "Niet gecontroleerd op outputregels" when made under rules below the project's: shown under the title by every renderer. */
  mark: string | null;
}

/** Trend columns: the previous wave's total per row, with a marker for a significant change. */
export interface TrendInput {
  label: string;
  /** Parallel to the banner's rows. */
  cells: { pct: number | null; count: number | null; suppressed: boolean; change: 'up' | 'down' | '' }[];
  base: number | null;
  markers: { up: string; down: string };
}

export interface TableModelOptions {
  statistics?: Statistics;
  symbols?: Symbols;
  decimals: number;
  sigDisplay: 'letters' | 'bold' | 'none';
  language: NumberLocale;
  trend?: TrendInput;
  /** Lines appended to the footnotes (source, date). */
  extraNotes?: string[];
  /** Variable labels for the top header row ("Geslacht × Leeftijd"); default the column's group. */
  variableLabel?: (name: string) => string;
  /**
   * The rules' reasons and released cells under the table: the screen and single-table exports show
   * them; a book lists them in its index and checker's sheet instead.
   */
  ruleNotes?: boolean;
  chi2?: ChiSquareLine[];
  /** Rows by the Totaal column's published value, largest first; closing answers and nets last. */
  sort?: 'none' | 'total-desc';
  /** Leave out categories with no cases in any column (never one with a withheld cell). */
  hideEmpty?: boolean;
}

/** Answers that close a list ("Anders", "Weet niet", "Geen van deze"): kept last when rows are sorted. */
const CLOSING =
  /^\s*(\d+\s+)?(anders|overig|overige|weet niet|geen (van (deze|bovenstaande|de)|mening|antwoord)|niet van toepassing|other|don.?t know|none of)/i;

/**
 * The order rows are shown in: categories (without empty ones when asked, without the members of a
 * net shown instead of them), sorted by a published value when asked — closing answers after the
 * others — then the nets. Only published values decide the order: a withheld value sorts last, so the
 * position of a row never hints at what the rules withheld.
 */
export function rowOrder(
  count: number,
  opts: {
    label: (i: number) => string;
    isNet: (i: number) => boolean;
    hide: (i: number) => boolean;
    key: (i: number) => number | null;
    sort?: 'none' | 'total-desc';
  },
): number[] {
  const rows = Array.from({ length: count }, (_, i) => i).filter((i) => !opts.isNet(i) && !opts.hide(i));
  const nets = Array.from({ length: count }, (_, i) => i).filter((i) => opts.isNet(i) && !opts.hide(i));
  if (opts.sort !== 'total-desc') return [...rows, ...nets];
  const closing = rows.filter((i) => CLOSING.test(opts.label(i)));
  const open = rows.filter((i) => !CLOSING.test(opts.label(i)));
  const byValue = [...open].sort((a, b) => (opts.key(b) ?? -Infinity) - (opts.key(a) ?? -Infinity));
  return [...byValue, ...closing, ...nets];
}

/** The mark beside a cell released by an override, explained in the notes. */
export const OVERRIDE_MARK = '†';

export function pctCell(pct: number | null, count: number | null, suppressed: boolean, sig: string, bold: boolean): ModelCell {
  if (suppressed) return { value: null, state: 'suppressed', sig: '', bold: false };
  if (pct === null || !Number.isFinite(pct)) return { value: null, state: 'unknown', sig: '', bold: false };
  if (count === 0 && pct === 0) return { value: null, state: 'nil', sig: '', bold: false };
  return { value: pct, state: 'value', sig, bold };
}

export function numberCell(v: number | null | undefined, suppressed: boolean): ModelCell {
  if (suppressed) return { value: null, state: 'suppressed', sig: '', bold: false };
  if (v === null || v === undefined || !Number.isFinite(v)) return { value: null, state: 'unknown', sig: '', bold: false };
  if (v === 0) return { value: null, state: 'nil', sig: '', bold: false };
  return { value: v, state: 'value', sig: '', bold: false };
}

/** The same result with every label made safe for XML (see xmlSafe). */
function cleanLabels(r: BannerResult): BannerResult {
  return {
    ...r,
    rowVariable: { name: r.rowVariable.name, label: xmlSafe(r.rowVariable.label) },
    rows: r.rows.map((row) => ({ ...row, label: xmlSafe(row.label) })),
    columns: r.columns.map((c) => ({
      ...c,
      label: xmlSafe(c.label),
      group: xmlSafe(c.group),
      path: c.path.map((p) => ({ ...p, label: xmlSafe(p.label) })),
    })),
  };
}

export interface StatChoice {
  key: StatKey;
  label: string;
  decimals: number;
}

/** The statistics shown per category, in order; column % when nothing else is chosen. */
export function shownStats(stats: Statistics, weighted: boolean, decimals: number, language: NumberLocale): StatChoice[] {
  const t = TEXTS[language].stat;
  const out: StatChoice[] = [];
  if (stats.colPct) out.push({ key: 'pct', label: t.pct, decimals });
  if (stats.rowPct) out.push({ key: 'rowPct', label: t.rowPct, decimals });
  if (stats.totalPct) out.push({ key: 'totalPct', label: t.totalPct, decimals });
  if (stats.counts) out.push({ key: 'count', label: t.count, decimals: 0 });
  if (stats.weighted && weighted) out.push({ key: 'weighted', label: t.weighted, decimals: 0 });
  if (out.length === 0) out.push({ key: 'pct', label: t.pct, decimals });
  return out;
}

export function withheldCell(c: { suppressed: boolean; suppression?: 'primary' | 'secondary'; overridden?: boolean }, cell: ModelCell): ModelCell {
  if (c.suppressed && c.suppression) cell.suppression = c.suppression;
  if (c.overridden) cell.overridden = true;
  return cell;
}

export function buildTableModel(raw: BannerResult, opts: TableModelOptions): TableModel {
  const result = cleanLabels(raw);
  const stats = opts.statistics ?? DEFAULT_STATISTICS;
  const t = TEXTS[opts.language];
  const hasTests = result.tests.method === 'z' && opts.sigDisplay !== 'none';
  const letters = hasTests && opts.sigDisplay === 'letters';
  const bold = hasTests && opts.sigDisplay === 'bold';
  const columns: ModelColumn[] = result.columns.map((c, i) => ({
    key: c.key,
    label: c.path.length === 0 ? t.total : c.label,
    letter: letters ? c.letter : '',
    groupStart: i > 0 && c.group !== result.columns[i - 1].group,
  }));
  const trend = opts.trend;
  if (trend) columns.push({ key: 'trend:previous', label: xmlSafe(trend.label), letter: '', groupStart: true });
  const blankTrend = (cells: ModelCell[]) => (trend ? [...cells, numberCell(null, false)] : cells);

  const shown = shownStats(stats, result.weight !== null, opts.decimals, opts.language);
  const rows: ModelRow[] = [];
  const netRows = new Set((result.nets ?? []).map((n) => n.row));
  const replaced = new Set((result.nets ?? []).filter((n) => n.instead).flatMap((n) => n.members));
  const totalCol = Math.max(
    0,
    result.columns.findIndex((c) => c.path.length === 0),
  );
  const empty = (i: number) => result.cells[i].every((c) => !c.suppressed && c.count === 0);
  const order = rowOrder(result.rows.length, {
    label: (i) => result.rows[i].label,
    isNet: (i) => netRows.has(i),
    hide: (i) => replaced.has(i) || (opts.hideEmpty === true && !netRows.has(i) && empty(i)),
    key: (i) => (result.cells[i][totalCol].suppressed ? null : result.cells[i][totalCol].pct),
    sort: opts.sort,
  });
  order.forEach((i) => {
    const r = result.rows[i];
    shown.forEach((s, si) => {
      const cells = result.cells[i].map((c) => {
        if (s.key === 'pct') return withheldCell(c, pctCell(c.pct, c.count, c.suppressed, letters ? c.sig : '', bold && c.sig.length > 0));
        const v = s.key === 'rowPct' ? c.rowPct : s.key === 'totalPct' ? c.totalPct : s.key === 'count' ? c.count : c.weighted;
        return withheldCell(c, numberCell(v, c.suppressed));
      });
      if (trend && s.key === 'pct') {
        const tc = trend.cells[i];
        const marker = tc.change === 'up' ? trend.markers.up : tc.change === 'down' ? trend.markers.down : '';
        cells.push(pctCell(tc.pct, tc.count, tc.suppressed, marker, false));
      } else if (trend) cells.push(numberCell(null, false));
      rows.push({
        label: si === 0 ? r.label : '',
        stat: shown.length > 1 ? s.label : '',
        statKey: s.key,
        kind: 'category',
        code: r.code,
        last: si === shown.length - 1,
        decimals: s.decimals,
        cells,
      });
    });
  });
  const summary = (label: string, kind: RowKind, decimals: number, cells: ModelCell[]) => rows.push({ label, stat: '', kind, last: true, decimals, cells });
  const meanSig = result.means?.sig;
  if (stats.means && result.means) {
    const m = result.means;
    const cells = m.mean.map((v, c) => {
      const sig = meanSig?.[c] ?? '';
      return v === null
        ? numberCell(null, result.base.count[c] === null)
        : { value: v, state: 'value' as const, sig: letters ? sig : '', bold: bold && sig.length > 0 };
    });
    summary(t.mean, 'mean', Math.min(4, opts.decimals + 1), blankTrend(cells));
  }
  if (stats.weightedBase && result.weight) summary(t.weightedBase, 'weightedBase', 0, blankTrend(result.base.weighted.map((v) => numberCell(v, v === null))));
  if (stats.effectiveBase) summary(t.effectiveBase, 'effectiveBase', 1, blankTrend(result.base.effective.map((v) => numberCell(v, v === null))));
  if (stats.base) {
    const cells = result.base.count.map((v) => numberCell(v, v === null));
    if (trend) cells.push(numberCell(trend.base, trend.base === null));
    summary(t.base, 'base', 0, cells);
  }

  const firstStat = shown[0].key;
  const suppressedCells = rows
    .filter((r) => r.kind !== 'category' || r.statKey === firstStat)
    .reduce((n, r) => n + r.cells.filter((c) => c.state === 'suppressed').length, 0);
  const setColumns = new Set(result.sets?.flatMap((s) => s.columns));
  const { header, headerRows } = buildHeader(result.columns, columns, t.total, trend ? t.comparison : null, letters, opts.variableLabel, setColumns);
  return {
    variable: result.rowVariable.name,
    title: result.rowVariable.label || result.rowVariable.name,
    status: result.rules.status,
    columns,
    headerRows,
    header,
    sigColumns: letters || trend !== undefined,
    statColumn: shown.length > 1,
    rows,
    notes: buildNotes({
      weight: result.weight,
      rules: result.rules,
      opts,
      stats,
      letters: letters ? result.tests : null,
      bold: bold ? result.tests : null,
      meanLetters: hasTests && stats.means && !!meanSig,
      suppressed: suppressedCells,
      chi2: opts.chi2,
      setColumns: (result.sets ?? []).map((s) => result.columns[s.columns[0]]?.group ?? s.set),
    }),
    suppressedCells,
    mark: markOf(result.rules, opts.language),
  };
}

export function markOf(rules: DisclosureSummary, language: NumberLocale): string | null {
  return rules.status === 'unchecked' ? TEXTS[language].uncheckedMark : null;
}

export interface NoteInput {
  weight: WeightInfo | null | undefined;
  rules: DisclosureSummary;
  opts: TableModelOptions;
  stats: Pick<Statistics, 'base'>;
  letters: BannerResult['tests'] | null;
  bold: BannerResult['tests'] | null;
  meanLetters: boolean;
  suppressed: number;
  chi2?: ChiSquareLine[];
  /** A layered table's own test, as one line. */
  ownChi2?: { chi2: Chi2Block | null };
  /** Labels of the multiple-response sets in the columns (their columns overlap). */
  setColumns?: string[];
}

export function buildNotes(n: NoteInput): ModelNote[] {
  const { opts } = n;
  const t = TEXTS[opts.language];
  const notes: ModelNote[] = [];
  const add = (kind: NoteKind, text: string) => notes.push({ kind, text });
  if (n.rules.status === 'unchecked') add('unchecked', t.uncheckedMark);
  add('weighting', n.weight ? t.weightedNote(n.weight.variable, n.weight.type) : t.unweightedNote);
  if (n.stats.base) add('base', t.baseNote);
  const alpha = (tests: BannerResult['tests']) => String(tests.alpha).replace('.', opts.language === 'nl' ? ',' : '.');
  if (n.letters) add('tests', t.lettersNote(n.letters.adjust, alpha(n.letters)));
  if (n.bold) add('tests', t.boldNote(n.bold.adjust, alpha(n.bold)));
  if (n.meanLetters) add('tests', t.meanLettersNote);
  for (const label of n.setColumns ?? []) add('tests', t.setColumnsNote(xmlSafe(label)));
  if (opts.trend) add('trend', t.trendNote(opts.trend.markers.up, opts.trend.markers.down));
  if (n.suppressed > 0) add('suppressed', t.suppressedNote(n.suppressed));
  if (opts.ruleNotes) {
    for (const o of n.rules.overrides ?? []) add('override', t.overrideNote(OVERRIDE_MARK, xmlSafe(o.reason), o.createdAt.slice(0, 10)));
    const reasons = reasonTexts(n.rules, opts.language);
    if (reasons.length > 0) add('reasons', t.reasonsNote(reasons.join(' · ')));
  }
  for (const line of n.chi2 ?? []) add('chi2', `${xmlSafe(line.label)}: ${chi2Text(line.chi2, opts.language)}`);
  if (n.ownChi2) add('chi2', chi2Text(n.ownChi2.chi2, opts.language));
  add('legend', legendLine(opts.symbols ?? DEFAULT_SYMBOLS, opts.language));
  for (const extra of opts.extraNotes ?? []) add('extra', xmlSafe(extra));
  return notes;
}

/** Pearson and likelihood-ratio chi-square (Rao–Scott F first when present), or that the rules withhold the test. */
export function chi2Text(chi2: Chi2Block | null, language: NumberLocale): string {
  const t = TEXTS[language].chi2;
  if (!chi2) return t.withheld;
  const style = NUMBER_STYLES[language];
  const n = (v: number, d: number) => formatNumber(v, d, style);
  const parts: string[] = [];
  const rs = chi2.raoScott;
  if (rs) parts.push(fill(t.raoScott, { F: n(rs.F, 2), ndf: n(rs.ndf, 1), ddf: n(rs.ddf, 0), p: formatP(rs.p, style) }));
  // Under sampling weights the engine gives no p for Pearson/LR (only Rao–Scott is valid then).
  const withP = (text: string, p: number) => (Number.isFinite(p) ? `${text}, p = ${formatP(p, style)}` : text);
  parts.push(withP(fill(t.pearson, { v: n(chi2.pearson.value, 2), df: n(chi2.pearson.df, 0) }), chi2.pearson.p));
  parts.push(withP(fill(t.lr, { v: n(chi2.lr.value, 2), df: n(chi2.lr.df, 0) }), chi2.lr.p));
  return parts.join(' · ');
}

export function legendLine(s: Symbols, language: NumberLocale): string {
  const t = TEXTS[language];
  return `${t.legend}: ${s.unknown} = ${t.symbolUnknown}; ${s.suppressed} = ${t.symbolSuppressed}; ${s.nil} = ${t.symbolNil}.`;
}

/** A table the rules do not publish: its title and why, nothing else. */
export function blockedModel(variable: string, title: string, messages: DisclosureMessage[], language: NumberLocale): TableModel {
  const t = TEXTS[language];
  const why = messages.map((m) => renderMessage(m, language)).join(' · ');
  return {
    variable,
    title: xmlSafe(title),
    status: 'blocked',
    columns: [],
    headerRows: 0,
    header: [],
    sigColumns: false,
    statColumn: false,
    rows: [],
    notes: [{ kind: 'blocked', text: t.blockedNote }, ...(why ? [{ kind: 'reasons' as const, text: t.reasonsNote(why) }] : [])],
    suppressedCells: 0,
    mark: null,
  };
}

/**
 * One crosstab (a layer, or the total over the layers) in the same model: its column categories and a
 * Totaal column, the chosen statistics per category, the unweighted base, its own chi-square line.
 * A value the rules removed is null here and can only come out as the suppression symbol.
 */
export function crosstabModel(table: CrosstabTable, title: string, variable: string, opts: TableModelOptions): TableModel {
  const stats = opts.statistics ?? DEFAULT_STATISTICS;
  const t = TEXTS[opts.language];
  const weighted = !!table.weight;
  const shown = shownStats({ ...stats, rowPct: false, totalPct: false }, weighted, opts.decimals, opts.language);
  const columns: ModelColumn[] = [
    ...table.cols.map((c) => ({ key: String(c.code), label: xmlSafe(c.label), letter: '', groupStart: false })),
    { key: 'total', label: t.total, letter: '', groupStart: true },
  ];
  const withheld = (v: number | null | undefined) => v === null || v === undefined;
  const value = (v: number | null | undefined, sup = false) => numberCell(v, sup || withheld(v));
  const rowTotal = (i: number, s: StatKey): number | null => {
    if (s === 'count') return table.rowCounts?.[i] ?? null;
    const w = table.rowTotals[i];
    if (s === 'weighted') return w;
    return w === null || table.total === null || !table.total ? null : (100 * w) / table.total;
  };
  const rows: ModelRow[] = [];
  table.rows.forEach((r, i) =>
    shown.forEach((s, si) => {
      const grid = s.key === 'pct' ? table.colPct : s.key === 'count' ? table.count : table.weighted;
      const cells = table.cols.map((_, j) => {
        const v = grid[i][j];
        return s.key === 'pct' ? pctCell(v, table.count[i][j], table.suppressed[i][j] || v === null, '', false) : value(v, table.suppressed[i][j]);
      });
      cells.push(value(rowTotal(i, s.key)));
      rows.push({
        label: si === 0 ? xmlSafe(r.label) : '',
        stat: shown.length > 1 ? s.label : '',
        statKey: s.key,
        kind: 'category',
        code: r.code,
        last: si === shown.length - 1,
        decimals: s.decimals,
        cells,
      });
    }),
  );
  if (stats.base) {
    rows.push({
      label: t.base,
      stat: '',
      kind: 'base',
      last: true,
      decimals: 0,
      cells: [...table.cols.map((_, j) => value(table.colCounts?.[j])), value(table.n)],
    });
  }
  const suppressedCells = rows
    .filter((r) => r.kind !== 'category' || r.statKey === shown[0].key)
    .reduce((n, r) => n + r.cells.filter((c) => c.state === 'suppressed').length, 0);
  return {
    variable,
    title: xmlSafe(title),
    status: table.rules.status,
    columns,
    headerRows: 1,
    header: columns.map((c, k) => ({ row: 0, col: k, rowSpan: 1, colSpan: 1, label: c.label })),
    sigColumns: false,
    statColumn: shown.length > 1,
    rows,
    notes: buildNotes({
      weight: table.weightInfo ?? (table.weight ? { variable: table.weight, type: 'sampling', excluded: 0 } : null),
      rules: table.rules,
      opts,
      stats,
      letters: null,
      bold: null,
      meanLetters: false,
      suppressed: suppressedCells,
      ownChi2: { chi2: table.chi2 },
    }),
    suppressedCells,
    mark: markOf(table.rules, opts.language),
  };
}

/** Every layer, then the total over the layers (or the note that it is withheld), as the screen's tabs show them in order. */
export function layeredModels(l: LayeredCrosstab, pair: string, opts: TableModelOptions): TableModel[] {
  const t = TEXTS[opts.language];
  const variable = `${l.rowVariable} × ${l.colVariable}`;
  const models = l.layers.map((layer) => crosstabModel(layer.table, `${pair} — ${layer.label}`, variable, opts));
  const totalName = l.overlapping ? t.setLayerTotal : t.layerTotal;
  if (l.total) models.push(crosstabModel(l.total, `${pair} — ${totalName}`, variable, opts));
  else {
    const why = l.totalWithheldMessage ? renderMessage(l.totalWithheldMessage, opts.language) : (l.totalWithheld ?? '');
    const m = blockedModel(variable, `${pair} — ${totalName}`, [], opts.language);
    m.notes = [{ kind: 'blocked', text: t.totalWithheld }, ...(why ? [{ kind: 'reasons' as const, text: why }] : [])];
    models.push(m);
  }
  return models;
}

/** Columns of one banner item share the variables on their path (gemeente; geslacht|leeftijd_gr). */
function itemKey(c: BannerColumn): string {
  return c.path.map((p) => p.variable).join('|');
}

/**
 * Header grid: row 0 holds the banner item (Totaal, Gemeente, Geslacht × Leeftijd), the next rows the
 * path steps of nested columns (equal neighbours merged), and a last row the test letters. Shorter
 * paths stretch down so every column's own label sits just above the letters.
 */
export function buildHeader(
  bannerCols: BannerColumn[],
  cols: ModelColumn[],
  totalLabel: string,
  trendGroup: string | null,
  letters: boolean,
  variableLabel?: (name: string) => string,
  /** Columns that are a multiple-response set's items: headed by the set's label (their group). */
  setColumns: ReadonlySet<number> = new Set(),
): { header: HeaderBlock[]; headerRows: number } {
  const depth = Math.max(1, ...bannerCols.map((c) => c.path.length));
  const labelRows = 1 + depth;
  const headerRows = labelRows + (letters ? 1 : 0);
  const header: HeaderBlock[] = [];
  let c = 0;
  while (c < bannerCols.length) {
    const col = bannerCols[c];
    if (col.path.length === 0) {
      const hasLetter = letters && col.letter !== '';
      header.push({ row: 0, col: c, rowSpan: hasLetter ? labelRows : headerRows, colSpan: 1, label: totalLabel });
      if (hasLetter) header.push({ row: labelRows, col: c, rowSpan: 1, colSpan: 1, label: col.letter });
      c++;
      continue;
    }
    let end = c + 1;
    while (end < bannerCols.length && bannerCols[end].path.length > 0 && itemKey(bannerCols[end]) === itemKey(col)) end++;
    const label = variableLabel && !setColumns.has(c) ? col.path.map((p) => xmlSafe(variableLabel(p.variable))).join(' × ') : col.group;
    header.push({ row: 0, col: c, rowSpan: 1, colSpan: end - c, label });
    addPathLevels(bannerCols, c, end, depth, header);
    if (letters) for (let k = c; k < end; k++) header.push({ row: labelRows, col: k, rowSpan: 1, colSpan: 1, label: bannerCols[k].letter });
    c = end;
  }
  if (trendGroup !== null) {
    header.push({ row: 0, col: cols.length - 1, rowSpan: 1, colSpan: 1, label: trendGroup });
    header.push({ row: 1, col: cols.length - 1, rowSpan: headerRows - 1, colSpan: 1, label: cols[cols.length - 1].label });
  }
  return { header, headerRows };
}

function addPathLevels(cols: BannerColumn[], start: number, end: number, depth: number, out: HeaderBlock[]): void {
  for (let level = 0; level < depth; level++) {
    let k = start;
    while (k < end) {
      const path = cols[k].path;
      if (level >= path.length) {
        k++;
        continue;
      }
      const last = level === path.length - 1;
      let stop = k + 1;
      // Merge neighbours that share this step and every step above it (an outer category over its inner ones).
      if (!last) while (stop < end && samePrefix(cols[k], cols[stop], level)) stop++;
      out.push({
        row: 1 + level,
        col: k,
        rowSpan: last ? depth - level : 1,
        colSpan: stop - k,
        label: path[level].label,
      });
      k = stop;
    }
  }
}

function samePrefix(a: BannerColumn, b: BannerColumn, level: number): boolean {
  if (b.path.length <= level) return false;
  for (let i = 0; i <= level; i++) if (a.path[i].variable !== b.path[i].variable || a.path[i].code !== b.path[i].code) return false;
  return true;
}
