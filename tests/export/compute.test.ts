/**
 * Which tables a book contains and which it refuses: the question list, the filter expression, and a
 * table too small to publish at all (blocked, listed in the index with its reason, no sheet).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveQuestions, writeBook } from '../../electron/export/book';
import { parseBookSpec } from '../../shared/book/book';
import { makeDataset } from './fixtures';
import { findRow, internalLinks, readBook } from './read-book';

const ds = makeDataset();
const base = { version: 1 as const, title: 'T', dataset: 'test', banner: { total: true, items: [{ variable: 'gemeente' }] } };

describe('book contents', () => {
  it('takes all labelled categorical variables except identifiers, the weight and the banner', () => {
    const spec = parseBookSpec({ ...base, weight: { variable: 'w', type: 'sampling' }, questions: { allCategorical: true } });
    expect(resolveQuestions(ds, spec)).toEqual(['geslacht', 'q1', 'q2']);
    expect(() => resolveQuestions(ds, parseBookSpec({ ...base, questions: ['q1', 'nope'] }))).toThrow(/nope/);
    expect(resolveQuestions(ds, parseBookSpec({ ...base, questions: { folder: 'Buurt' } }), { Buurt: ['q2', 'gone'] })).toEqual(['q2']);
  });

  it('applies the filter expression and blocks a table below the minimum count', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'duiding-book-filter-')), 'boek.xlsx');
    const report = await writeBook(ds, { ...base, filter: 'gemeente = 4 and leeftijd < 36', questions: ['q1'] }, out);
    expect(report.tables).toEqual([expect.objectContaining({ variable: 'q1', sheet: null, status: 'blocked' })]);
    expect(report.tables[0].reason).toMatch(/gebaseerd op [0-8] waarneming/);
    const book = await readBook(out);
    expect(book.wb.worksheets.map((w) => w.name)).toEqual(['Inhoud', 'Controle']);
    const index = book.wb.getWorksheet('Inhoud')!;
    expect(String(index.getCell(findRow(index, '1'), 4).value)).toMatch(/niet gepubliceerd: .*gebaseerd op [0-8] waarneming/);
    expect([...internalLinks(book, 1).values()]).toEqual(["'Controle'!A1"]);
  });
});
