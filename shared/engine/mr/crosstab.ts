/**
 * A multiple-response set in the rows of a crosstab (docs/cli.md): the set against one column
 * variable, listing what occurs (columns with a base, and for a categories set the codes held), with a
 * Totaal column in front that is the sum of the columns — the crosstab's margins, which the output
 * rules must see — and the conversion of such a table, after the rules, to the crosstab JSON shape.
 */
import type { Dataset } from '../../model/dataset';
import type { CrosstabTable, MrCell, MrResult } from '../../model/results';
import { variable } from '../vars';
import { mrTable, type MrTableOptions } from './table';

export type MrCrosstabOptions = Omit<MrTableOptions, 'columns' | 'includeLabelled' | 'tests'> & { col: string };

const add = (xs: (number | null)[]) => xs.reduce<number>((s, v) => s + (v ?? 0), 0);

function summed(cells: MrCell[]): MrCell {
  const count = add(cells.map((c) => c.count));
  const weighted = add(cells.map((c) => c.weighted));
  return { count, weighted, pct: null, sig: '', suppressed: false };
}

/** The set against `col` with a leading Totaal column that sums the others (the margins). */
export function mrCrosstabResult(ds: Dataset, opts: MrCrosstabOptions): MrResult {
  const r = mrTable(ds, { ...opts, columns: { total: false, items: [{ variable: opts.col }] }, includeLabelled: false });
  const keep = r.columns.map((_c, k) => k).filter((k) => (r.base.count[k] ?? 0) > 0);
  const pick = <T>(xs: T[]) => keep.map((k) => xs[k]);
  // Codes a categories set's members hold only in cases missing on the column variable are no row here.
  const rows = r.items.map((_it, i) => i).filter((i) => r.set.kind === 'dichotomies' || keep.some((k) => (r.cells[i][k].count ?? 0) > 0));
  const items = rows.map((i) => r.items[i]);
  const cells = rows.map((i) => pick(r.cells[i]));
  const any = pick(r.any);
  const baseCount = add(pick(r.base.count));
  const baseWeighted = add(pick(r.base.weighted));
  const withTotal = (row: MrCell[]): MrCell[] => {
    const t = summed(row);
    return [{ ...t, pct: baseWeighted > 0 ? (100 * (t.weighted ?? 0)) / baseWeighted : null }, ...row];
  };
  const responses = { count: pick(r.responses.count), weighted: pick(r.responses.weighted) };
  return {
    ...r,
    items,
    columns: [{ key: 'total', path: [], label: 'Totaal', group: 'Totaal', letter: '' }, ...pick(r.columns)],
    cells: cells.map(withTotal),
    any: withTotal(any),
    base: {
      count: [baseCount, ...pick(r.base.count)],
      weighted: [baseWeighted, ...pick(r.base.weighted)],
      // Σw² of the margin is not kept; the crosstab shape publishes no effective base.
      effective: [null, ...pick(r.base.effective)],
    },
    responses: { count: [add(responses.count), ...responses.count], weighted: [add(responses.weighted), ...responses.weighted] },
  };
}

const matrix = <T>(rows: MrCell[][], f: (c: MrCell, i: number, j: number) => T) => rows.map((row, i) => row.slice(1).map((c, j) => f(c, i, j)));

/** The crosstab JSON of a (rule-applied) mrCrosstabResult: rows are the items, `mr` holds base, any and responses. */
export function mrAsCrosstab(ds: Dataset, r: MrResult, col: string): CrosstabTable {
  const total = r.base.weighted[0];
  const rowTotals = r.cells.map((row) => row[0].weighted);
  const share = (part: number | null, whole: number | null) => (part === null || whole === null || !(whole > 0) ? null : (100 * part) / whole);
  const rest = <T>(xs: T[]) => xs.slice(1);
  return {
    rowVariable: r.set.name,
    colVariable: variable(ds, col).meta.name,
    rows: r.items,
    cols: rest(r.columns).map((c) => ({ code: c.path[0].code, label: c.label })),
    count: matrix(r.cells, (c) => c.count),
    weighted: matrix(r.cells, (c) => c.weighted),
    colPct: matrix(r.cells, (c) => c.pct),
    rowPct: matrix(r.cells, (c, i) => share(c.weighted, rowTotals[i])),
    totalPct: matrix(r.cells, (c) => share(c.weighted, total)),
    rowTotals,
    colTotals: rest(r.base.weighted),
    rowCounts: r.cells.map((row) => row[0].count),
    colCounts: rest(r.base.count),
    total,
    n: r.base.count[0] ?? undefined,
    chi2: null,
    suppressed: matrix(r.cells, (c) => c.suppressed),
    weight: r.weight ? r.weight.variable : null,
    weightInfo: r.weight,
    mr: {
      set: r.set.name,
      kind: r.set.kind,
      counted: r.set.counted,
      base: rest(r.base.count),
      baseWeighted: rest(r.base.weighted),
      any: rest(r.any).map((c) => c.count),
      anyWeighted: rest(r.any).map((c) => c.weighted),
      responses: rest(r.responses.weighted),
    },
    rules: r.rules,
  };
}
