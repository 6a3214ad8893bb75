/**
 * A banner (rows × [Totaal | group columns …]) as a linear table.
 *
 * Conservative modelling: every column group is assumed to partition the Totaal column, and a
 * nested column (a|b) to partition its parent column (a) when that column is shown too. Where cases
 * are missing on a banner variable the group sums to less than Totaal; the difference enters as a
 * "remainder" cell that the intruder is assumed to know (`fixed`). Assuming more is known than is
 * published can only narrow the audited intervals, so a pattern that passes here passes in reality.
 *
 * The items of a multiple-response set in the columns (BannerResult.sets) overlap, so they partition
 * nothing. What an intruder knows of them, per row r (and for the bases alike), is only
 *
 *   cell(r, j) ≤ cell(r, Totaal)                      (item j's cases are among all cases)
 *   Σ_j cell(r, j) ≤ M · cell(r, Totaal)              (categories: a case holds at most M items)
 *
 * each an equality with a slack cell ≥ 0 that is never published and unknown to him (`free`, as in
 * mr-layout.ts). Within each item column the rows still add up to its base.
 */
import type { BannerColumn, BannerNet, BannerSetGroup } from '../../model/results';
import { sumConstraint, type Constraint, type LinearTable } from './linear-table';

export interface BannerLayout {
  table: LinearTable;
  interior: (i: number, k: number) => number;
  base: (k: number) => number;
  /** Per cell value for a banner of `values[i][k]` and bases `base[k]` (remainders computed). */
  flatten: (values: readonly (readonly number[])[], bases: readonly number[]) => number[];
  totalColumn: number;
  /** Slack cells of the set inequalities: hidden, unknown, never published (see suppress.ts). */
  free: boolean[];
}

export interface Partition {
  parent: number;
  children: number[];
}

function pathKey(col: BannerColumn, len: number): string {
  return col.path
    .slice(0, len)
    .map((s) => `${s.variable}=${String(s.code)}`)
    .join('|');
}

/**
 * Which column sets partition which column (Totaal, or a parent column of a nested group). `overlap`:
 * columns that partition nothing (a set's items).
 */
export function partitions(columns: readonly BannerColumn[], overlap: ReadonlySet<number> = new Set()): Partition[] {
  const total = columns.findIndex((c) => c.path.length === 0);
  const out: Partition[] = [];
  const groups = new Map<string, number[]>();
  columns.forEach((c, k) => {
    if (c.path.length === 0 || overlap.has(k)) return;
    const g = groups.get(c.group);
    if (g) g.push(k);
    else groups.set(c.group, [k]);
  });
  for (const members of groups.values()) {
    if (total >= 0) out.push({ parent: total, children: members });
    // Nested steps: children that share a shown parent column.
    const byParent = new Map<number, number[]>();
    for (const k of members) {
      const len = columns[k].path.length;
      if (len < 2) continue;
      const parent = columns.findIndex((p) => p.path.length === len - 1 && pathKey(p, len - 1) === pathKey(columns[k], len - 1));
      if (parent < 0) continue;
      const list = byParent.get(parent);
      if (list) list.push(k);
      else byParent.set(parent, [k]);
    }
    for (const [parent, children] of byParent) out.push({ parent, children });
  }
  return out;
}

/**
 * `nets`: rows that are sums of other rows (BannerResult.nets). They are not part of the column sum;
 * each net cell is tied to its members instead, so a published net and all but one published member
 * pin the last one down — which the audit then sees.
 */
export function bannerLayout(
  rowCount: number,
  columns: readonly BannerColumn[],
  nets: readonly BannerNet[] = [],
  sets: readonly BannerSetGroup[] = [],
): BannerLayout {
  const kk = columns.length;
  const interior = (i: number, k: number) => i * kk + k;
  const base = (k: number) => rowCount * kk + k;
  const netRows = new Set(nets.map((n) => n.row));
  const categoryRows = Array.from({ length: rowCount }, (_, i) => i).filter((i) => !netRows.has(i));
  const constraints: Constraint[] = [];
  for (let k = 0; k < kk; k++) {
    constraints.push(
      sumConstraint(
        categoryRows.map((i) => interior(i, k)),
        base(k),
      ),
    );
    for (const net of nets)
      constraints.push(
        sumConstraint(
          net.members.map((i) => interior(i, k)),
          interior(net.row, k),
        ),
      );
  }
  const parts = partitions(columns, new Set(sets.flatMap((s) => s.columns)));
  let next = rowCount * kk + kk;
  // One remainder cell per partition and row (plus one for the bases).
  const remainders: { cell: number; part: Partition; row: number | null }[] = [];
  for (const part of parts) {
    for (let i = 0; i <= rowCount; i++) {
      const row = i < rowCount ? i : null;
      const rem = next++;
      remainders.push({ cell: rem, part, row });
      const at = (k: number) => (row === null ? base(k) : interior(row, k));
      constraints.push(sumConstraint([...part.children.map(at), rem], at(part.parent)));
    }
  }
  const known = next;
  const totalColumn = columns.findIndex((c) => c.path.length === 0);
  // Set inequalities (rows and the base row): item + slack = Totaal; categories: Σ items + slack = M · Totaal.
  const slacks: { cell: number; value: (at: (k: number) => number) => number; row: number | null }[] = [];
  if (totalColumn >= 0) {
    for (const set of sets) {
      for (let i = 0; i <= rowCount; i++) {
        const row = i < rowCount ? i : null;
        const at = (k: number) => (row === null ? base(k) : interior(row, k));
        for (const k of set.columns) {
          const s = next++;
          slacks.push({ cell: s, row, value: (v) => v(totalColumn) - v(k) });
          constraints.push({ cells: [at(k), s, at(totalColumn)], coefs: [1, 1, -1] });
        }
        if (set.kind === 'categories') {
          const m = Math.max(1, set.maxPerCase);
          const s = next++;
          slacks.push({ cell: s, row, value: (v) => m * v(totalColumn) - set.columns.reduce((t, k) => t + v(k), 0) });
          constraints.push({ cells: [...set.columns.map(at), s, at(totalColumn)], coefs: [...set.columns.map(() => 1), 1, -m] });
        }
      }
    }
  }
  const fixed = Array.from({ length: next }, (_, c) => c >= rowCount * kk + kk && c < known);
  const free = Array.from({ length: next }, (_, c) => c >= known);
  const flatten = (values: readonly (readonly number[])[], bases: readonly number[]) => {
    const out = new Array<number>(next).fill(0);
    values.forEach((row, i) => row.forEach((v, k) => (out[interior(i, k)] = v)));
    bases.forEach((v, k) => (out[base(k)] = v));
    for (const { cell, part, row } of remainders) {
      const at = (k: number) => out[row === null ? base(k) : interior(row, k)];
      // Never negative: a group that over-counts (multiple response) cannot be a partition; the
      // clamp then makes the constraint inconsistent and the audit refuses the table loudly.
      out[cell] = Math.max(0, at(part.parent) - part.children.reduce((s, k) => s + at(k), 0));
    }
    // Weighted sums can differ from their parts by rounding; a slack is never negative.
    for (const { cell, row, value } of slacks)
      out[cell] = Math.max(
        0,
        value((k) => out[row === null ? base(k) : interior(row, k)]),
      );
    return out;
  };
  return {
    table: { size: next, constraints, fixed },
    interior,
    base,
    flatten,
    totalColumn,
    free,
  };
}
