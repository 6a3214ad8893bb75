/**
 * A layered crosstab seen as one 3-D table for the audit: every layer table and the total table laid
 * out on the total's rows and columns (crosstabLayout, margins included), tied by the equalities inside
 * each table and by "layer₁ + … + layerₘ − total = 0" at every position. A row or column a layer does
 * not show is a known zero (fixed): the intruder knows it, and suppressing it protects nothing.
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
export function buildCube(tables: readonly CrosstabTable[]): Cube {
  const total = tables[tables.length - 1];
  const layout = crosstabLayout(total.rows.length, total.cols.length);
  const size = layout.table.size;
  const m = tables.length;
  const constraints: Constraint[] = [];
  for (let t = 0; t < m; t++) {
    for (const c of layout.table.constraints) constraints.push({ cells: c.cells.map((x) => x + t * size), coefs: c.coefs });
  }
  for (let p = 0; p < size; p++) {
    constraints.push(
      sumConstraint(
        Array.from({ length: m - 1 }, (_, t) => t * size + p),
        (m - 1) * size + p,
      ),
    );
  }
  const own = tables.map((t) => ownMap(t, total, layout));
  const fixed = new Array<boolean>(m * size).fill(true);
  own.forEach((map, t) => map.forEach((p) => (fixed[t * size + p] = false)));
  return {
    table: { size: m * size, constraints, fixed },
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
  return out;
}
