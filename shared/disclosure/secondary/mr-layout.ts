/**
 * A multiple-response table as the auditor sees it. Its cells are not additive — a case can hold
 * several items — so, unlike a banner, no row sums to the base. What an intruder does know, per
 * column k, from the set's definition:
 *
 *   item_ik ≤ any_k               (a case with an item has at least one)
 *   any_k ≤ Σ_i item_ik           (a case in "any" has at least one item)
 *   any_k ≤ base_k                (dichotomies; a categories set has any_k = base_k: a valid answer is an item)
 *   Σ_i item_ik ≤ M · any_k       (categories: a case names at most M = min(members, items) codes)
 *
 * and, across columns, that a column group partitions Totaal (and a nest its parent), for each item,
 * "any" and the base alike, with the cases missing on a banner variable as a remainder he is assumed to
 * know (as banner-layout.ts does). So each item is its own table with the base as its total, bound to
 * the others only through "any". These are all the linear facts there are: for given base, any and
 * items that satisfy them, a set of cases with exactly those counts exists (fill the "any" cases with
 * the items round-robin, McNaughton's wrap-around rule), so no further equation narrows a cell.
 *
 * Inequalities enter the linear table as equalities with a slack cell ≥ 0 that is never published and
 * unknown to the intruder (`free`, see suppress.ts).
 */
import type { BannerColumn } from '../../model/results';
import { partitions } from './banner-layout';
import { sumConstraint, type Constraint, type LinearTable } from './linear-table';

export interface MrLayout {
  table: LinearTable;
  /** Slack cells of the inequalities: hidden, unknown, never published. */
  free: boolean[];
  item: (i: number, k: number) => number;
  any: (k: number) => number;
  base: (k: number) => number;
  /** Values of every cell (remainders and slacks computed) for items[i][k], any[k], base[k]. */
  flatten: (items: readonly (readonly number[])[], any: readonly number[], base: readonly number[]) => number[];
  totalColumn: number;
}

export interface MrLayoutShape {
  nItems: number;
  columns: readonly BannerColumn[];
  kind: 'dichotomies' | 'categories';
  /** Most items one case can hold (categories sets): min(members, items). */
  maxPerCase: number;
}

export function mrLayout(shape: MrLayoutShape): MrLayout {
  const { nItems, columns, kind } = shape;
  const K = columns.length;
  const item = (i: number, k: number) => i * K + k;
  const any = (k: number) => nItems * K + k;
  const base = (k: number) => (nItems + 1) * K + k;
  const rows = nItems + 2;
  let next = rows * K;
  const constraints: Constraint[] = [];
  const computed: ((v: number[]) => void)[] = [];
  const kinds: ('fixed' | 'free')[] = [];
  const cell = (what: 'fixed' | 'free', value: (v: number[]) => number) => {
    const id = next++;
    kinds.push(what);
    // Weighted sums can differ from their parts by rounding; a slack is never negative.
    computed.push((v) => (v[id] = Math.max(0, value(v))));
    return id;
  };
  // Partitions of Totaal and of nest parents, per row (items, any, base), remainders known.
  for (const part of partitions(columns)) {
    for (let r = 0; r < rows; r++) {
      const at = (k: number) => r * K + k;
      const rem = cell('fixed', (v) => v[at(part.parent)] - part.children.reduce((s, k) => s + v[at(k)], 0));
      constraints.push(sumConstraint([...part.children.map(at), rem], at(part.parent)));
    }
  }
  const sumItems = (v: number[], k: number) => {
    let s = 0;
    for (let i = 0; i < nItems; i++) s += v[item(i, k)];
    return s;
  };
  for (let k = 0; k < K; k++) {
    for (let i = 0; i < nItems; i++) {
      // item + slack = any
      const s = cell('free', (v) => v[any(k)] - v[item(i, k)]);
      constraints.push({ cells: [item(i, k), s, any(k)], coefs: [1, 1, -1] });
    }
    const itemCells = Array.from({ length: nItems }, (_, i) => item(i, k));
    // Σ items − slack = any
    const u = cell('free', (v) => sumItems(v, k) - v[any(k)]);
    constraints.push({ cells: [...itemCells, u, any(k)], coefs: [...itemCells.map(() => 1), -1, -1] });
    if (kind === 'dichotomies') {
      const slack = cell('free', (v) => v[base(k)] - v[any(k)]);
      constraints.push({ cells: [any(k), slack, base(k)], coefs: [1, 1, -1] });
    } else {
      constraints.push({ cells: [any(k), base(k)], coefs: [1, -1] });
      const m = Math.max(1, shape.maxPerCase);
      const q = cell('free', (v) => m * v[any(k)] - sumItems(v, k));
      constraints.push({ cells: [...itemCells, q, any(k)], coefs: [...itemCells.map(() => 1), 1, -m] });
    }
  }
  const size = next;
  const fixed = Array.from({ length: size }, (_, c) => c >= rows * K && kinds[c - rows * K] === 'fixed');
  const free = Array.from({ length: size }, (_, c) => c >= rows * K && kinds[c - rows * K] === 'free');
  const flatten = (items: readonly (readonly number[])[], anyV: readonly number[], baseV: readonly number[]) => {
    const v = new Array<number>(size).fill(0);
    items.forEach((row, i) => row.forEach((x, k) => (v[item(i, k)] = x)));
    anyV.forEach((x, k) => (v[any(k)] = x));
    baseV.forEach((x, k) => (v[base(k)] = x));
    for (const f of computed) f(v);
    return v;
  };
  return { table: { size, constraints, fixed }, free, item, any, base, flatten, totalColumn: columns.findIndex((c) => c.path.length === 0) };
}
