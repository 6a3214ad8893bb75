/**
 * The preview of a book before it is written: every question's verdict (published, with suppressed
 * cells, or blocked and why) and the model of one question exactly as the workbook will show it. The
 * whole book is computed, because its tables are checked together: a table alone can look safe and
 * still lose cells to the joint audit of the group it is published with.
 */
import type { TableModel } from '../format/table-model';
import type { TableStatus } from '../model/results';
import type { BookSpec } from './book';
import type { ComputedBook } from './compute';
import { bookTableModel, formatDate } from './models';

export interface BookPreviewTable {
  variable: string;
  label: string;
  status: TableStatus;
  reason?: string;
  suppressedCells: number;
}

export interface BookPreview {
  tables: BookPreviewTable[];
  blocked: number;
  suppressedCells: number;
  /** The question shown, and its table as written (null when the rules block it). */
  question: string;
  model: TableModel | null;
}

export function previewBook(computed: ComputedBook, spec: BookSpec, question: string | undefined, now: Date = new Date()): BookPreview {
  const date = formatDate(now, spec.language);
  const models = new Map(computed.tables.map((t) => [t.variable, bookTableModel(computed, t, spec, date)]));
  const tables = computed.tables.map((t) => ({
    variable: t.variable,
    label: t.label,
    status: t.status,
    ...(t.reason ? { reason: t.reason } : {}),
    suppressedCells: models.get(t.variable)?.suppressedCells ?? 0,
  }));
  const shown = question ?? computed.tables[0]?.variable ?? '';
  return {
    tables,
    blocked: tables.filter((t) => t.status === 'blocked').length,
    suppressedCells: tables.reduce((n, t) => n + t.suppressedCells, 0),
    question: shown,
    model: models.get(shown) ?? null,
  };
}
