/**
 * A layered crosstab seen as one 3-D table for the audit: every layer table and the total table laid
 * out on the total's rows and columns (crosstabLayout, margins included), tied by the equalities inside
 * each table and by "layer₁ + … + layerₘ − total = 0" at every position. A row or column a layer does
 * not show is a known zero (fixed): the intruder knows it, and suppressing it protects nothing.
 *
 * When the layers are the overlapping items of a multiple-response set (set-layers.ts), no sum holds.
 * What the intruder knows instead is that each layer's cell is at most the total's (its cases are among
 * the total's) and, for a categories set whose cases name at most M items, that the layers together hold
 * at most M times the total. Each inequality becomes an equality with a slack cell that is free (never
 * published, unknown: shared/disclosure/secondary/suppress.ts), as mr-layout.ts does for set tables.
 */
import type { CrosstabTable } from '../../model/results';
import { codeKey } from '../../model/dataset';
import { crosstabLayout, flattenCrosstab, sumConstraint, type Constraint, type LinearTable } from '../secondary/linear-table';

export interface Cube {
  table: LinearTable;
  /** Cells per table (= one crosstab layout of the total's shape). */
  size: number;
  /** Number of tables: the layers, then the total. */
  tables: number;
  layout: ReturnType<typeof crosstabLayout>;
  /** Per table: own layout cell → cube cell. */
  own: number[][];
  /** Per table: own layout size, rows, cols. */
  shapes: { r: number; c: number }[];
  /** Slack cells of the inequalities of overlapping layers (none otherwise), for protectTable's `free`. */
  free: boolean[];
  /** Fills the slack cells of `values` from the tables' cells. */
  completeSlacks: (values: number[]) => void;
}

export interface CubeOverlap {
  /** Most layers one case can be in; below the number of layers it bounds their sum. */
  maxPerCase: number;
}

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

/** Own cell index → cube position for one table whose rows/cols are a subset of the total's. */
function ownMap(t: CrosstabTable, total: CrosstabTable, layout: Cube['layout']): number[] {
  const rowAt = new Map(total.rows.map((r, i) => [codeKey(r.code), i]));
  const colAt = new Map(total.cols.map((c, j) => [codeKey(c.code), j]));
  const ri = t.rows.map((r) => rowAt.get(codeKey(r.code)));
  const cj = t.cols.map((c) => colAt.get(codeKey(c.code)));
  if (ri.some((x) => x === undefined) || cj.some((x) => x === undefined)) {
    throw new Error('layer table has a category the total table lacks');
  }
  const own = crosstabLayout(t.rows.length, t.cols.length);
  const map = new Array<number>(own.table.size);
  ri.forEach((I, i) => cj.forEach((J, j) => (map[own.interior(i, j)] = layout.interior(I!, J!))));
  ri.forEach((I, i) => (map[own.rowTotal(i)] = layout.rowTotal(I!)));
  cj.forEach((J, j) => (map[own.colTotal(j)] = layout.colTotal(J!)));
  map[own.grand] = layout.grand;
  return map;
}

/** The cube's structure; `tables` = layer tables followed by the total. */
export function buildCube(tables: readonly CrosstabTable[], overlap?: CubeOverlap): Cube {
  const total = tables[tables.length - 1];
  const layout = crosstabLayout(total.rows.length, total.cols.length);
  const size = layout.table.size;
  const m = tables.length;
  const layers = m - 1;
  const constraints: Constraint[] = [];
  for (let t = 0; t < m; t++) {
    for (const c of layout.table.constraints) constraints.push({ cells: c.cells.map((x) => x + t * size), coefs: c.coefs });
  }
  const totalAt = (p: number) => layers * size + p;
  let cells = m * size;
  const slackValue: ((v: number[]) => number)[] = [];
  const slack = (value: (v: number[]) => number) => (slackValue.push(value), cells++);
  for (let p = 0; p < size; p++) {
    const parts = Array.from({ length: layers }, (_, t) => t * size + p);
    if (!overlap) {
      constraints.push(sumConstraint(parts, totalAt(p)));
      continue;
    }
    // layer ≤ total:  layer + s − total = 0, s ≥ 0 unknown.
    for (const cell of parts) {
      const s = slack((v) => v[totalAt(p)] - v[cell]);
      constraints.push({ cells: [cell, s, totalAt(p)], coefs: [1, 1, -1] });
    }
    // Σ layers ≤ M · total (binding only when a case can be in fewer layers than there are).
    if (overlap.maxPerCase < layers) {
      const M = overlap.maxPerCase;
      const u = slack((v) => M * v[totalAt(p)] - parts.reduce((a, c) => a + v[c], 0));
      constraints.push({ cells: [...parts, u, totalAt(p)], coefs: [...parts.map(() => 1), 1, -M] });
    }
  }
  const own = tables.map((t) => ownMap(t, total, layout));
  const fixed = new Array<boolean>(cells).fill(false);
  for (let k = 0; k < m * size; k++) fixed[k] = true;
  own.forEach((map, t) => map.forEach((p) => (fixed[t * size + p] = false)));
  const free = new Array<boolean>(cells).fill(false);
  for (let k = m * size; k < cells; k++) free[k] = true;
  return {
    free,
    // Weighted sums can differ from their parts by rounding; a slack is never negative.
    completeSlacks: (v) => slackValue.forEach((value, k) => (v[m * size + k] = Math.max(0, value(v)))),
    table: { size: cells, constraints, fixed },
    size,
    tables: m,
    layout,
    own: own.map((map, t) => map.map((p) => t * size + p)),
    shapes: tables.map((t) => ({ r: t.rows.length, c: t.cols.length })),
  };
}

/** One value per cube cell from each table's own matrix and margins (0 where a table has no cell). */
export function cubeValues(cube: Cube, grids: readonly (readonly (readonly number[])[])[]): number[] {
  const out = new Array<number>(cube.table.size).fill(0);
  grids.forEach((g, t) => {
    const { c } = cube.shapes[t];
    const rowT = g.map(sum);
    const colT = Array.from({ length: c }, (_, j) => sum(g.map((row) => row[j])));
    flattenCrosstab(g, rowT, colT, sum(rowT)).forEach((v, k) => (out[cube.own[t][k]] = v));
  });
  cube.completeSlacks(out);
  return out;
}
