/** The display models of a computed book: one per published table, in the book's language and style. */
import { type TableModel, buildTableModel } from '../format/table-model';
import { mrModel } from '../format/mr-model';
import { TEXTS } from '../format/texts';
import type { BookSpec } from './book';
import type { ComputedBook, ComputedTable } from './compute';

export function formatDate(d: Date, lang: BookSpec['language']): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return lang === 'nl' ? `${p(d.getDate())}-${p(d.getMonth() + 1)}-${d.getFullYear()}` : `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** Footnotes every table of the book ends with: the source and the date. */
export function bookExtraNotes(spec: BookSpec, date: string): string[] {
  const t = TEXTS[spec.language];
  return [spec.source ? `${t.source}: ${spec.source}` : '', `${t.date}: ${date}`].filter(Boolean);
}

/** The model of one computed table (null when blocked), exactly as the workbook writes it. */
export function bookTableModel(computed: ComputedBook, table: ComputedTable, spec: BookSpec, date: string): TableModel | null {
  if (!table.result && !table.mr) return null;
  const labels = new Map(computed.dataset.variables.map((v) => [v.name, v.label || v.name]));
  const options = {
    statistics: spec.statistics,
    symbols: spec.symbols,
    decimals: spec.decimals,
    sigDisplay: spec.tests.display,
    language: spec.language,
    trend: table.trend,
    extraNotes: bookExtraNotes(spec, date),
    variableLabel: (name: string) => labels.get(name) ?? name,
    chi2: table.chi2,
    sort: spec.sort,
    hideEmpty: spec.hideEmpty,
  };
  return table.mr ? mrModel(table.mr, options) : buildTableModel(table.result!, options);
}

/** One model per table (null when blocked); footnotes end with the source and the date. */
export function tableModels(computed: ComputedBook, spec: BookSpec, date: string): (TableModel | null)[] {
  return computed.tables.map((table) => bookTableModel(computed, table, spec, date));
}
