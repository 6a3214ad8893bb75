/**
 * What a withheld banner cell looks like, in one place: every value field nulled, so a field added to
 * BannerCell later cannot slip out next to an "x". And when a published cell's row or total percentage
 * may be shown: a percentage reveals its denominator, so it is published only where the rules already
 * treat that denominator as known.
 */
import { groupMembers } from '../../model/column-groups';
import type { BannerCell, BannerColumn } from '../../model/results';

export function withheldCell(c: BannerCell, kind: 'primary' | 'secondary'): BannerCell {
  return { ...c, count: null, weighted: null, pct: null, rowPct: null, totalPct: null, sig: '', suppressed: true, suppression: kind };
}

/**
 * The audit (secondary/banner-layout.ts) models every column group as partitioning Totaal, with cases missing
 * on a banner variable as a remainder the intruder knows. So a group's row total is known when the
 * row's Totaal cell is published (or all of the group's cells in that row are), and a group's total
 * when the Totaal base is published (or all of the group's bases are).
 */
export function percentagesShown(
  columns: readonly BannerColumn[],
  rows: number,
  cellHidden: (i: number, k: number) => boolean,
  baseHidden: (k: number) => boolean,
): { row: (i: number, k: number) => boolean; total: (k: number) => boolean } {
  const total = columns.findIndex((c) => c.path.length === 0);
  const members = groupMembers(columns);
  const groupOf = (k: number) => members[k];
  const rowKnown = Array.from({ length: rows }, (_, i) =>
    columns.map((_c, k) => (total >= 0 && !cellHidden(i, total)) || groupOf(k).every((m) => !cellHidden(i, m))),
  );
  const totalKnown = columns.map((_c, k) => (total >= 0 && !baseHidden(total)) || groupOf(k).every((m) => !baseHidden(m)));
  return { row: (i, k) => !cellHidden(i, k) && rowKnown[i][k], total: (k) => totalKnown[k] };
}
