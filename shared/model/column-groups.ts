/** Banner columns by their header group (Totaal is a group of its own), in column order. */
import type { BannerColumn } from './results';

/** For each column, the indices of all columns in its group (the same array for every member). */
export function groupMembers(columns: readonly BannerColumn[]): number[][] {
  const byGroup = new Map<string, number[]>();
  columns.forEach((c, k) => {
    const g = byGroup.get(c.group);
    if (g) g.push(k);
    else byGroup.set(c.group, [k]);
  });
  return columns.map((c) => byGroup.get(c.group) as number[]);
}
