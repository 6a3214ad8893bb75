/**
 * A table's display model (shared/format/table-model.ts) as an accessible HTML table: the same header
 * blocks, rows, symbols and notes every export writes, so what is copied or saved is what is shown.
 * The screen adds only what a screen can: the rules' badge, and a button on each cell a primary rule
 * withheld, to release it (the override dialog).
 */
import type { ReactNode } from 'react';
import type { DisclosureSummary } from '../../shared/model/results';
import { cellText, leadColumns } from '../../shared/format/grid';
import { NUMBER_STYLES } from '../../shared/format/number';
import { OVERRIDE_MARK, type HeaderBlock, type ModelCell, type ModelRow, type NoteKind, type TableModel } from '../../shared/format/table-model';
import { DEFAULT_SYMBOLS, type Symbols } from '../../shared/query/table-query';
import { DisclosureBadge } from '../components/DisclosureBadge';
import { useI18n } from '../i18n/i18n';
import type { ReleasableCell } from './override-target';

export interface TableViewProps {
  model: TableModel;
  /** The rules' verdict, for the badge. */
  rules?: DisclosureSummary;
  symbols?: Symbols;
  /** Opens the override dialog (from the badge link, or from a primary-suppressed cell). */
  onRelease?(cell?: ReleasableCell): void;
  testId?: string;
  /** Extra attributes for tests and styling. */
  dataAttrs?: Record<string, string>;
  headerExtra?: ReactNode;
}

/** Test hooks for the notes end-to-end tests read. */
const NOTE_TEST_IDS: Partial<Record<NoteKind, string>> = { reasons: 'rule-reasons', weighting: 'banner-weight', override: 'override-legend', chi2: 'chi2' };

function headerGrid(model: TableModel): HeaderBlock[][] {
  const rows: HeaderBlock[][] = Array.from({ length: model.headerRows }, () => []);
  for (const b of model.header) rows[b.row].push(b);
  for (const r of rows) r.sort((a, b) => a.col - b.col);
  return rows;
}

/** How many consecutive rows from `i` show statistics of the same category (its label spans them). */
function categorySpan(rows: ModelRow[], i: number): number {
  let n = 1;
  while (i + n < rows.length && rows[i + n].kind === 'category' && rows[i + n].code === rows[i].code && rows[i + n].label === '') n++;
  return n;
}

export function TableView({ model, rules, symbols = DEFAULT_SYMBOLS, onRelease, testId = 'banner', dataAttrs, headerExtra }: TableViewProps) {
  const { t, lang } = useI18n();
  const style = NUMBER_STYLES[lang];
  const lead = leadColumns(model);
  const header = headerGrid(model);
  const columnOf = (block: HeaderBlock) => model.columns[block.col];
  const releasable = (cell: ModelCell, row: ModelRow) =>
    onRelease && model.status !== 'blocked' && cell.suppression === 'primary' && row.kind === 'category' && row.label !== '';
  const rowLabel = (row: ModelRow, i: number) => {
    for (let k = i; k >= 0; k--) if (model.rows[k].label) return model.rows[k].label;
    return row.label;
  };

  return (
    <figure className="banner" data-testid={testId} data-row-var={model.variable} {...dataAttrs}>
      <figcaption className="banner-title">
        <span className="banner-question">{model.title}</span>
        {rules && <DisclosureBadge rules={rules} />}
        {onRelease && (
          <button type="button" className="link-button" onClick={() => onRelease()} data-testid="override-open">
            {t('ov.open')}
          </button>
        )}
        {headerExtra}
      </figcaption>
      {model.mark && (
        <p className="unchecked-mark" role="note" data-testid="unchecked-mark">
          {model.mark}
        </p>
      )}
      {model.columns.length > 0 && (
        <div className="table-scroll">
          <table className="banner-table">
            <thead>
              {header.map((blocks, ri) => (
                <tr key={ri}>
                  {ri === 0 && <td className="corner" rowSpan={model.headerRows} colSpan={lead} />}
                  {blocks.map((b) => {
                    const col = columnOf(b);
                    return (
                      <th
                        key={`${b.row}:${b.col}`}
                        scope={b.colSpan > 1 ? 'colgroup' : 'col'}
                        colSpan={b.colSpan}
                        rowSpan={b.rowSpan}
                        className={`${b.colSpan === 1 ? 'leaf' : 'group'}${col?.groupStart ? ' group-start' : ''}`}
                      >
                        {b.label}
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody>
              {model.rows.map((row, ri) => {
                const first = row.kind === 'category' && row.label !== '';
                const span = first ? categorySpan(model.rows, ri) : 1;
                const cls = row.kind === 'category' ? (row.last ? 'cat-end' : undefined) : 'base-row';
                return (
                  <tr key={ri} className={cls} data-kind={row.kind}>
                    {row.kind !== 'category' ? (
                      <th scope="row" colSpan={lead}>
                        {row.label}
                      </th>
                    ) : (
                      <>
                        {first && (
                          <th scope="row" rowSpan={span} className="cat-label">
                            {row.label}
                          </th>
                        )}
                        {model.statColumn && <td className="stat-label">{row.stat}</td>}
                      </>
                    )}
                    {row.cells.map((cell, ci) => {
                      const col = model.columns[ci];
                      const text = cellText(cell, row.decimals, style, symbols);
                      const body = cell.bold ? <strong>{text}</strong> : text;
                      const cellCls = `num${cell.state === 'suppressed' ? ' suppressed' : ''}${cell.overridden ? ' overridden' : ''}${col.groupStart ? ' group-start' : ''}`;
                      return (
                        <td
                          key={col.key}
                          className={cellCls}
                          data-row={row.code === undefined ? undefined : String(row.code)}
                          data-col={col.key}
                          data-stat={row.statKey ?? row.kind}
                          data-overridden={cell.overridden ? 'true' : undefined}
                        >
                          {releasable(cell, row) ? (
                            <button
                              type="button"
                              className="cell-release"
                              aria-label={t('ov.releaseCell', { row: rowLabel(row, ri), col: col.label })}
                              onClick={() => onRelease?.({ row: row.code!, col: col.key, rowLabel: rowLabel(row, ri), colLabel: col.label })}
                            >
                              {body}
                            </button>
                          ) : (
                            body
                          )}
                          {cell.overridden && <sup className="override-mark">{OVERRIDE_MARK}</sup>}
                          {cell.sig && <sup className="sig">{cell.sig}</sup>}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <div className="legend-block">
        {model.notes.map((n, i) => (
          <p
            key={i}
            className={n.kind === 'reasons' || n.kind === 'blocked' ? 'muted' : n.kind === 'override' ? 'override-legend' : undefined}
            data-note={n.kind}
            data-testid={NOTE_TEST_IDS[n.kind]}
          >
            {n.text}
          </p>
        ))}
      </div>
    </figure>
  );
}
