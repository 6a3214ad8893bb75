/** Loads fixture.csv (written by make.R) as a Dataset; `a` has user-missing code 9, blanks are system-missing. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Dataset, compactNumeric, newVariable } from '../../../shared/model/dataset';

export function loadFixture(): Dataset {
  const text = readFileSync(join(__dirname, 'fixture.csv'), 'utf8').trim().split('\n');
  const names = text[0].split(',').map((s) => s.replace(/"/g, ''));
  const cols = names.map(() => [] as number[]);
  for (const line of text.slice(1)) {
    line.split(',').forEach((cell, j) => cols[j].push(cell === '' || cell === 'NA' ? NaN : Number(cell)));
  }
  const variables = names.map((name) =>
    newVariable(name, 'numeric', {
      measure: name === 'y' || name === 'w' || name === 'fw' ? 'scale' : 'nominal',
      missing: name === 'a' ? { values: [9], range: null } : { values: [], range: null },
      valueLabels: name === 'a' ? { '1': 'een', '9': 'weet niet' } : {},
    }),
  );
  return {
    name: 'fixture',
    rows: cols[0].length,
    variables,
    weight: null,
    fileLabel: '',
    documents: [],
    mrSets: [],
    columns: cols.map((c) => ({ kind: 'numeric' as const, data: compactNumeric(Float64Array.from(c)) })),
  };
}

export function loadExpected(): Record<string, any> {
  return JSON.parse(readFileSync(join(__dirname, 'expected.json'), 'utf8'));
}

/** |a−b| ≤ rel·max(|b|, tiny). */
export function closeRel(a: number, b: number, rel = 1e-9): boolean {
  return Math.abs(a - b) <= rel * Math.max(Math.abs(b), 1e-300);
}
