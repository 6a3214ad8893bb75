// Writes the generated demo dataset as a plain CSV of codes (system-missing empty) for the R oracle.
// Usage: npx tsx tests/oracle/demo/export-demo.ts OUT.csv
import { writeFileSync } from 'node:fs';
import { generateDemo } from '../../../resources/demo/generate';
import { numericAt } from '../../../shared/model/dataset';

const ds = generateDemo();
const names = ds.variables.filter((v) => v.type === 'numeric').map((v) => v.name);
const idx = names.map((n) => ds.variables.findIndex((v) => v.name === n));
const lines = [names.join(',')];
for (let r = 0; r < ds.rows; r++) {
  lines.push(
    idx
      .map((i) => {
        const c = ds.columns[i];
        if (c.kind !== 'numeric') return '';
        const v = numericAt(c, r);
        return v === v ? String(v) : '';
      })
      .join(','),
  );
}
writeFileSync(process.argv[2], lines.join('\n') + '\n');
