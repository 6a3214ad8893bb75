/**
 * The tabellenboek read back with exceljs: sheet names, index links, every published cell equal to
 * the engine's (rule-checked) result and still a number, letters beside the numbers, merged header
 * cells, print setup, and no trace of a suppressed value anywhere in the package.
 */
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import { type BookReport, writeBook } from '../../electron/export/book';
import type { BookSpecInput } from '../../shared/book/book';
import { xmlSafe } from '../../shared/format/texts';
import { AGE_RECODE, type Recorded, makeDataset, recordingEngine } from './fixtures';
import { type ReadBook, allCells, findRow, internalLinks, readBook } from './read-book';

const dir = mkdtempSync(join(tmpdir(), 'duiding-book-'));
const spec: BookSpecInput = {
  version: 2,
  title: 'Testboek',
  subtitle: 'Ondertitel',
  source: 'Testbron',
  dataset: 'test',
  weight: { variable: 'w', type: 'sampling' },
  recodes: [AGE_RECODE],
  banner: { total: true, items: [{ variable: 'gemeente' }, { nest: ['geslacht', 'leeftijd_gr'] }] },
  questions: ['q1', 'q2', 'respnr'],
  tests: { display: 'letters', adjust: 'bonferroni', alpha: 0.05 },
  decimals: 1,
};

let report: BookReport;
let book: ReadBook;
let calls: Recorded[];

beforeAll(async () => {
  const engine = recordingEngine();
  report = await writeBook(makeDataset(), spec, join(dir, 'boek.xlsx'), { now: new Date(2026, 10, 25), ...engine });
  calls = engine.calls;
  book = await readBook(join(dir, 'boek.xlsx'));
});

function ruledFor(variable: string): Recorded {
  const c = calls.find((k) => k.options.row === variable && k.options.columns.total);
  if (!c) throw new Error(`no engine call for ${variable}`);
  return c;
}

/** Body rows start after the title, the back link and the header rows (Totaal spans them all). */
function bodyTop(ws: ExcelJS.Worksheet): number {
  const totaal = ws.getCell(3, 2);
  expect(totaal.value).toBe('Totaal');
  let r = 3;
  while (ws.getCell(r + 1, 2).isMerged && ws.getCell(r + 1, 2).master.address === totaal.address) r++;
  return r + 1;
}

