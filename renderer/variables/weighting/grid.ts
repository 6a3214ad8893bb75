/**
 * The targets grid of the weighting dialog as plain data: one table of rows (code, label, target as
 * typed) per margin variable, plus the total. Pure functions: rows for a variable from its value labels,
 * numbers as the user types or pastes them (Dutch 31.000 and 0,24 in Dutch; 31,000 and 0.24 in
 * English), a pasted column or code/label–target block from Excel or StatLine, and back and forth to
 * the targets JSON the API takes.
 */
import { codeKey, isUserMissing, type VariableMeta } from '../../../shared/model/dataset';
import { parseTargetNumber } from '../../../shared/weighting/target-number';
import type { Targets } from '../../../shared/weighting/targets';

export interface GridRow {
  code: string;
  label: string;
  target: string;
}

export interface GridMargin {
  variable: string;
  rows: GridRow[];
}

export interface GridState {
  margins: GridMargin[];
  total: string;
  /** Joint cells read from a file: kept as they are (the grid edits margins). */
  cells?: Targets['cells'];
}

export type Lang = 'nl' | 'en';

const EN_GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/** A number as typed or pasted in the UI's language; NaN when it is none. */
export function parseTyped(text: string, lang: Lang): number {
  const t = text.trim();
  if (lang === 'nl') return parseTargetNumber(t, ';');
  return parseTargetNumber(EN_GROUPED.test(t) ? t.replace(/,/g, '') : t, ',');
}

/** A number as the grid shows it, as the language writes it (37.000 and 0,24 in Dutch), all its decimals. */
export function formatTyped(v: number, lang: Lang): string {
  const s = String(Number(v.toPrecision(15)));
  if (/e/i.test(s)) return lang === 'nl' ? s.replace('.', ',') : s;
  const [int, frac] = s.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'nl' ? '.' : ',');
  return frac === undefined ? grouped : `${grouped}${lang === 'nl' ? ',' : '.'}${frac}`;
}

const byCode = (a: string, b: string) => {
  const na = Number(a);
  const nb = Number(b);
  return Number.isFinite(na) && Number.isFinite(nb) ? na - nb : a < b ? -1 : a > b ? 1 : 0;
};

/** A new margin: the variable's labelled codes that are not user-missing, in code order. */
export function rowsFor(meta: VariableMeta, extraCodes: string[] = []): GridRow[] {
  const codes = new Set<string>();
  for (const key of Object.keys(meta.valueLabels)) {
    const code = meta.type === 'numeric' ? Number(key) : key;
    if (meta.type === 'numeric' && !Number.isFinite(code as number)) continue;
    if (!isUserMissing(meta.missing, code)) codes.add(codeKey(code));
  }
  for (const c of extraCodes) codes.add(c);
  return [...codes].sort(byCode).map((code) => ({ code, label: meta.valueLabels[code] ?? '', target: '' }));
}

export type GridProblem = { kind: 'number'; margin: number; row: number; text: string } | { kind: 'total'; text: string } | { kind: 'empty' };

/** The targets JSON of the grid; rows with an empty target are left out. */
export function gridToTargets(g: GridState, lang: Lang): { targets: Targets } | { problem: GridProblem } {
  const margins: NonNullable<Targets['margins']> = [];
  for (let m = 0; m < g.margins.length; m++) {
    const targets: Record<string, number> = {};
    for (let r = 0; r < g.margins[m].rows.length; r++) {
      const row = g.margins[m].rows[r];
      if (row.target.trim() === '') continue;
      const v = parseTyped(row.target, lang);
      if (!(v >= 0)) return { problem: { kind: 'number', margin: m, row: r, text: row.target } };
      targets[row.code] = v;
    }
    if (Object.keys(targets).length) margins.push({ variable: g.margins[m].variable, targets });
  }
  let total: number | undefined;
  if (g.total.trim() !== '') {
    total = parseTyped(g.total, lang);
    if (!(total > 0)) return { problem: { kind: 'total', text: g.total } };
  }
  if (!margins.length && !g.cells?.length) return { problem: { kind: 'empty' } };
  return { targets: { ...(total !== undefined ? { total } : {}), ...(margins.length ? { margins } : {}), ...(g.cells?.length ? { cells: g.cells } : {}) } };
}

/** The grid for targets (from a file or a recipe): each margin's labelled codes plus the codes it names. */
export function targetsToGrid(t: Targets, variables: VariableMeta[], lang: Lang): GridState {
  const margins = (t.margins ?? []).map((m) => {
    const meta = variables.find((v) => v.name.toLowerCase() === m.variable.toLowerCase());
    // A key may be a value label (StatLine names categories): show it on the row of that code.
    const byLabel = new Map(meta ? Object.entries(meta.valueLabels).map(([code, label]) => [label.trim().toLowerCase(), code]) : []);
    const keyed = Object.entries(m.targets).map(([key, v]) => [byLabel.get(key.trim().toLowerCase()) ?? key, v] as const);
    const rows = meta
      ? rowsFor(
          meta,
          keyed.map(([code]) => code),
        )
      : keyed.map(([code]) => ({ code, label: '', target: '' }));
    for (const [code, v] of keyed) {
      const row = rows.find((r) => r.code === code);
      if (row) row.target = formatTyped(v, lang);
    }
    return { variable: meta?.name ?? m.variable, rows };
  });
  return { margins, total: t.total !== undefined ? formatTyped(t.total, lang) : '', ...(t.cells?.length ? { cells: t.cells } : {}) };
}

/** Σ of the typed targets of one margin (NaN when one is no number). */
export function marginSum(m: GridMargin, lang: Lang): number {
  return m.rows.reduce((s, r) => (r.target.trim() === '' ? s : s + parseTyped(r.target, lang)), 0);
}

/**
 * Pasted text into a margin from row `start` on: one value per line fills the rows downwards (a column
 * copied from Excel); lines of several fields put their last field on the row whose code or label is
 * the first field (a block copied from StatLine). Returns the rows and the lines that matched no row.
 */
export function pasteInto(rows: GridRow[], start: number, text: string, lang: Lang): { rows: GridRow[]; unmatched: string[] } {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const out = rows.map((r) => ({ ...r }));
  const unmatched: string[] = [];
  lines.forEach((line, k) => {
    const fields = line.split(/\t|;/).map((f) => f.trim());
    if (fields.length === 1) {
      if (start + k < out.length) out[start + k].target = fields[0];
      else unmatched.push(line);
      return;
    }
    const key = fields[0].toLowerCase();
    const value = fields[fields.length - 1];
    const row = out.find((r) => r.code.toLowerCase() === key || (r.label !== '' && r.label.toLowerCase() === key));
    if (row && !Number.isNaN(parseTyped(value, lang))) row.target = value;
    else unmatched.push(line);
  });
  return { rows: out, unmatched };
}
