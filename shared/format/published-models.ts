/**
 * The display models of one published table (shared/analysis/table-group.ts): a banner, a
 * multiple-response set, its layered tables, or the note that it is blocked.
 */
import type { PublishedTable } from '../analysis/table-group';
import { mrModel } from './mr-model';
import { blockedModel, buildTableModel, layeredModels, type TableModel, type TableModelOptions } from './table-model';

/** The models of one published table: a banner, its layered tables, or the blocked note. */
export function publishedTableModels(table: PublishedTable, opts: TableModelOptions): TableModel[] {
  if (table.layered) {
    const label = opts.variableLabel ?? ((n: string) => n);
    return table.layered.flatMap((l) => layeredModels(l, `${table.label} × ${label(l.colVariable)}`, opts));
  }
  if (table.result) return [buildTableModel(table.result, { ...opts, chi2: table.chi2 })];
  if (table.mr) return [mrModel(table.mr, opts)];
  return [blockedModel(table.variable, table.label, table.messages, opts.language)];
}
