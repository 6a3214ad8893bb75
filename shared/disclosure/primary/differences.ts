/**
 * Differencing: a table under a filter and the same table under a wider (or another) selection
 * differ by exactly the cases the filter removes. Published side by side, or one now and one later,
 * their difference is a table of its own — "Pekela 83 with golf = 2025, 78 with golf = 2025 and
 * leeftijdsklasse != 1" gives away the 5 young Pekelaars the rules suppressed. As German research data
 * centres demand of released subgroups, every cell whose difference from a reference table is unsafe
 * (1 … minCount − 1 units) is treated as primary-suppressed, and the secondary pattern follows.
 *
 * References are the same table (same rows, columns, weight) under: no filter, the filter without each
 * of its top-level conditions (shared/analysis/filter.ts referenceMasks), and filters of tables of the
 * same rows and banner already released from the project (the release register). A reference's cells
 * are matched to this table's by category code and column key; a category a reference lacks counts 0.
 * What this does not catch is in docs/security.md.
 */
import type { DisclosureMessage } from '../../i18n/message-types';
import type { RuleSet } from '../rules';
import { unsafeCount } from './cell-rules';

export type DifferenceSource = 'filter' | 'released';

/** A reference table, flattened in the same layout as the table checked (cells, then its totals). */
export interface ReferenceValues {
  values: readonly number[];
  source: DifferenceSource;
}

/** Per flattened cell: the kind of the first reference its difference from is unsafe, or null. */
export type UnsafeDifferences = (DifferenceSource | null)[];

export function unsafeDifferences(values: readonly number[], references: readonly ReferenceValues[], rs: RuleSet): UnsafeDifferences {
  const out: UnsafeDifferences = values.map(() => null);
  for (const ref of references) {
    values.forEach((v, k) => {
      if (out[k] === null && unsafeCount(Math.abs((ref.values[k] ?? 0) - v), rs)) out[k] = ref.source;
    });
  }
  return out;
}

/** Matrix of `refCounts` re-indexed to this table's rows and columns (a missing category is 0). */
export function alignCounts<R, C>(
  rows: readonly R[],
  cols: readonly C[],
  refRows: readonly R[],
  refCols: readonly C[],
  refCounts: readonly (readonly (number | null)[])[],
  rowKey: (r: R) => string,
  colKey: (c: C) => string,
): number[][] {
  const ri = new Map(refRows.map((r, i) => [rowKey(r), i]));
  const ci = new Map(refCols.map((c, j) => [colKey(c), j]));
  return rows.map((r) => {
    const i = ri.get(rowKey(r));
    return cols.map((c) => {
      const j = ci.get(colKey(c));
      return i === undefined || j === undefined ? 0 : (refCounts[i][j] ?? 0);
    });
  });
}

/** Marks unsafe differences as primary (unless released by an override) and says why. */
export function markDifferences(
  primary: boolean[],
  diff: UnsafeDifferences,
  fixed: (cell: number) => boolean,
  rs: RuleSet,
  reasons: DisclosureMessage[],
): void {
  const added: Record<DifferenceSource, number> = { filter: 0, released: 0 };
  diff.forEach((source, cell) => {
    if (source === null || fixed(cell) || primary[cell]) return;
    primary[cell] = true;
    added[source]++;
  });
  for (const source of ['filter', 'released'] as const) {
    if (added[source] > 0) reasons.push({ code: 'difference-cells', n: added[source], min: rs.minCount, source });
  }
}
