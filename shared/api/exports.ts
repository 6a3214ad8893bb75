/**
 * Exports: the tabellenboek (a long job with progress) and the tables of a table query as CSV, HTML,
 * tab-separated text or clipboard payload. Both go through the route every table takes
 * (shared/analysis/table-group.ts) and the display model the screen draws (shared/format/table-model.ts),
 * so what is copied or saved is what the screen shows.
 */
import { z } from 'zod';
import { call } from './contract';
import { tableDisplay, tableQuery } from '../query/table-query';
import { bookSpec } from '../book/book';
import { saveToken } from './files';
import type { TableStatus } from '../model/results';

const dataset = z.string().min(1).max(256);

/** `target`: the token of the file the user chose (files.saveTarget or ui.chooseSave), never a path. */
export const exportBookRequest = z.object({ dataset, spec: bookSpec, target: saveToken });

/** The table query of analysis.tables, plus how to write it out. */
export const exportTableRequest = tableQuery.extend({
  format: z.enum(['csv', 'html', 'tsv', 'clipboard']),
  display: tableDisplay.default({ language: 'nl', decimals: 1, symbols: { unknown: '.', suppressed: 'x', nil: '-' } }),
  title: z.string().max(500).optional(),
  source: z.string().max(1000).optional(),
});

export interface ExportedTableStatus {
  variable: string;
  status: TableStatus;
  reason?: string;
  suppressedCells: number;
}

export interface ExportTableResult {
  /** CSV, HTML or tab-separated text; for 'clipboard' the tab-separated text. */
  text: string;
  /** Clipboard: the HTML flavour. */
  html?: string;
  tables: ExportedTableStatus[];
}

export const exportsSection = {
  /** Starts a job; `job.done` carries the BookReport (shared/book/book.ts). */
  'export.book': call<{ jobId: string }>()(exportBookRequest),
  'export.table': call<ExportTableResult>()(exportTableRequest),
};
