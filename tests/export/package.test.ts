/**
 * The written package against the rules Excel enforces and lenient readers (exceljs, LibreOffice)
 * forgive: every part has a content type, every relationship points at a part that exists, the
 * worksheet's elements come in the schema's order (ECMA-376 Part 1, CT_Worksheet), every style and
 * shared-string index a cell uses exists, and the styles part's own references resolve.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeBook } from '../../electron/export/book';
import { generateDemo } from '../../resources/demo/generate';
import type { BookSpecInput } from '../../shared/book/book';
import { type ReadBook, readBook } from './read-book';

const demoSpec = JSON.parse(readFileSync(join(__dirname, '../../resources/demo/book.json'), 'utf8')) as BookSpecInput;
let book: ReadBook;
let parts: string[];

beforeAll(async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'duiding-package-')), 'boek.xlsx');
  const spec = {
    ...demoSpec,
    questions: ['leefbaarheid', 'respnr', 'eenzaamheid'],
    charts: { widthMm: 120, dpi: 72 },
    statistics: { colPct: true, counts: true, base: true },
  };
  await writeBook(generateDemo(), spec, out, { auditHead: 'f00d' });
  book = await readBook(out);
  parts = Object.keys(book.xml);
}, 120_000);

const attrs = (tag: string) => Object.fromEntries([...tag.matchAll(/(\w[\w:]*)="([^"]*)"/g)].map((m) => [m[1], m[2]]));

/** Order of the worksheet's children in CT_Worksheet (the ones a writer may use). */
const WORKSHEET_ORDER = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'mergeCells',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'drawing',
];

describe('the xlsx package', () => {
  it('gives every part a content type', () => {
    const types = book.xml['[Content_Types].xml'];
    const defaults = new Set([...types.matchAll(/<Default Extension="(\w+)"/g)].map((m) => m[1]));
    const overrides = new Set([...types.matchAll(/<Override PartName="\/([^"]+)"/g)].map((m) => m[1]));
    for (const o of overrides) expect(parts, `override for missing part ${o}`).toContain(o);
    for (const p of parts) {
      const ext = p.split('.').pop()!;
      expect(overrides.has(p) || defaults.has(ext), `no content type for ${p}`).toBe(true);
    }
    expect(defaults.has('png')).toBe(true);
  });

  it('points every relationship at a part that exists', () => {
    let count = 0;
    for (const rels of parts.filter((p) => p.endsWith('.rels'))) {
      const dir = posix.dirname(posix.dirname(rels));
      for (const m of book.xml[rels].matchAll(/<Relationship [^>]*>/g)) {
        const a = attrs(m[0]);
        if (a.TargetMode === 'External') continue;
        const target = posix.normalize(posix.join(dir === '.' ? '' : dir, a.Target)).replace(/^\//, '');
        expect(parts, `${rels} → ${a.Target}`).toContain(target);
        count++;
      }
    }
    expect(count).toBeGreaterThan(10);
  });

  it("writes each worksheet's elements in the schema's order", () => {
    const sheets = parts.filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p));
    expect(sheets.length).toBe(4);
    for (const s of sheets) {
      const body = book.xml[s].replace(/<sheetData>[\s\S]*<\/sheetData>/, '<sheetData/>');
      const top = [...body.matchAll(/<(\w+)[\s/>]/g)].map((m) => m[1]).filter((t) => WORKSHEET_ORDER.includes(t) && t !== 'dimension');
      const positions = top.map((t) => WORKSHEET_ORDER.indexOf(t));
      expect(positions, s).toEqual([...positions].sort((a, b) => a - b));
      expect(top).toContain('sheetData');
    }
  });

  it('refers only to styles and shared strings that exist', () => {
    const styles = book.xml['xl/styles.xml'];
    const count = (tag: string) => Number(new RegExp(`<${tag} count="(\\d+)"`).exec(styles)![1]);
    const xfs = /<cellXfs count="\d+">([\s\S]*?)<\/cellXfs>/.exec(styles)![1];
    const xfList = [...xfs.matchAll(/<xf [^>]*>/g)].map((m) => attrs(m[0]));
    expect(xfList.length).toBe(count('cellXfs'));
    const formats = new Set([0, 1, 2, ...[...styles.matchAll(/<numFmt numFmtId="(\d+)"/g)].map((m) => Number(m[1]))]);
    for (const xf of xfList) {
      expect(Number(xf.fontId)).toBeLessThan(count('fonts'));
      expect(Number(xf.fillId)).toBeLessThan(count('fills'));
      expect(Number(xf.borderId)).toBeLessThan(count('borders'));
      expect(formats.has(Number(xf.numFmtId))).toBe(true);
    }
    const sst = book.xml['xl/sharedStrings.xml'];
    const unique = Number(/uniqueCount="(\d+)"/.exec(sst)![1]);
    expect(sst.match(/<si>/g)!.length).toBe(unique);
    let cells = 0;
    for (const s of parts.filter((p) => p.startsWith('xl/worksheets/sheet'))) {
      for (const m of book.xml[s].matchAll(/<c ([^>]*?)\/?>(?:<v>([^<]*)<\/v>)?/g)) {
        const a = attrs(m[1]);
        if (a.s !== undefined) expect(Number(a.s)).toBeLessThan(xfList.length);
        if (a.t === 's') expect(Number(m[2])).toBeLessThan(unique);
        cells++;
      }
    }
    expect(cells).toBeGreaterThan(1000);
  });

  it('repeats the header rows of each table sheet when printed, and names them by sheet', () => {
    const wb = book.xml['xl/workbook.xml'];
    const titles = [...wb.matchAll(/<definedName name="_xlnm.Print_Titles" localSheetId="(\d+)">([^<]*)<\/definedName>/g)].map((m) => [m[1], m[2]]);
    expect(titles.map(([id]) => id)).toEqual(['1', '2']);
    expect(titles[0][1]).toMatch(/^'leefbaarheid'!\$3:\$[4-9]$/);
    expect(titles[1][1]).toMatch(/^'eenzaamheid'!\$3:\$[4-9]$/);
  });
});