describe('tabellenboek', () => {
  it('names the sheets and reports a blocked identifier instead of writing it', () => {
    expect(book.wb.worksheets.map((w) => w.name)).toEqual(['Inhoud', 'q1', 'q2', 'Controle']);
    expect(report.tables.map((t) => [t.variable, t.sheet, t.status])).toEqual([
      ['q1', 'q1', 'suppressed'],
      ['q2', 'q2', expect.stringMatching(/safe|suppressed/)],
      ['respnr', null, 'blocked'],
    ]);
    expect(report.tables[2].reason).toMatch(/respnr: gemarkeerd als identificatievariabele .*mogen niet worden geëxporteerd/);
    const index = book.wb.getWorksheet('Inhoud')!;
    const r = findRow(index, '3');
    expect(index.getCell(r, 3).value).toBe('respnr');
    expect(String(index.getCell(r, 4).value)).toMatch(/^niet gepubliceerd: .*identificatievariabele/);
  });

  it('links every written table from the index to its sheet', () => {
    const index = book.wb.getWorksheet('Inhoud')!;
    const links = internalLinks(book, 1);
    for (const name of ['q1', 'q2']) {
      const r = findRow(index, String(report.tables.findIndex((t) => t.variable === name) + 1));
      expect(links.get(`B${r}`)).toBe(`'${name}'!A1`);
    }
    expect([...links.values()]).toContain("'Controle'!A1");
    expect(internalLinks(book, 2).get('A2')).toBe("'Inhoud'!A1");
  });

  it('writes every cell as the engine computed it: numbers, letters beside them, symbols for the rest', () => {
    for (const variable of ['q1', 'q2']) {
      const { ruled } = ruledFor(variable);
      const ws = book.wb.getWorksheet(variable)!;
      expect(ws.getCell(1, 1).value).toBe(ruled.rowVariable.label);
      const top = bodyTop(ws);
      ruled.rows.forEach((row, i) => {
        expect(ws.getCell(top + i, 1).value).toBe(xmlSafe(row.label));
        ruled.cells[i].forEach((cell, k) => {
          const v = ws.getCell(top + i, 2 + 2 * k).value;
          const sig = ws.getCell(top + i, 3 + 2 * k).value;
          if (cell.suppressed) expect(v).toBe('x');
          else if (cell.pct === null) expect(v).toBe('.');
          else if (cell.count === 0) expect(v).toBe('-');
          else {
            expect(typeof v).toBe('number');
            expect(v).toBe(cell.pct);
            expect(ws.getCell(top + i, 2 + 2 * k).numFmt).toBe('0.0');
          }
          expect(sig ?? '').toBe(cell.suppressed ? '' : cell.sig);
        });
      });
      const base = top + ruled.rows.length;
      expect(ws.getCell(base, 1).value).toBe('Basis (ongewogen n)');
      ruled.base.count.forEach((n, k) => expect(ws.getCell(base, 2 + 2 * k).value).toBe(n === null ? 'x' : n));
    }
  });

  it('drops control characters that XML forbids from labels', () => {
    expect(ruledFor('q2').ruled.rows[0].label).toBe('Vaak\u0001');
    expect(findRow(book.wb.getWorksheet('q2')!, 'Vaak')).toBeGreaterThan(0);
    // Look at the XML itself: exceljs reads such files leniently, Excel does not.
    expect(Object.values(book.xml).some((x) => x.includes('\u0001'))).toBe(false);
  });

  it('shows test letters somewhere, so the comparison above is not vacuous', () => {
    const letters = calls.flatMap((c) => c.ruled.cells.flat()).filter((c) => c.sig !== '');
    expect(letters.length).toBeGreaterThan(0);
  });

  it('merges header cells per banner item and per nesting level', () => {
    const ws = book.wb.getWorksheet('q1')!;
    const { ruled } = ruledFor('q1');
    const gem = ruled.columns.filter((c) => c.path[0]?.variable === 'gemeente').length;
    const first = 2 + 2 * 1; // column of the first gemeente category
    const head = ws.getCell(3, first);
    expect(head.value).toBe('Gemeente');
    expect(ws.getCell(3, first + 2 * gem - 1).master.address).toBe(head.address);
    expect(ws.getCell(3, first + 2 * gem).master.address).not.toBe(head.address);
    // Nested: "Man" spans its three age groups (value + letter column each), "18-39" sits below it.
    const nestStart = first + 2 * gem;
    expect(ws.getCell(3, nestStart).value).toBe('Geslacht × Leeftijd');
    const man = ws.getCell(4, nestStart);
    expect(man.value).toBe('Man');
    expect(ws.getCell(4, nestStart + 5).master.address).toBe(man.address);
    expect(ws.getCell(5, nestStart).value).toBe('18-39');
    expect(ws.getCell(6, nestStart).value).toBe('A');
    // Totaal spans every header row.
    expect(ws.getCell(6, 2).master.address).toBe('B3');
  });

  it('freezes the header, prints landscape fit to width and repeats the header rows', () => {
    const ws = book.wb.getWorksheet('q1')!;
    const top = bodyTop(ws);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: top - 1 });
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, printTitlesRow: `3:${top - 1}` });
  });

  it('lets no suppressed value appear anywhere in the file, checker sheet included', () => {
    const hidden: number[] = [];
    for (const c of calls) {
      c.ruled.cells.forEach((row, i) =>
        row.forEach((cell, k) => {
          if (!cell.suppressed) return;
          const raw = c.raw.cells[i][k];
          if (raw.pct !== null && raw.pct !== 0) hidden.push(raw.pct);
          if (raw.weighted !== null && raw.weighted !== 0) hidden.push(raw.weighted);
        }),
      );
    }
    expect(hidden.length).toBeGreaterThan(4);
    const numbers = allCells(book.wb).filter((c) => typeof c.value === 'number');
    for (const h of hidden) expect(numbers.find((c) => c.value === h)).toBeUndefined();
    const text = Object.values(book.xml).join('\n');
    for (const h of hidden) expect(text.includes(String(h))).toBe(false);
  });

  it("lists on the checker's sheet exactly the published cells, each with its unweighted n", () => {
    const ws = book.wb.getWorksheet('Controle')!;
    const rows: { table: string; n: number }[] = [];
    for (let r = 5; r <= ws.rowCount; r++) rows.push({ table: String(ws.getCell(r, 1).value), n: Number(ws.getCell(r, 4).value) });
    for (const variable of ['q1', 'q2']) {
      const { ruled } = ruledFor(variable);
      const published = ruled.cells.flat().filter((c) => !c.suppressed).length + ruled.base.count.filter((n) => n !== null).length;
      const mine = rows.filter((r) => r.table === variable);
      expect(mine.length).toBe(published);
      for (const r of mine) expect(r.n === 0 || r.n >= 10).toBe(true);
    }
  });

  it('leaves no temporary file behind', () => {
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('writeBook failure and layout options', () => {
  it('writes nothing when cancelled', async () => {
    const out = join(dir, 'cancelled.xlsx');
    const ac = new AbortController();
    ac.abort(new Error('cancelled by test'));
    await expect(writeBook(makeDataset(), spec, out, { signal: ac.signal })).rejects.toThrow(/cancel/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('stops and leaves nothing when cancelled while writing sheets', async () => {
    const out = join(dir, 'cancelled-late.xlsx');
    const ac = new AbortController();
    const phases: string[] = [];
    const run = writeBook(makeDataset(), spec, out, {
      signal: ac.signal,
      onProgress: (p) => {
        phases.push(p.phase);
        if (p.phase === 'write' && p.done === 1) ac.abort();
      },
    });
    await expect(run).rejects.toThrow(/cancel/);
    expect(phases).toContain('write');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('puts all tables on one sheet in the blocks layout, linked by row', async () => {
    const out = join(dir, 'blocks.xlsx');
    const r = await writeBook(makeDataset(), { ...spec, layout: 'blocks', tests: { display: 'bold' } }, out);
    const b = await readBook(out);
    expect(b.wb.worksheets.map((w) => w.name)).toEqual(['Inhoud', 'Tabellen', 'Controle']);
    const ws = b.wb.getWorksheet('Tabellen')!;
    const links = [...internalLinks(b, 1).values()].filter((l) => l.startsWith("'Tabellen'"));
    expect(links.length).toBe(2);
    for (const [k, link] of links.entries()) {
      const row = Number(/A(\d+)$/.exec(link)![1]);
      const title = ws.getCell(row, 1).value;
      expect(title).toBe(k === 0 ? 'Tevredenheid met de buurt' : 'Gebruik van het OV; "vaak" & <soms>');
    }
    expect(r.tables.filter((t) => t.sheet === 'Tabellen').length).toBe(2);
    // Bold instead of letters: no letter columns, and some numbers are bold.
    const bold: number[] = [];
    ws.eachRow((row) => row.eachCell((cell) => typeof cell.value === 'number' && cell.font?.bold && bold.push(cell.value)));
    expect(bold.length).toBeGreaterThan(0);
    expect(ws.getCell(3, 2).value).toBe('Totaal');
    expect(ws.getCell(3, 3).value).toBe('Gemeente');
  });
});
