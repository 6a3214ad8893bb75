/**
 * What the override dialog needs from a table on screen, kept free of React: the table specification
 * the backend records (from the analysis.banner request), the cells that can be released, and the
 * legend lines for released cells.
 */
import type { TableQuery } from '../../shared/query/table-query';
import type { OverrideTarget } from '../../shared/disclosure/overrides/override';
import type { Code } from '../../shared/model/dataset';
import type { BannerResult } from '../../shared/model/results';

export interface ReleasableCell {
  row: Code;
  col: string;
  rowLabel: string;
  colLabel: string;
}

/** The table specification of one row variable of a table query. */
export function overrideTarget(req: TableQuery, row: string): OverrideTarget {
  return {
    dataset: req.dataset,
    row,
    columns: { total: req.banner.total, items: req.banner.items },
    weight: req.weight ? { variable: req.weight.variable, type: req.weight.type ?? 'sampling' } : null,
    filter: req.filter?.trim() ? req.filter.trim() : null,
  };
}

const colLabel = (c: BannerResult['columns'][number]) => (c.path.length > 1 ? c.path.map((p) => p.label).join(' × ') : c.label);

/** Cells withheld by a primary rule (the only ones an override can release); none in a blocked table. */
export function releasableCells(r: BannerResult): ReleasableCell[] {
  if (r.rules.status === 'blocked') return [];
  return r.cells.flatMap((row, i) =>
    row.flatMap((c, k) =>
      c.suppressed && c.suppression === 'primary'
        ? [{ row: r.rows[i].code, col: r.columns[k].key, rowLabel: r.rows[i].label, colLabel: colLabel(r.columns[k]) }]
        : [],
    ),
  );
}
