/**
 * Builds small datasets for tests: numbers (NaN = system-missing) become compact numeric columns,
 * strings become dictionary-encoded columns.
 */
import type { Column, Dataset, VariableMeta } from '../model/dataset';
import { compactNumeric, newVariable } from '../model/dataset';

export type TestVar = { name: string; values: (number | string)[] } & Partial<Omit<VariableMeta, 'name'>>;

export function column(values: (number | string)[]): Column {
  if (values.every((v) => typeof v === 'number')) {
    return { kind: 'numeric', data: compactNumeric(Float64Array.from(values as number[])) };
  }
  const dict: string[] = [];
  const index = new Map<string, number>();
  const codes = new Int32Array(values.length);
  values.forEach((v, i) => {
    const s = String(v);
    let c = index.get(s);
    if (c === undefined) {
      c = dict.length;
      dict.push(s);
      index.set(s, c);
    }
    codes[i] = c;
  });
  return { kind: 'string', codes, dict };
}

export function makeDataset(vars: TestVar[], name = 'test'): Dataset {
  const rows = vars.length ? vars[0].values.length : 0;
  const columns = vars.map((v) => column(v.values));
  const variables = vars.map(({ name: n, values: _values, ...rest }, k) => newVariable(n, columns[k].kind === 'numeric' ? 'numeric' : 'string', rest));
  return { name, rows, variables, columns, weight: null, fileLabel: '', documents: [], mrSets: [] };
}
