/**
 * Tables as text for the clipboard and single-table files: CSV (BOM; Dutch `;` and decimal comma),
 * accessible HTML, or tab-separated text plus an HTML fragment for the clipboard. Each is a rendering
 * of the same display models the screen draws, so what leaves is what was shown.
 */
import type { PublishedTable } from '../analysis/table-group';
import type { TableDisplay, TableQuery } from '../query/table-query';
import { tableToTsv } from './clipboard';
import { tableToCsv } from './csv';
import { tableToHtml } from './html';
import type { TableModel } from './table-model';
import { publishedTableModels } from './published-models';

export type TableFormat = 'csv' | 'html' | 'tsv' | 'clipboard';

export interface RenderedTables {
  /** CSV, HTML or tab-separated text; for 'clipboard' the tab-separated text. */
  text: string;
  /** For 'clipboard': the HTML flavour. */
  html?: string;
}

export interface GroupModelOptions {
  /** Variable labels for headers and layered captions. */
  variableLabel?: (name: string) => string;
  extraNotes?: string[];
}

/**
 * The models of a group of published tables as the table builder shows them: the query's statistics
 * and tests, the display's language, decimals and symbols, the rules' reasons under each table.
 */
export function groupModels(
  tables: PublishedTable[],
  query: Pick<TableQuery, 'statistics' | 'tests' | 'sort' | 'hideEmpty'>,
  display: TableDisplay,
  opts: GroupModelOptions = {},
): TableModel[] {
  return tables.flatMap((t) => screenModels(t, query, display, opts));
}

/** The models of one published table as the screen draws it (and as groupModels exports it). */
export function screenModels(
  table: PublishedTable,
  query: Pick<TableQuery, 'statistics' | 'tests' | 'sort' | 'hideEmpty'>,
  display: TableDisplay,
  opts: GroupModelOptions = {},
): TableModel[] {
  return publishedTableModels(table, {
    statistics: query.statistics,
    symbols: display.symbols,
    decimals: display.decimals,
    sigDisplay: query.tests.display,
    language: display.language,
    variableLabel: opts.variableLabel,
    extraNotes: opts.extraNotes,
    ruleNotes: true,
    sort: query.sort,
    hideEmpty: query.hideEmpty,
  });
}

export function renderModels(models: TableModel[], format: TableFormat, display: TableDisplay, title?: string): RenderedTables {
  const { symbols, language } = display;
  const tsv = () => models.map((m) => tableToTsv(m, symbols, language)).join('\n');
  switch (format) {
    case 'csv':
      return { text: tableToCsv(models, { dialect: language, symbols }) };
    case 'html':
      return { text: tableToHtml(models, { symbols, language, title }) };
    case 'tsv':
      return { text: tsv() };
    case 'clipboard':
      return { text: tsv(), html: tableToHtml(models, { symbols, language, fragment: true }) };
  }
}
