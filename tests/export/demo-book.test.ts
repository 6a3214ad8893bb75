/**
 * The committed example book (resources/demo/book.json) on the bundled demo data, which has small
 * cells by design: under cbs-persons the written workbook must contain no unsafe number. Checked
 * from the file alone: every number on a table sheet must have a row on the checker's sheet with an
 * unweighted n of at least 10, and so must its column base.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BookReport, writeBook } from '../../electron/export/book';
import { generateDemo } from '../../resources/demo/generate';
import { parseBookSpec } from '../../shared/book/book';
import { type Recorded, recordingEngine } from './fixtures';
import { type ReadBook, allCells, findRow, readBook } from './read-book';

const spec = parseBookSpec(JSON.parse(readFileSync(join(__dirname, '../../resources/demo/book.json'), 'utf8')));
let report: BookReport;
let book: ReadBook;
let calls: Recorded[];

beforeAll(async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'duiding-demo-book-')), 'boek.xlsx');
  const engine = recordingEngine();
  report = await writeBook(generateDemo(), spec, out, engine);
  calls = engine.calls;
  book = await readBook(out);
});

/** Checker rows keyed "table|row|column" -> n. */
function checkerIndex(): Map<string, number> {
  const ws = book.wb.getWorksheet('Controle')!;
  const out = new Map<string, number>();
  for (let r = 5; r <= ws.rowCount; r++) {
    const key = [1, 2, 3].map((c) => String(ws.getCell(r, c).value)).join('|');
    out.set(key, Number(ws.getCell(r, 4).value));
  }
  return out;
}

describe('demo tabellenboek under cbs-persons', () => {
  it('writes every rating question, with suppression where the demo has small cells', () => {
    expect(report.tables.map((t) => t.variable)).toEqual([
      'leefbaarheid',
      'vertrouwen',
      'gezondheid',
      'eenzaamheid',
      'zorgen_schade',
      'financien',
      '$isolatie',
    ]);
    expect(report.tables.every((t) => t.status !== 'blocked')).toBe(true);
    expect(report.tables.some((t) => t.suppressedCells > 0)).toBe(true);
  });

  it('publishes no number without at least 10 units behind it and behind its base', () => {
    const checker = checkerIndex();
    let numbers = 0;
    // The insulation set: every count it publishes is on the checker's sheet, each at least 10.
    const setCounts = [...checker.entries()].filter(([key]) => key.startsWith('$isolatie|'));
    expect(setCounts.length).toBeGreaterThan(20);
    for (const [key, n] of setCounts) expect(n, key).toBeGreaterThanOrEqual(10);
    for (const t of report.tables.filter((x) => !x.variable.startsWith('$'))) {
      const c = calls.find((k) => k.options.row === t.variable && k.options.columns.total)!;
      const ws = book.wb.getWorksheet(t.sheet!)!;
      const names = c.ruled.columns.map((col) => `${col.group}: ${col.label}`);
      const top = findRow(ws, c.ruled.rows[0].label, 3);
      const baseRow = top + c.ruled.rows.length;
      c.ruled.rows.forEach((row, i) => {
        names.forEach((name, k) => {
          const v = ws.getCell(top + i, 2 + 2 * k).value;
          if (typeof v !== 'number') {
            expect(['x', '.', '-']).toContain(v);
            return;
          }
          numbers++;
          expect(checker.get(`${t.variable}|${row.label}|${name}`)).toBeGreaterThanOrEqual(10);
          expect(ws.getCell(baseRow, 2 + 2 * k).value).toBe(checker.get(`${t.variable}|Basis (ongewogen)|${name}`));
          expect(checker.get(`${t.variable}|Basis (ongewogen)|${name}`)).toBeGreaterThanOrEqual(10);
        });
      });
      // The trend column (previous wave) right of the banner.
      const trendCol = 2 + 2 * names.length;
      c.ruled.rows.forEach((row, i) => {
        const v = ws.getCell(top + i, trendCol).value;
        if (typeof v !== 'number') return;
        numbers++;
        expect(checker.get(`${t.variable}|${row.label}|Vergelijking: Golf 2024`)).toBeGreaterThanOrEqual(10);
      });
    }
    expect(numbers).toBeGreaterThan(300);
  });

  it('marks significant differences with letters and the change against 2024 with a marker', () => {
    const texts = book.wb.worksheets.slice(1, -1).flatMap((ws) => {
      const out: string[] = [];
      ws.eachRow((r) => r.eachCell((cell) => typeof cell.value === 'string' && out.push(cell.value)));
      return out;
    });
    expect(texts.some((s) => /^[A-J]+$/.test(s) && s.length >= 2)).toBe(true);
    expect(texts.some((s) => s === '▲' || s === '▼')).toBe(true);
  });

  it('lets no suppressed value (banner or trend table) appear anywhere in the file', () => {
    const hidden = new Set<number>();
    for (const c of calls)
      c.ruled.cells.forEach((row, i) =>
        row.forEach((cell, k) => {
          const raw = c.raw.cells[i][k];
          if (!cell.suppressed) return;
          for (const v of [raw.pct, raw.weighted]) if (v !== null && v !== 0) hidden.add(v);
        }),
      );
    expect(calls.some((c) => !c.options.columns.total)).toBe(true);
    expect(hidden.size).toBeGreaterThan(50);
    const leaked = allCells(book.wb).filter((c) => typeof c.value === 'number' && hidden.has(c.value));
    expect(leaked).toEqual([]);
    const text = Object.values(book.xml).join('\n');
    expect([...hidden].filter((v) => text.includes(String(v)))).toEqual([]);
  });
});
