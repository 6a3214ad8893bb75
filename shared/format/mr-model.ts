/**
 * A multiple-response set's table in the one display model (table-model.ts): one block of rows per
 * item (% of cases, and the other chosen statistics), then "at least one mentioned" (the net of the
 * set), the responses, and the bases — with the same header, symbols and notes as every other table,
 * so the screen, the copy, the CSV and the tabellenboek show a set exactly alike.
 */
import type { MrCell, MrResult } from '../model/results';
import { DEFAULT_STATISTICS } from '../query/table-query';
import {
  buildHeader,
  buildNotes,
  markOf,
  numberCell,
  pctCell,
  rowOrder,
  shownStats,
  withheldCell,
  type ModelCell,
  type ModelColumn,
  type ModelRow,
  type RowKind,
  type StatChoice,
  type TableModel,
  type TableModelOptions,
} from './table-model';
import { TEXTS, xmlSafe } from './texts';

export function mrModel(result: MrResult, opts: TableModelOptions): TableModel {
  const stats = opts.statistics ?? DEFAULT_STATISTICS;
  const t = TEXTS[opts.language];
  const hasTests = result.tests.method === 'z' && opts.sigDisplay !== 'none';
  const letters = hasTests && opts.sigDisplay === 'letters';
  const bold = hasTests && opts.sigDisplay === 'bold';
  const cols = result.columns.map((c) => ({
    ...c,
    label: xmlSafe(c.label),
    group: xmlSafe(c.group),
    path: c.path.map((p) => ({ ...p, label: xmlSafe(p.label) })),
  }));
  const columns: ModelColumn[] = cols.map((c, i) => ({
    key: c.key,
    label: c.path.length === 0 ? t.total : c.label,
    letter: letters ? c.letter : '',
    groupStart: i > 0 && c.group !== cols[i - 1].group,
  }));
  // Rows per item: % of cases first, % of responses when asked, then counts (row and total % do not apply).
  const base = shownStats({ ...stats, rowPct: false, totalPct: false }, result.weight !== null, opts.decimals, opts.language);
  const shown: StatChoice[] = [
    ...base.filter((s) => s.key === 'pct'),
    ...(stats.responsePct ? [{ key: 'rowPct' as const, label: t.mr.responsePct, decimals: opts.decimals }] : []),
    ...base.filter((s) => s.key !== 'pct'),
  ];
  const cellFor = (c: MrCell, s: StatChoice): ModelCell => {
    if (s.key === 'pct') return withheldCell(c, pctCell(c.pct, c.count, c.suppressed, letters ? c.sig : '', bold && c.sig.length > 0));
    const v = s.key === 'rowPct' ? (c.responsePct ?? null) : s.key === 'count' ? c.count : c.weighted;
    return withheldCell(c, numberCell(v, c.suppressed));
  };
  const rows: ModelRow[] = [];
  const itemRows = (label: string, code: string | number, cells: MrCell[], kind: RowKind) =>
    shown.forEach((s, si) =>
      rows.push({
        label: si === 0 ? xmlSafe(label) : '',
        stat: shown.length > 1 ? (s.key === 'rowPct' ? t.mr.responsePct : s.label) : '',
        statKey: s.key,
        kind,
        code,
        last: si === shown.length - 1,
        decimals: s.decimals,
        cells: cells.map((c) => cellFor(c, s)),
      }),
    );
  const totalCol = Math.max(
    0,
    result.columns.findIndex((c) => c.path.length === 0),
  );
  const order = rowOrder(result.items.length, {
    label: (i) => result.items[i].label,
    isNet: () => false,
    hide: (i) => opts.hideEmpty === true && result.cells[i].every((c) => !c.suppressed && c.count === 0),
    key: (i) => (result.cells[i][totalCol].suppressed ? null : result.cells[i][totalCol].pct),
    sort: opts.sort,
  });
  for (const i of order) itemRows(result.items[i].label, result.items[i].code, result.cells[i], 'category');
  itemRows(t.mr.any, 'any', result.any, 'category');
  const summary = (label: string, kind: RowKind, decimals: number, cells: ModelCell[]) => rows.push({ label, stat: '', kind, last: true, decimals, cells });
  summary(
    t.mr.responses,
    'weightedBase',
    0,
    result.responses.weighted.map((v) => numberCell(v, v === null)),
  );
  if (stats.weightedBase && result.weight)
    summary(
      t.weightedBase,
      'weightedBase',
      0,
      result.base.weighted.map((v) => numberCell(v, v === null)),
    );
  if (stats.effectiveBase)
    summary(
      t.effectiveBase,
      'effectiveBase',
      1,
      result.base.effective.map((v) => numberCell(v, v === null)),
    );
  if (stats.base)
    summary(
      t.base,
      'base',
      0,
      result.base.count.map((v) => numberCell(v, v === null)),
    );

  const suppressedCells = rows
    .filter((r) => r.kind !== 'category' || r.statKey === shown[0].key)
    .reduce((n, r) => n + r.cells.filter((c) => c.state === 'suppressed').length, 0);
  const { header, headerRows } = buildHeader(cols, columns, t.total, null, letters, opts.variableLabel);
  const notes = buildNotes({
    weight: result.weight,
    rules: result.rules,
    opts,
    stats,
    letters: letters ? result.tests : null,
    bold: bold ? result.tests : null,
    meanLetters: false,
    suppressed: suppressedCells,
  });
  // What a reader must know of a set first: the percentages do not add up to 100.
  const at = notes.findIndex((n) => n.kind === 'weighting');
  notes.splice(at + 1, 0, { kind: 'base', text: t.mr.note });
  return {
    variable: result.set.name,
    title: xmlSafe(result.set.label || result.set.name),
    status: result.rules.status,
    columns,
    headerRows,
    header,
    sigColumns: letters,
    statColumn: shown.length > 1,
    rows,
    notes,
    suppressedCells,
    mark: markOf(result.rules, opts.language),
  };
}
