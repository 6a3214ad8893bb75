/**
 * Every expression in oracle/cases.json is evaluated by PSPP (oracle/make.sh) and by us on the same
 * ten rows with user-missing values; the numbers must agree. This pins SPSS semantics we chose to copy:
 * precedence (-x**2, left-associative **), 0 * missing = 0, user-missing as missing, mean.n, rnd.
 */
import oracleCases from './oracle/cases.json';
import dataText from './oracle/data.txt?raw';
import expectedText from './oracle/expected.csv?raw';
import { describe, expect, it } from 'vitest';
import { makeDataset } from '../testing';
import { evaluateNumeric } from './evaluate';
import { parseExpr } from './parse';

const cases = oracleCases.cases as [string, string, string?][];
const rows = dataText
  .trim()
  .split('\n')
  .map((l) => l.trim().split(/\s+/));
const num = (s: string): number => (s === '.' ? NaN : Number(s));
const names = ['id', 'x', 'y', 'q1', 'q2', 'q3', 'q4', 'q5'];
const ds = makeDataset([...names.map((name, k) => ({ name, values: rows.map((r) => num(r[k])) })), { name: 's', values: rows.map((r) => r[8]) }]);
ds.variables[1].missing = { values: [9], range: null };
ds.variables[2].missing = { values: [], range: [90, 99] };
ds.variables[4].missing = { values: [-1], range: null };

const [header, ...lines] = expectedText.trim().split('\n');
const columns = header.split(',');
const expected = lines.map((l) => l.split(','));

describe('expressions agree with PSPP', () => {
  it.each(cases)('%s: %s', (name, ours) => {
    const got = evaluateNumeric(parseExpr(ours), ds);
    const k = columns.indexOf(name);
    expect(k).toBeGreaterThan(0);
    expected.forEach((row, i) => {
      const cell = row[k].trim();
      if (cell === '') expect(got[i], `row ${i + 1}`).toBeNaN();
      else expect(got[i], `row ${i + 1}`).toBeCloseTo(Number(cell), 9);
    });
  });
});
