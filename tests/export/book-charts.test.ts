/**
 * Charts in the tabellenboek, read back with exceljs: one picture per published question sheet,
 * anchored one empty row under the footnotes, at the size the spec asks for (PNG IHDR and the
 * drawing's extent), none for a blocked question, none without `charts`, and drawn from the
 * rule-applied banner (the embedded PNG is the one of the checked table, not of the raw banner).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeBook, computeBook } from '../../electron/export/book';
import { banner } from '../../shared/engine/banner';
import { renderBookChart } from '../../electron/export/book/book-chart';
import { readPngInfo } from '../../electron/export/chart/index';
import { defaultRuleSet } from '../../shared/disclosure/rules';
import { parseBookSpec, type BookReport, type BookSpecInput } from '../../shared/book/book';
import { generateDemo } from '../../resources/demo/generate';
import { type ReadBook, readBook } from './read-book';

const demoSpec = JSON.parse(readFileSync(join(__dirname, '../../resources/demo/book.json'), 'utf8')) as BookSpecInput;
const dir = mkdtempSync(join(tmpdir(), 'duiding-book-charts-'));
const ds = generateDemo();
// 150 mm × 90 mm at 120 dpi: PNG round(150/25.4·120) × round(90/25.4·120) px, shown at 96 px per inch.
const charts = { widthMm: 150, heightMm: 90, dpi: 120 };
const PNG = { width: Math.round((150 / 25.4) * 120), height: Math.round((90 / 25.4) * 120) };
const SHOWN = { width: Math.round((150 / 25.4) * 96), height: Math.round((90 / 25.4) * 96) };
const spec: BookSpecInput = { ...demoSpec, questions: ['leefbaarheid', 'respnr', 'eenzaamheid'], charts };

let report: BookReport;
let book: ReadBook;

beforeAll(async () => {
  report = await writeBook(ds, spec, join(dir, 'boek.xlsx'), { now: new Date(2026, 10, 25) });
  book = await readBook(join(dir, 'boek.xlsx'));
}, 120_000);

function imageBytes(b: ReadBook, imageId: string | number): Buffer {
  const img = b.wb.getImage(Number(imageId));
  return Buffer.from(img.buffer as ArrayBuffer | Buffer as Buffer);
}

describe('charts in the tabellenboek', () => {
  it('puts one picture on every published question sheet, one empty row under the footnotes', () => {
    const published = report.tables.filter((t) => t.sheet);
    expect(published.map((t) => t.variable)).toEqual(['leefbaarheid', 'eenzaamheid']);
    for (const t of published) {
      const ws = book.wb.getWorksheet(t.sheet!)!;
      const images = ws.getImages();
      expect(images).toHaveLength(1);
      const { tl, ext } = images[0].range as unknown as { tl: { nativeCol: number; nativeRow: number }; ext: { width: number; height: number } };
      expect(tl.nativeCol).toBe(0);
      // nativeRow is zero-based: lastRow + 1 leaves Excel row lastRow + 1 empty.
      expect(tl.nativeRow).toBe(ws.lastRow!.number + 1);
      expect(Math.round(ext.width)).toBe(SHOWN.width);
      expect(Math.round(ext.height)).toBe(SHOWN.height);
      const png = readPngInfo(imageBytes(book, images[0].imageId));
      expect([png.width, png.height]).toEqual([PNG.width, PNG.height]);
      expect(png.dpi).toBeCloseTo(120, 0);
    }
  });

  it('gives the blocked question neither sheet nor chart', () => {
    const blocked = report.tables.find((t) => t.variable === 'respnr')!;
    expect(blocked.status).toBe('blocked');
    expect(blocked.sheet).toBeNull();
    const all = book.wb.worksheets.flatMap((ws) => ws.getImages());
    expect(all).toHaveLength(2);
    expect(Object.keys(book.xml).filter((n) => n.startsWith('xl/drawings/drawing'))).toHaveLength(2);
    for (const name of ['Inhoud', 'Controle']) expect(book.wb.getWorksheet(name)!.getImages()).toHaveLength(0);
  });

  it('draws the rule-applied banner: the embedded PNG is the checked table, not the raw one', () => {
    const parsed = parseBookSpec(spec);
    const computed = computeBook(ds, parsed, { ruleSet: defaultRuleSet(parsed.ruleSet ?? 'cbs-persons') });
    const table = computed.tables.find((t) => t.variable === 'leefbaarheid')!;
    expect(table.result!.cells.flat().some((c) => c.suppressed)).toBe(true);
    const ws = book.wb.getWorksheet(report.tables[0].sheet!)!;
    const embedded = imageBytes(book, ws.getImages()[0].imageId);
    expect(embedded.equals(renderBookChart(table, parsed, parsed.charts!, computed.dataset)!.png)).toBe(true);
    // The same question straight from the engine (no rules): a different picture.
    const raw = {
      ...table,
      status: 'safe' as const,
      result: banner(computed.dataset, {
        row: 'leefbaarheid',
        columns: parsed.banner,
        weight: parsed.weight,
        filter: undefined,
        tests: { adjust: parsed.tests.adjust, alpha: parsed.tests.alpha },
      }),
    };
    expect(embedded.equals(renderBookChart(raw, parsed, parsed.charts!, computed.dataset)!.png)).toBe(false);
  });

  it('writes no pictures when the spec has no charts, and none for a table blocked by the rules', async () => {
    const plain = await writeBook(ds, { ...demoSpec, questions: ['leefbaarheid'] }, join(dir, 'plain.xlsx'));
    const read = await readBook(plain.path);
    expect(read.wb.worksheets.flatMap((w) => w.getImages())).toHaveLength(0);
    expect(Object.keys(read.xml).some((n) => n.startsWith('xl/drawings/'))).toBe(false);
    const parsed = parseBookSpec(spec);
    expect(renderBookChart({ variable: 'leefbaarheid', label: 'x', status: 'blocked', reason: 'rules', messages: [] }, parsed, parsed.charts!, ds)).toBeNull();
  }, 60_000);

  it('keeps blocks apart: every chart starts below the previous one on the single sheet', async () => {
    const r = await writeBook(ds, { ...spec, layout: 'blocks', charts: { ...charts, placement: 'right' } }, join(dir, 'blocks.xlsx'));
    const read = await readBook(r.path);
    const images = read.wb
      .getWorksheet('Tabellen')!
      .getImages()
      .map((i) => i.range as unknown as { tl: { nativeRow: number; nativeCol: number }; ext: { height: number } });
    expect(images).toHaveLength(2);
    expect(images[0].tl.nativeCol).toBeGreaterThan(1);
    // Excel's default row is 20 px high.
    expect(images[1].tl.nativeRow).toBeGreaterThanOrEqual(images[0].tl.nativeRow + Math.ceil(images[0].ext.height / 20));
  }, 60_000);
});
