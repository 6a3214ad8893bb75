/**
 * One display model of a banner table, rendered by every export (xlsx, CSV, HTML, clipboard). Building
 * it once means the symbols, the suppression and the footnotes cannot differ between formats.
 *
 * Suppressed cells carry no value at all from here on: writers cannot leak what they never receive.
 */
import type { BannerColumn, BannerResult } from '../model/results';
import { type NumberLocale } from './number';
import { TEXTS, xmlSafe } from './texts';

export interface TableSymbols {
  unknown: string;
  suppressed: string;
  nil: string;
}

export type CellState = 'value' | 'suppressed' | 'unknown' | 'nil';

export interface ModelCell {
  /** The published number; null unless state is 'value'. */
  value: number | null;
  state: CellState;
  /** Significance letters (or a trend marker) shown beside the value. */
  sig: string;
  bold: boolean;
}

export type RowKind = 'category' | 'count' | 'base' | 'weightedBase';

export interface ModelRow {
  label: string;
  kind: RowKind;
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
}

export interface TableModel {
  variable: string;
  title: string;
  columns: ModelColumn[];
  headerRows: number;
  header: HeaderBlock[];
  /** True when cells carry letters in a separate column (never inside the number). */
  sigColumns: boolean;
  rows: ModelRow[];
  notes: string[];
  suppressedCells: number;
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
  symbols: TableSymbols;
  decimals: number;
  sigDisplay: 'letters' | 'bold' | 'none';
  language: NumberLocale;
  unweightedBase?: boolean;
  weightedBase?: boolean;
  counts?: boolean;
  trend?: TrendInput;
  /** Lines appended to the footnotes (source, date). */
  extraNotes?: string[];
  /** Variable labels for the top header row ("Geslacht × Leeftijd"); default the column's group. */
  variableLabel?: (name: string) => string;
}

export function pctCell(pct: number | null, count: number | null, suppressed: boolean, sig: string, bold: boolean): ModelCell {
  if (suppressed) return { value: null, state: 'suppressed', sig: '', bold: false };
  if (pct === null || !Number.isFinite(pct)) return { value: null, state: 'unknown', sig: '', bold: false };
  if (count === 0 && pct === 0) return { value: null, state: 'nil', sig: '', bold: false };
  return { value: pct, state: 'value', sig, bold };
}

function numberCell(v: number | null, suppressed: boolean): ModelCell {
  if (suppressed) return { value: null, state: 'suppressed', sig: '', bold: false };
  if (v === null || !Number.isFinite(v)) return { value: null, state: 'unknown', sig: '', bold: false };
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

export function buildTableModel(raw: BannerResult, opts: TableModelOptions): TableModel {
  const result = cleanLabels(raw);
  const t = TEXTS[opts.language];
  const hasTests = result.tests.method === 'z' && opts.sigDisplay !== 'none';
  const letters = hasTests && opts.sigDisplay === 'letters';
  const bold = hasTests && opts.sigDisplay === 'bold';
  const columns: ModelColumn[] = result.columns.map((c) => ({
    key: c.key,
    label: c.path.length === 0 ? t.total : c.label,
    letter: letters ? c.letter : '',
  }));
  const trend = opts.trend;
  if (trend) columns.push({ key: 'trend:previous', label: xmlSafe(trend.label), letter: '' });

  const rows: ModelRow[] = result.rows.map((r, i) => {
    const cells = result.cells[i].map((c) => pctCell(c.pct, c.count, c.suppressed, letters ? c.sig : '', bold && c.sig.length > 0));
    if (trend) {
      const tc = trend.cells[i];
      const marker = tc.change === 'up' ? trend.markers.up : tc.change === 'down' ? trend.markers.down : '';
      cells.push(pctCell(tc.pct, tc.count, tc.suppressed, marker, false));
    }
    return { label: r.label, kind: 'category' as const, decimals: opts.decimals, cells };
  });

  if (opts.counts) {
    result.rows.forEach((r, i) => {
      const cells = result.cells[i].map((c) => numberCell(c.count, c.suppressed));
      if (trend) cells.push(numberCell(null, false));
      rows.push({ label: `${r.label} — ${t.count}`, kind: 'count', decimals: 0, cells });
    });
  }
  if (opts.weightedBase) {
    const cells = result.base.weighted.map((v) => numberCell(v, v === null));
    if (trend) cells.push(numberCell(null, false));
    rows.push({ label: t.weightedBase, kind: 'weightedBase', decimals: 0, cells });
  }
  if (opts.unweightedBase !== false) {
    const cells = result.base.count.map((v) => numberCell(v, v === null));
    if (trend) cells.push(numberCell(trend.base, trend.base === null));
    rows.push({ label: t.base, kind: 'base', decimals: 0, cells });
  }

  const suppressedCells = rows.reduce((n, r) => n + r.cells.filter((c) => c.state === 'suppressed').length, 0);
  const { header, headerRows } = buildHeader(result.columns, columns, t.total, trend ? t.comparison : null, letters, opts.variableLabel);
  return {
    variable: result.rowVariable.name,
    title: result.rowVariable.label || result.rowVariable.name,
    columns,
    headerRows,
    header,
    sigColumns: letters || trend !== undefined,
    rows,
    notes: buildNotes(result, opts, letters, bold, suppressedCells),
    suppressedCells,
  };
}

function buildNotes(result: BannerResult, opts: TableModelOptions, letters: boolean, bold: boolean, suppressed: number): string[] {
  const t = TEXTS[opts.language];
  const notes: string[] = [];
  notes.push(result.weight ? t.weightedNote(result.weight.variable, result.weight.type) : t.unweightedNote);
  if (opts.unweightedBase !== false) notes.push(t.baseNote);
  const alpha = String(result.tests.alpha).replace('.', opts.language === 'nl' ? ',' : '.');
  if (letters) notes.push(t.lettersNote(result.tests.adjust, alpha));
  if (bold) notes.push(t.boldNote(result.tests.adjust, alpha));
  if (opts.trend) notes.push(t.trendNote(opts.trend.markers.up, opts.trend.markers.down));
  if (suppressed > 0) notes.push(t.suppressedNote(suppressed));
  notes.push(legendLine(opts.symbols, opts.language));
  return [...notes, ...(opts.extraNotes ?? []).map(xmlSafe)];
}

export function legendLine(s: TableSymbols, language: NumberLocale): string {
  const t = TEXTS[language];
  return `${t.legend}: ${s.unknown} = ${t.symbolUnknown}; ${s.suppressed} = ${t.symbolSuppressed}; ${s.nil} = ${t.symbolNil}.`;
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
function buildHeader(
  bannerCols: BannerColumn[],
  cols: ModelColumn[],
  totalLabel: string,
  trendGroup: string | null,
  letters: boolean,
  variableLabel?: (name: string) => string,
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
    const label = variableLabel ? col.path.map((p) => xmlSafe(variableLabel(p.variable))).join(' × ') : col.group;
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
