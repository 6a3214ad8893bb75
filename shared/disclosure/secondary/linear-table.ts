/**
 * A table seen as the auditor sees it: a flat list of cells (interior cells and margins alike) tied
 * together by linear equalities "parts − total = 0". Crosstabs, banners and frequency tables are all
 * mapped onto this one shape, so the primary rules, the secondary suppression and the audit never
 * need to know which kind of table they protect.
 */

/** Σ coefs[t] · x[cells[t]] = 0 */
export interface Constraint {
  cells: number[];
  coefs: number[];
}

export interface LinearTable {
  /** Number of cells; cell ids are 0 … size−1. */
  size: number;
  constraints: Constraint[];
  /**
   * Cells that are never published nor suppressed but are known to the intruder (e.g. the cases
   * missing on one banner variable, which the conservative audit treats as published).
   */
  fixed?: boolean[];
}

/** Builds "parts − total = 0". */
export function sumConstraint(parts: number[], total: number): Constraint {
  return { cells: [...parts, total], coefs: [...parts.map(() => 1), -1] };
}

/** For each cell, the indices of the constraints it appears in. */
export function constraintsByCell(t: LinearTable): number[][] {
  const out: number[][] = Array.from({ length: t.size }, () => []);
  t.constraints.forEach((c, k) => {
    for (const cell of c.cells) out[cell].push(k);
  });
  return out;
}

/** Disjoint-set forest over cell ids. */
export class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(x: number): number {
    let r = x;
    while (this.parent[r] !== r) r = this.parent[r];
    while (this.parent[x] !== r) {
      const next = this.parent[x];
      this.parent[x] = r;
      x = next;
    }
    return r;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[ra] = rb;
  }
}

/**
 * Groups the suppressed cells into independent sub-problems: two suppressed cells belong together
 * when some constraint contains both. Each group is audited with its own (small) LP.
 */
export function suppressedComponents(t: LinearTable, suppressed: readonly boolean[]): number[][] {
  const uf = new UnionFind(t.size);
  for (const c of t.constraints) {
    let first = -1;
    for (const cell of c.cells) {
      if (!suppressed[cell]) continue;
      if (first < 0) first = cell;
      else uf.union(first, cell);
    }
  }
  const groups = new Map<number, number[]>();
  for (let cell = 0; cell < t.size; cell++) {
    if (!suppressed[cell]) continue;
    const root = uf.find(cell);
    const g = groups.get(root);
    if (g) g.push(cell);
    else groups.set(root, [cell]);
  }
  return [...groups.values()];
}

/**
 * Crosstab layout for R rows × C columns with margins: interior (i, j) at i·C + j, row total i at
 * R·C + i, column total j at R·C + R + j, grand total at R·C + R + C.
 */
export function crosstabLayout(r: number, c: number) {
  const interior = (i: number, j: number) => i * c + j;
  const rowTotal = (i: number) => r * c + i;
  const colTotal = (j: number) => r * c + r + j;
  const grand = r * c + r + c;
  const constraints: Constraint[] = [];
  for (let i = 0; i < r; i++) {
    constraints.push(
      sumConstraint(
        Array.from({ length: c }, (_, j) => interior(i, j)),
        rowTotal(i),
      ),
    );
  }
  for (let j = 0; j < c; j++) {
    constraints.push(
      sumConstraint(
        Array.from({ length: r }, (_, i) => interior(i, j)),
        colTotal(j),
      ),
    );
  }
  constraints.push(
    sumConstraint(
      Array.from({ length: r }, (_, i) => rowTotal(i)),
      grand,
    ),
  );
  constraints.push(
    sumConstraint(
      Array.from({ length: c }, (_, j) => colTotal(j)),
      grand,
    ),
  );
  const table: LinearTable = { size: grand + 1, constraints };
  return { table, interior, rowTotal, colTotal, grand };
}

/** Flattens a crosstab's interior and margins into the layout's cell order. */
export function flattenCrosstab(inner: readonly (readonly number[])[], rowTotals: readonly number[], colTotals: readonly number[], grand: number): number[] {
  const out: number[] = [];
  for (const row of inner) out.push(...row);
  out.push(...rowTotals, ...colTotals, grand);
  return out;
}
