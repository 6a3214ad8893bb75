/** Display models of computed tables, shared by the workbook and the CSV/HTML/clipboard exports. */
import { type TableModel, buildTableModel } from '../../../shared/format/table-model';
import { TEXTS } from '../../../shared/format/texts';
import type { BookSpec } from '../../../shared/book/book';
import type { ComputedBook, ComputedTable } from './compute';

export function formatDate(d: Date, lang: BookSpec['language']): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return lang === 'nl' ? `${p(d.getDate())}-${p(d.getMonth() + 1)}-${d.getFullYear()}` : `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** One model per table (null when blocked); footnotes end with the source and the date. */
export function tableModels(computed: ComputedBook, spec: BookSpec, date: string): (TableModel | null)[] {
  const t = TEXTS[spec.language];
  const extraNotes = [spec.source ? `${t.source}: ${spec.source}` : '', `${t.date}: ${date}`].filter(Boolean);
  const labels = new Map(computed.dataset.variables.map((v) => [v.name, v.label || v.name]));
  const variableLabel = (name: string) => labels.get(name) ?? name;
  return computed.tables.map((table: ComputedTable) =>
    table.result
      ? buildTableModel(table.result, {
          symbols: spec.symbols,
          decimals: spec.decimals,
          sigDisplay: spec.tests.display,
          language: spec.language,
          unweightedBase: spec.statistics.unweightedBase,
          weightedBase: spec.statistics.weightedBase,
          counts: spec.statistics.counts,
          trend: table.trend,
          extraNotes,
          variableLabel,
        })
      : null,
  );
}
