/**
 * Property: any table of cells (with delimiters, quotes, CR/LF inside) written as RFC 4180 CSV and
 * fed to the splitter in arbitrary chunks comes back cell for cell, with the right starting lines.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecordSplitter } from './records';

const cell = fc.string({ maxLength: 6, unit: fc.constantFrom('a', 'é', ';', ',', '"', '\n', '\r\n', ' ', '1') });

function quote(c: string): string {
  return /[";,\r\n]/.test(c) || c === '' ? `"${c.replace(/"/g, '""')}"` : c;
}

describe('RecordSplitter', () => {
  it('round-trips quoted tables across any chunking', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(',', ';'),
        fc.integer({ min: 1, max: 4 }).chain((w) => fc.array(fc.array(cell, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 6 })),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.constantFrom('\n', '\r\n'),
        (delim, table, cuts, eol) => {
          const text = table.map((r) => r.map((c) => quote(c)).join(delim)).join(eol) + eol;
          const got: { fields: string[]; line: number }[] = [];
          const s = new RecordSplitter(delim, '"', (fields, line) => got.push({ fields, line }));
          const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          let at = 0;
          for (const p of points) {
            s.push(text.slice(at, p));
            at = p;
          }
          s.push(text.slice(at));
          s.end();
          expect(got.map((g) => g.fields)).toEqual(table);
          // Each record starts on the line after the previous record's line breaks.
          let line = 1;
          table.forEach((r, i) => {
            expect(got[i].line).toBe(line);
            line += r.reduce((n, c) => n + (c.match(/\n/g) ?? []).length, 0) + 1;
          });
        },
      ),
      { numRuns: 500, seed: 1513 },
    );
  });
});
