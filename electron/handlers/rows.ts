/** Pages of rows for the data grid, read from the in-memory dataset: the renderer never holds it all. */
import { codeKey, isUserMissing, numericAt, type Dataset } from '../../shared/model/dataset';
import type { RowPage } from '../../shared/api/project';

export function rowPage(ds: Dataset, start: number, count: number, labels: boolean): RowPage {
  const end = Math.min(ds.rows, start + count);
  const values: RowPage['values'] = [];
  const missing: RowPage['missing'] = [];
  for (let r = start; r < end; r++) {
    const rowValues: (number | string | null)[] = [];
    const rowMissing: string[] = [];
    ds.variables.forEach((v, c) => {
      const col = ds.columns[c];
      if (col.kind === 'string') {
        const s = col.dict[col.codes[r]] ?? '';
        rowValues.push(labels ? (v.valueLabels[s] ?? s) : s);
        rowMissing.push(isUserMissing(v.missing, s) ? 'u' : '');
        return;
      }
      const x = numericAt(col, r);
      if (x !== x) {
        rowValues.push(null);
        rowMissing.push('s');
        return;
      }
      rowValues.push(labels ? (v.valueLabels[codeKey(x)] ?? x) : x);
      rowMissing.push(isUserMissing(v.missing, x) ? 'u' : '');
    });
    values.push(rowValues);
    missing.push(rowMissing);
  }
  return { start, total: ds.rows, columns: ds.variables.map((v) => v.name), values, missing };
}
