/**
 * The checker's sheet: for every published cell its unweighted n (and for magnitude tables the two
 * largest contributions), so a CBS output checker can verify a release without rerunning anything.
 * Pure data; the exporters lay it out. This sheet is for the checker, not for publication.
 */
import type { Code } from '../../model/dataset';
import type { BannerResult, CrosstabTable, DisclosureSummary } from '../../model/results';
import type { DisclosedFreqResult } from '../apply/freq';
import type { Contribution } from '../primary/cell-rules';

export interface CheckerRow {
  table: string;
  row: string;
  col: string;
  n: number;
  top1?: number;
  top2?: number;
  /** The cell is published because of a recorded override: its reason and date (YYYY-MM-DD). */
  override?: { reason: string; date: string };
}

export interface CheckerOptions {
  /** Table name on the sheet; defaults to "row × col" variable names. */
  table?: string;
  /** Magnitude tables: contributions per interior cell, [row][col]. */
  contributions?: readonly (readonly Contribution[])[];
}

const TOTAAL = 'Totaal';

/** The override that released cell (row code, column key), if any. */
function overrideOf(rules: DisclosureSummary, row: Code, col: string): CheckerRow['override'] {
  const o = rules.overrides?.find((x) => x.cells.some((c) => String(c.row) === String(row) && c.col === col));
  return o ? { reason: o.reason, date: o.createdAt.slice(0, 10) } : undefined;
}

function withOverride(row: CheckerRow, override: CheckerRow['override']): CheckerRow {
  return override ? { ...row, override } : row;
}

function withTop(base: CheckerRow, c: Contribution | undefined): CheckerRow {
  if (!c) return base;
  return { ...base, top1: c.top[0] ?? 0, top2: c.top[1] ?? 0 };
}

function crosstabRows(t: CrosstabTable, opts: CheckerOptions): CheckerRow[] {
  const table = opts.table ?? `${t.rowVariable ?? 'rij'} × ${t.colVariable ?? 'kolom'}`;
  const out: CheckerRow[] = [];
  t.count.forEach((row, i) =>
    row.forEach((n, j) => {
      if (n === null || t.suppressed[i]?.[j]) return;
      const released = t.overridden?.[i]?.[j] ? overrideOf(t.rules, t.rows[i].code, `${t.colVariable ?? ''}=${String(t.cols[j].code)}`) : undefined;
      out.push(withOverride(withTop({ table, row: t.rows[i].label, col: t.cols[j].label, n }, opts.contributions?.[i]?.[j]), released));
    }),
  );
  // Unweighted margins are only known when the engine supplied them or the table is unweighted.
  const rowN = t.rowCounts ?? (t.weight ? undefined : t.rowTotals);
  const colN = t.colCounts ?? (t.weight ? undefined : t.colTotals);
  rowN?.forEach((n, i) => n !== null && out.push(withOverride({ table, row: t.rows[i].label, col: TOTAAL, n }, overrideOf(t.rules, t.rows[i].code, 'total'))));
  colN?.forEach((n, j) => n !== null && out.push({ table, row: TOTAAL, col: t.cols[j].label, n }));
  const grand = t.n ?? (t.weight ? undefined : t.total);
  if (grand !== undefined && grand !== null) out.push({ table, row: TOTAAL, col: TOTAAL, n: grand });
  return out;
}

function bannerRows(b: BannerResult, opts: CheckerOptions): CheckerRow[] {
  const table = opts.table ?? b.rowVariable.label ?? b.rowVariable.name;
  const colName = (k: number) => (b.columns[k].group ? `${b.columns[k].group}: ${b.columns[k].label}` : b.columns[k].label);
  const out: CheckerRow[] = [];
  b.cells.forEach((row, i) =>
    row.forEach((c, k) => {
      if (c.count === null || c.suppressed) return;
      const released = c.overridden ? overrideOf(b.rules, b.rows[i].code, b.columns[k].key) : undefined;
      out.push(withOverride(withTop({ table, row: b.rows[i].label, col: colName(k), n: c.count }, opts.contributions?.[i]?.[k]), released));
    }),
  );
  b.base.count.forEach((n, k) => n !== null && out.push({ table, row: 'Basis (ongewogen)', col: colName(k), n }));
  return out;
}

function freqRows(f: DisclosedFreqResult, opts: CheckerOptions): CheckerRow[] {
  const table = opts.table ?? f.variable;
  const out: CheckerRow[] = [];
  f.categories.forEach((c, k) => {
    if (c.count === null || c.suppressed) return;
    out.push(withTop({ table, row: c.label, col: 'Aantal', n: c.count }, opts.contributions?.[k]?.[0]));
  });
  const n = f.n ?? (f.weight ? undefined : f.total);
  if (n !== undefined && n !== null) out.push({ table, row: TOTAAL, col: 'Aantal', n });
  return out;
}

export function checkerRows(result: CrosstabTable | BannerResult | DisclosedFreqResult, opts: CheckerOptions = {}): CheckerRow[] {
  if ('kind' in result && result.kind === 'banner') return bannerRows(result, opts);
  if ('categories' in result) return freqRows(result, opts);
  return crosstabRows(result as CrosstabTable, opts);
}
