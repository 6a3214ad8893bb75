/**
 * Reads a small numeric/string CSV written by R's write.csv into a Dataset (test helper only).
 * Empty cells are system-missing; a column with any non-numeric value becomes a string variable.
 */
import { readFileSync } from 'node:fs';
import { type Column, type Dataset, type MissingSpec, newVariable } from '../../../shared/model/dataset';

function unquote(s: string): string {
  return s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s;
}

export function loadCsvDataset(path: string, missing: Record<string, MissingSpec> = {}): Dataset {
  const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const header = lines[0].split(',').map(unquote);
  const cells = lines.slice(1).map((l) => l.split(',').map(unquote));
  const columns: Column[] = [];
  const variables = header.map((name, j) => {
    const raw = cells.map((r) => r[j]);
    const numeric = raw.every((v) => v === '' || v === 'NA' || Number.isFinite(Number(v)));
    if (numeric) {
      columns.push({ kind: 'numeric', data: Float64Array.from(raw, (v) => (v === '' || v === 'NA' ? NaN : Number(v))) });
      return newVariable(name, 'numeric', { missing: missing[name] ?? { values: [], range: null } });
    }
    const dict = [...new Set(raw)].sort();
    columns.push({ kind: 'string', codes: Int32Array.from(raw, (v) => dict.indexOf(v)), dict });
    return newVariable(name, 'string', { measure: 'nominal' });
  });
  return { name: 'fixture', rows: cells.length, variables, columns, weight: null, fileLabel: '', documents: [], mrSets: [] };
}
