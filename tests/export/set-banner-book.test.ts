/**
 * A tabellenboek whose banner holds a multiple-response set (gemeente | $isolatie) on the demo data:
 * the sheet's header shows the set's label over its items, every published number of a set column
 * equals the rule-checked result of the one route (computeBook), and a set question against that
 * banner is reported as not tabulated while the rest of the book is written.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BookReport, writeBook } from '../../electron/export/book';
import { generateDemo } from '../../resources/demo/generate';
import { parseBookSpec } from '../../shared/book/book';
import { computeBook } from '../../shared/book/compute';
import { defaultRuleSet } from '../../shared/disclosure/rules';
import { type ReadBook, readBook } from './read-book';

const spec = parseBookSpec({
  version: 2,
  title: 'Isolatie',
  dataset: 'demo',
  comparison: { variable: 'golf', current: 2025, previous: 2024 },
  weight: { variable: 'gewicht', type: 'sampling' },
  banner: { total: true, items: [{ variable: 'gemeente' }, { variable: '$isolatie' }] },
  questions: ['leefbaarheid', '$isolatie'],
  statistics: { colPct: true, base: true },
  ruleSet: 'cbs-persons',
  decimals: 1,
});
const demo = generateDemo();
let report: BookReport;
let book: ReadBook;

beforeAll(async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'duiding-set-banner-')), 'boek.xlsx');
  report = await writeBook(demo, spec, out, { now: new Date(2026, 11, 6) });
  book = await readBook(out);
});

describe('a set in the banner of a tabellenboek', () => {
  it('heads the set columns with its label and the items below, values as the route publishes them', () => {
    expect(report.tables.map((t) => [t.variable, t.status])).toEqual([
      ['leefbaarheid', expect.stringMatching(/safe|suppressed/)],
      ['$isolatie', 'blocked'],
    ]);
    expect(report.tables[1].reason).toMatch(/niet uitgezet tegen \$isolatie/);
    const ws = book.wb.getWorksheet('leefbaarheid')!;
    // Header row 0 of the block is sheet row 3: find the set's label, merged over its five items.
    let col = -1;
    ws.getRow(3).eachCell((cell, c) => {
      if (cell.value === 'Genomen isolatiemaatregelen' && col < 0) col = c;
    });
    expect(col).toBeGreaterThan(0);
    const items = [
      'Isolatiemaatregel: dakisolatie',
      'Isolatiemaatregel: spouwmuur- of gevelisolatie',
      'Isolatiemaatregel: vloerisolatie',
      'Isolatiemaatregel: HR++ of triple glas',
      'Isolatiemaatregel: geen van deze',
    ];
    const below = items.map((_l, j) => ws.getCell(4, col + j * 2).value);
    expect(below).toEqual(items);
    expect(ws.getCell(3, col + 8).isMerged && ws.getCell(3, col + 8).master.address).toBe(ws.getCell(3, col).address);
    // The column % of each set column in the sheet equals the computed (rule-checked) result.
    const computed = computeBook(demo, spec, { ruleSet: defaultRuleSet('cbs-persons') });
    const res = computed.tables[0].result!;
    const setCols = res.sets![0].columns;
    let compared = 0;
    for (let r = 5; r <= ws.rowCount; r++) {
      const label = String(ws.getCell(r, 1).value ?? '');
      const i = res.rows.findIndex((x) => x.label === label);
      if (i < 0) continue;
      setCols.forEach((k, j) => {
        const v = ws.getCell(r, col + j * 2).value;
        const pct = res.cells[i][k].pct;
        if (pct === null) expect(v, `${label} ${j}`).not.toEqual(expect.any(Number));
        else if (pct === 0) expect(v, `${label} ${j}`).toBe('-');
        else {
          expect(v as number, `${label} ${j}`).toBeCloseTo(pct, 9);
          compared++;
        }
      });
    }
    expect(compared).toBeGreaterThan(10);
  });
});
