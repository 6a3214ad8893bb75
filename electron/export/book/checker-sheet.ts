/**
 * The checker's sheet: for every number the book publishes, the unweighted count behind it (rows from
 * the disclosure module's checkerRows, plus the trend columns), so a CBS output checker can verify the
 * minimum-count rule cell by cell without the data. Suppressed cells are not listed: their counts are
 * exactly what must not leave.
 */
import { type CheckerRow, checkerRows } from '../../../shared/disclosure/index';
import { TEXTS } from '../../../shared/format/texts';
import type { BookSpec } from '../../../shared/book/book';
import type { ComputedTable } from '../../../shared/book/compute';
import type { CellValue, SheetWriter } from '../xlsx/sheet';
import type { BookStyles } from './xlsx-style';

export type { CheckerRow };

/** A set's published counts: every item, "at least one" and the base, per column. */
function setCheckerRows(table: ComputedTable, language: BookSpec['language']): CheckerRow[] {
  const r = table.mr!;
  const col = (k: number) => (r.columns[k].path.length > 1 ? r.columns[k].path.map((p) => p.label).join(' × ') : r.columns[k].label);
  const out: CheckerRow[] = [];
  const push = (row: string, counts: readonly (number | null)[]) =>
    counts.forEach((n, k) => n !== null && out.push({ table: table.variable, row, col: col(k), n }));
  r.items.forEach((item, i) =>
    push(
      item.label,
      r.cells[i].map((c) => (c.suppressed ? null : c.count)),
    ),
  );
  push(
    TEXTS[language].mr.any,
    r.any.map((c) => (c.suppressed ? null : c.count)),
  );
  push(TEXTS[language].base, r.base.count);
  return out;
}

export function bookCheckerRows(table: ComputedTable, language: BookSpec['language']): CheckerRow[] {
  if (table.mr) return setCheckerRows(table, language);
  if (!table.result) return [];
  const name = table.variable;
  // Nested columns share their last label (Man/18-39 and Vrouw/18-39): name them by the whole path.
  const result = {
    ...table.result,
    columns: table.result.columns.map((c) => (c.path.length > 1 ? { ...c, label: c.path.map((p) => p.label).join(' × ') } : c)),
  };
  const out = checkerRows(result, { table: name });
  const tr = table.trend;
  if (tr) {
    const col = `${TEXTS[language].comparison}: ${tr.label}`;
    tr.cells.forEach((c, i) => {
      if (!c.suppressed && c.count !== null) out.push({ table: name, row: table.result!.rows[i].label, col, n: c.count });
    });
    if (tr.base !== null) out.push({ table: name, row: TEXTS[language].base, col, n: tr.base });
  }
  return out;
}

export const CHECKER_HEADERS: Record<BookSpec['language'], string[]> = {
  nl: ['Tabel (variabele)', 'Rij', 'Kolom', 'n (ongewogen)', 'Grootste bijdrage', 'Op één na grootste bijdrage'],
  en: ['Table (variable)', 'Row', 'Column', 'n (unweighted)', 'Largest contribution', 'Second largest contribution'],
};

/** Extra column when a recorded override released cells: the checker sees each one with why and when. */
export const CHECKER_OVERRIDE_HEADER: Record<BookSpec['language'], string> = {
  nl: 'Vrijgegeven ondanks de outputregels (reden, datum)',
  en: 'Released despite the output rules (reason, date)',
};

export const CHECKER_HEADER_ROW = 4;

/** The checker's line that ties the book to the project's audit log (its hash chain's head when written). */
export function auditHeadLine(head: string, language: BookSpec['language']): string {
  return language === 'nl' ? `Auditlog van het project, laatste hash: ${head}` : `Project audit log, head hash: ${head}`;
}

export const CHECKER_WIDTHS = [20, 40, 40, 14, 16, 16];

export function writeCheckerSheet(ws: SheetWriter, rows: CheckerRow[], spec: BookSpec, styles: BookStyles, ruleLine: string, auditHead?: string): void {
  ws.set(1, 1, spec.language === 'nl' ? 'Controleblad voor de outputcontrole' : "Output checker's sheet", styles.title);
  ws.set(2, 1, ruleLine, styles.note);
  if (auditHead) ws.set(3, 1, auditHeadLine(auditHead, spec.language), styles.note);
  const magnitude = rows.some((r) => r.top1 !== undefined);
  const overrides = rows.some((r) => r.override !== undefined);
  const headers = CHECKER_HEADERS[spec.language].slice(0, magnitude ? 6 : 4);
  if (overrides) headers.push(CHECKER_OVERRIDE_HEADER[spec.language]);
  headers.forEach((h, i) => ws.set(CHECKER_HEADER_ROW, i + 1, h, styles.header));
  // Unstyled body: this sheet is read by one checker, not published, and it is as large as all
  // tables together (one row per published cell), so it is kept cheap to write.
  rows.forEach((row, k) => {
    // Characters XML forbids are dropped by the writer (xlsx/xml.ts), once per distinct text.
    const values: CellValue[] = [row.table, row.row, row.col, row.n];
    if (magnitude) values.push(row.top1, row.top2);
    if (overrides && row.override) values.push(`${row.override.reason} (${row.override.date})`);
    // Straight out: a book's checker sheet has tens of thousands of rows.
    ws.append(CHECKER_HEADER_ROW + 1 + k, values);
  });
}
