/**
 * A Dutch tabellenboek of the demo data says why tables are missing in Dutch: the output rules'
 * reasons come from their codes (shared/i18n/messages.ts), not from the English `reasons` texts.
 * Read back from the written workbook and from the CSV/HTML exports of the same spec.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BookReport, computeBook, writeBook } from '../../electron/export/book';
import { groupModels, renderModels } from '../../shared/format/render-tables';
import { defaultRuleSet } from '../../shared/disclosure/rules';
import { generateDemo } from '../../resources/demo/generate';
import type { Dataset } from '../../shared/model/dataset';
import { parseBookSpec, type BookSpec } from '../../shared/book/book';
import { type ReadBook, allCells, readBook } from './read-book';

/** Words of the English rule texts; none may appear in a Dutch document. */
const ENGLISH = /cell\(s\)|suppressed|based on fewer|based on \d+ units|further cell|withheld|identifier|linking key|below \d+|blocked by/i;

const demoSpec = JSON.parse(readFileSync(join(__dirname, '../../resources/demo/book.json'), 'utf8')) as Record<string, unknown>;
/** The demo book plus the identifier respnr (blocked), and the same on a tiny selection (all blocked). */
const withId: BookSpec = parseBookSpec({ ...demoSpec, questions: ['leefbaarheid', 'eenzaamheid', 'respnr'] });
const tiny: BookSpec = parseBookSpec({ ...demoSpec, questions: ['leefbaarheid', 'eenzaamheid'], filter: 'golf = 2025 and gemeente = 6 and leeftijd < 37' });

let ds: Dataset;
const books: { report: BookReport; book: ReadBook }[] = [];

beforeAll(async () => {
  ds = generateDemo();
  const dir = mkdtempSync(join(tmpdir(), 'duiding-book-nl-'));
  for (const [i, spec] of [withId, tiny].entries()) {
    const out = join(dir, `boek${i}.xlsx`);
    const report = await writeBook(ds, spec, out);
    books.push({ report, book: await readBook(out) });
  }
});

const texts = (b: ReadBook) =>
  allCells(b.wb).map((c) => (typeof c.value === 'object' && c.value && 'text' in c.value ? String(c.value.text) : String(c.value)));

describe('Dutch tabellenboek of the demo', () => {
  it('gives the reasons of blocked tables in Dutch', () => {
    const [id, small] = books;
    expect(id.report.tables.find((t) => t.variable === 'respnr')).toMatchObject({
      status: 'blocked',
      reason: expect.stringMatching(/^respnr: gemarkeerd als identificatievariabele/),
    });
    expect(small.report.tables.map((t) => t.status)).toEqual(['blocked', 'blocked']);
    for (const t of small.report.tables) expect(t.reason).toMatch(/^tabel gebaseerd op \d waarnemingen?, minder dan 10$/);
    expect(texts(id.book).some((x) => /^niet gepubliceerd: respnr: gemarkeerd als identificatievariabele/.test(x))).toBe(true);
    expect(texts(small.book).some((x) => /^niet gepubliceerd: tabel gebaseerd op/.test(x))).toBe(true);
  });

  it('contains no English rule words in any cell', () => {
    for (const { book } of books) {
      const english = texts(book).filter((x) => ENGLISH.test(x));
      expect(english).toEqual([]);
    }
  });

  it('contains no English rule words in the CSV and HTML exports or their reports', () => {
    for (const spec of [withId, tiny]) {
      for (const format of ['csv', 'html'] as const) {
        // As export.table renders a table query: the same tables, with the rules' reasons under each.
        const computed = computeBook(ds, spec, { ruleSet: defaultRuleSet('cbs-persons') });
        const display = { language: spec.language, decimals: spec.decimals, symbols: spec.symbols };
        const out = renderModels(groupModels(computed.tables, spec, display), format, display);
        expect(out.text).toMatch(/Outputregels: /);
        expect(out.text).not.toMatch(ENGLISH);
        for (const t of computed.tables) expect(t.reason ?? '').not.toMatch(ENGLISH);
      }
    }
  });
});
