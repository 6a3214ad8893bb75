/**
 * The intruder's view of a published layered crosstab, built from the published tables alone (not
 * from the code that chose the pattern): every layer table and the total table with their margins,
 * the equalities inside each table, and "sum over layers = total" at every row/column position (for the
 * overlapping items of a set layer: "each layer ≤ total" and "Σ layers ≤ M · total" instead).
 * `auditLayered` asks the existing LP audit how far each withheld cell can be narrowed down.
 */
import { auditSuppression, type AuditEntry } from '../../shared/disclosure/secondary/audit';
import { sumConstraint, type Constraint } from '../../shared/disclosure/secondary/linear-table';
import { requiredWidth, type RuleSet } from '../../shared/disclosure/rules';
import type { LayeredCrosstab } from '../../shared/engine/layer-result';
import { codeKey, compactNumeric, newVariable, type Dataset } from '../../shared/model/dataset';
import type { CrosstabTable } from '../../shared/model/results';

type Which = 'count' | 'weighted';

/** Cell values by (table, row code, col code); margins under row/col code "*". */
function cellsOf(t: CrosstabTable, which: Which): Map<string, number | null> {
  const m = new Map<string, number | null>();
  const g = which === 'count' ? t.count : t.weighted;
  const rowM = which === 'count' ? t.rowCounts! : t.rowTotals;
  const colM = which === 'count' ? t.colCounts! : t.colTotals;
  const grand = which === 'count' ? (t.n ?? null) : t.total;
  t.rows.forEach((r, i) => t.cols.forEach((c, j) => m.set(`${codeKey(r.code)}|${codeKey(c.code)}`, g[i][j])));
  t.rows.forEach((r, i) => m.set(`${codeKey(r.code)}|*`, rowM[i]));
  t.cols.forEach((c, j) => m.set(`*|${codeKey(c.code)}`, colM[j]));
  m.set('*|*', grand);
  return m;
}

/**
 * Audits all withheld cells of `published` (true values from `truth`, the unprotected result). A cell
 * below the threshold must keep an interval of the protection margin (in weight units for Σw).
 */
export function auditLayered(published: LayeredCrosstab, truth: LayeredCrosstab, rs: RuleSet, which: Which = 'count'): AuditEntry[] {
  const pubTables = [...published.layers.map((l) => l.table), ...(published.total ? [published.total] : [])];
  const trueTables = [...truth.layers.map((l) => l.table), ...(published.total ? [truth.total!] : [])];
  const total = truth.total!;
  const rowKeys = [...total.rows.map((r) => codeKey(r.code)), '*'];
  const colKeys = [...total.cols.map((c) => codeKey(c.code)), '*'];
  const values: number[] = [];
  const hidden: boolean[] = [];
  const need: number[] = [];
  const id = new Map<string, number>();
  trueTables.forEach((t, k) => {
    const tv = cellsOf(t, which);
    const tc = cellsOf(t, 'count');
    const pv = cellsOf(pubTables[k], which);
    for (const r of rowKeys)
      for (const c of colKeys) {
        const key = `${r}|${c}`;
        id.set(`${k}#${key}`, values.length);
        const v = tv.get(key) ?? 0; // a row or column the table does not show is a known zero
        const n = tc.get(key) ?? 0;
        values.push(v);
        hidden.push(pv.has(key) && pv.get(key) === null);
        const small = n > 0 && n < rs.minCount;
        need.push(small ? (requiredWidth(n, rs.protectionMargin) * v) / n : 0);
      }
  });
  const cons: Constraint[] = [];
  const at = (k: number, r: string, c: string) => id.get(`${k}#${r}|${c}`)!;
  const inner = (keys: string[]) => keys.slice(0, -1);
  trueTables.forEach((_t, k) => {
    for (const r of rowKeys)
      cons.push(
        sumConstraint(
          inner(colKeys).map((c) => at(k, r, c)),
          at(k, r, '*'),
        ),
      );
    for (const c of colKeys)
      cons.push(
        sumConstraint(
          inner(rowKeys).map((r) => at(k, r, c)),
          at(k, '*', c),
        ),
      );
  });
  if (published.total && truth.overlapping) {
    // Items of a set overlap: each layer's cell is at most the total's, and with at most M items per case
    // the layers hold at most M times the total. An inequality is an equality with an unknown slack
    // (hidden, needing no protection of its own).
    const m = trueTables.length - 1;
    const M = truth.overlapping.maxPerCase;
    const slack = (v: number) => {
      values.push(v);
      hidden.push(true);
      need.push(0);
      return values.length - 1;
    };
    for (const r of rowKeys)
      for (const c of colKeys) {
        const T = at(m, r, c);
        for (let k = 0; k < m; k++) cons.push({ cells: [at(k, r, c), slack(values[T] - values[at(k, r, c)]), T], coefs: [1, 1, -1] });
        if (M < m) {
          const parts = Array.from({ length: m }, (_, k) => at(k, r, c));
          const u = slack(M * values[T] - parts.reduce((sum, p) => sum + values[p], 0));
          cons.push({ cells: [...parts, u, T], coefs: [...parts.map(() => 1), 1, -M] });
        }
      }
  } else if (published.total) {
    const m = trueTables.length - 1;
    for (const r of rowKeys)
      for (const c of colKeys)
        cons.push(
          sumConstraint(
            Array.from({ length: m }, (_, k) => at(k, r, c)),
            at(m, r, c),
          ),
        );
  }
  return auditSuppression(values, hidden, { size: values.length, constraints: cons }, (cell) => need[cell], { integer: which === 'count' });
}

/**
 * A dataset of cases (a, b, the items of a dichotomy set $s they tick): `cases[i] = [a, b, ...ticked]`,
 * items numbered from 0; the set's members are s1 … sN with counted value 1.
 */
export function datasetWithSet(cases: readonly (readonly number[])[], nItems: number): Dataset {
  const col = (xs: number[]) => ({ kind: 'numeric' as const, data: compactNumeric(Float64Array.from(xs)) });
  const members = Array.from({ length: nItems }, (_, j) => `s${j + 1}`);
  return {
    name: 'set-cube',
    rows: cases.length,
    variables: ['a', 'b', ...members].map((n) => newVariable(n, 'numeric', { measure: 'nominal' })),
    columns: [col(cases.map((c) => c[0])), col(cases.map((c) => c[1])), ...members.map((_, j) => col(cases.map((c) => (c.slice(2).includes(j) ? 1 : 0))))],
    weight: null,
    fileLabel: '',
    documents: [],
    mrSets: [{ name: '$s', label: 'Set', type: 'dichotomies', countedValue: 1, variables: members }],
  };
}

/** A dataset whose a × b × c table has the given counts: cube[c][a][b], codes from 1. */
export function datasetFromCube(cube: number[][][]): Dataset {
  const a: number[] = [];
  const b: number[] = [];
  const c: number[] = [];
  cube.forEach((layer, l) =>
    layer.forEach((row, i) =>
      row.forEach((n, j) => {
        for (let k = 0; k < n; k++) {
          a.push(i + 1);
          b.push(j + 1);
          c.push(l + 1);
        }
      }),
    ),
  );
  const col = (xs: number[]) => ({ kind: 'numeric' as const, data: compactNumeric(Float64Array.from(xs)) });
  return {
    name: 'cube',
    rows: a.length,
    variables: ['a', 'b', 'c'].map((n) => newVariable(n, 'numeric', { measure: 'nominal' })),
    columns: [col(a), col(b), col(c)],
    weight: null,
    fileLabel: '',
    documents: [],
    mrSets: [],
  };
}
