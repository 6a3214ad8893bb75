/**
 * Adversarial: two questions of one book over the same banner and the same people, so their column
 * bases are equal. Checked one table at a time, question A withholds the base of "Gebied 1" (its
 * column is 46, 0, 0: with the base printed, A's suppressed small cells 2 and 1 in row A1 are pinned
 * to within 3 of each other) while question B, alone, prints that base. The book must withhold it in
 * both, and no combination of what the file publishes may narrow a suppressed small cell below the
 * protection margin. The intruder here reads only the workbook: every published count is on the
 * checker's sheet, and he assumes both questions have the same column bases.
 *
 * The counts were found by a search over random pairs of tables with the real engine (per-table
 * rules leak, the pair's numbers do not coincide with the withheld base elsewhere).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BookReport, writeBook } from '../../electron/export/book';
import { banner as defaultBanner } from '../../shared/engine/banner';
import { applyRulesToBanner } from '../../shared/disclosure/apply/one-banner';
import { auditSuppression } from '../../shared/disclosure/secondary/audit';
import { sumConstraint, type Constraint } from '../../shared/disclosure/secondary/linear-table';
import { defaultRuleSet, requiredWidth } from '../../shared/disclosure/rules';
import { type Dataset, compactNumeric, newVariable } from '../../shared/model/dataset';
import type { BannerResult } from '../../shared/model/results';
import type { BookSpecInput } from '../../shared/book/book';
import { type ReadBook, allCells, readBook } from './read-book';

const rs = defaultRuleSet('cbs-persons');
/** Rows = answer categories, columns = Gebied 1..3 (bases 46, 27, 39 in both questions). */
const A = [
  [46, 2, 1],
  [0, 21, 19],
  [0, 4, 19],
];
const B = [
  [22, 14, 3],
  [22, 5, 26],
  [2, 8, 10],
];
const LEAKED_BASE = 46;

const labels = (n: number, prefix: string) => Object.fromEntries(Array.from({ length: n }, (_, i) => [String(i + 1), `${prefix}${i + 1}`]));

/** One respondent per unit of each column; A's and B's answers paired within the column. */
function pairedDataset(): Dataset {
  const g: number[] = [];
  const qa: number[] = [];
  const qb: number[] = [];
  for (let k = 0; k < A[0].length; k++) {
    const as = A.flatMap((row, i) => Array<number>(row[k]).fill(i + 1));
    const bs = B.flatMap((row, i) => Array<number>(row[k]).fill(i + 1));
    expect(as.length).toBe(bs.length);
    as.forEach((v, j) => (g.push(k + 1), qa.push(v), qb.push(bs[j])));
  }
  const variables = [
    newVariable('g', 'numeric', { label: 'Gebied', measure: 'nominal', valueLabels: labels(3, 'Gebied ') }),
    newVariable('qa', 'numeric', { label: 'Vraag A', measure: 'nominal', valueLabels: labels(3, 'A') }),
    newVariable('qb', 'numeric', { label: 'Vraag B', measure: 'nominal', valueLabels: labels(3, 'B') }),
  ];
  const columns = [g, qa, qb].map((c) => ({ kind: 'numeric' as const, data: compactNumeric(Float64Array.from(c)) }));
  return { name: 'paired', rows: g.length, variables, columns, weight: null, fileLabel: '', documents: [], mrSets: [] };
}

const ds = pairedDataset();
const banner = { total: true, items: [{ variable: 'g' }] };
const spec: BookSpecInput = { version: 2, title: 'Gekoppeld', dataset: 'paired', banner, questions: ['qa', 'qb'] };
const raw = { qa: defaultBanner(ds, { row: 'qa', columns: banner }), qb: defaultBanner(ds, { row: 'qb', columns: banner }) };
const GEBIED1 = raw.qa.columns.findIndex((c) => c.label === 'Gebied 1');

let report: BookReport;
let book: ReadBook;

beforeAll(async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'duiding-linked-')), 'boek.xlsx');
  report = await writeBook(ds, spec, out, { now: new Date(2026, 10, 25) });
  book = await readBook(out);
});

const colName = (b: BannerResult, k: number) => (b.columns[k].group ? `${b.columns[k].group}: ${b.columns[k].label}` : b.columns[k].label);

/** What the file tells an intruder: published unweighted counts per "table|row|col" (checker's sheet). */
function publishedFromFile(): Map<string, number> {
  const ws = book.wb.getWorksheet('Controle')!;
  const out = new Map<string, number>();
  for (let r = 5; r <= ws.rowCount; r++) {
    const key = [1, 2, 3].map((c) => String(ws.getCell(r, c).value)).join('|');
    if (ws.getCell(r, 4).value !== null) out.set(key, Number(ws.getCell(r, 4).value));
  }
  return out;
}

/**
 * Feasible intervals of every suppressed small cell, given the published counts of both tables, each
 * banner's sums, and base_A = base_B per column (the intruder's assumption of one population).
 */
function jointIntervals(published: (t: 'qa' | 'qb', row: number | null, k: number) => boolean) {
  const tables = [raw.qa, raw.qb];
  const K = raw.qa.columns.length;
  const R = raw.qa.rows.length;
  const per = R * K + K;
  const cell = (t: number, i: number, k: number) => t * per + i * K + k;
  const base = (t: number, k: number) => t * per + R * K + k;
  const values: number[] = [];
  const hidden: boolean[] = [];
  const constraints: Constraint[] = [];
  tables.forEach((b, t) => {
    const name = t === 0 ? 'qa' : 'qb';
    b.cells.forEach((row, i) => row.forEach((c, k) => ((values[cell(t, i, k)] = c.count!), (hidden[cell(t, i, k)] = !published(name, i, k)))));
    b.base.count.forEach((n, k) => ((values[base(t, k)] = n!), (hidden[base(t, k)] = !published(name, null, k))));
    for (let k = 0; k < K; k++)
      constraints.push(
        sumConstraint(
          Array.from({ length: R }, (_, i) => cell(t, i, k)),
          base(t, k),
        ),
      );
    for (let i = 0; i <= R; i++) {
      const at = (k: number) => (i < R ? cell(t, i, k) : base(t, k));
      constraints.push(
        sumConstraint(
          Array.from({ length: K - 1 }, (_, k) => at(k + 1)),
          at(0),
        ),
      );
    }
  });
  for (let k = 0; k < K; k++) constraints.push(sumConstraint([base(0, k)], base(1, k)));
  const margin = (_c: number, v: number) => (v > 0 && v < rs.minCount ? requiredWidth(v, rs.protectionMargin) : 0);
  return auditSuppression(values, hidden, { size: 2 * per, constraints }, margin, { integer: true }).filter((e) => e.required > 0);
}

describe('a book of two questions over one banner and one population', () => {
  it('is a real threat: checked one by one, A withholds a base that B prints, and together they pin A', () => {
    const alone = { qa: applyRulesToBanner(raw.qa, rs), qb: applyRulesToBanner(raw.qb, rs) };
    expect(raw.qa.base.count[GEBIED1]).toBe(LEAKED_BASE);
    expect(raw.qb.base.count[GEBIED1]).toBe(LEAKED_BASE);
    expect(alone.qa.base.count[GEBIED1]).toBeNull();
    expect(alone.qb.base.count[GEBIED1]).toBe(LEAKED_BASE);
    const published = (t: 'qa' | 'qb', row: number | null, k: number) => (row === null ? alone[t].base.count[k] !== null : !alone[t].cells[row][k].suppressed);
    expect(jointIntervals(published).some((e) => !e.ok)).toBe(true);
  });

  it('publishes both tables with the shared base withheld on both sheets', () => {
    expect(report.tables.map((t) => [t.variable, t.status])).toEqual([
      ['qa', 'suppressed'],
      ['qb', 'suppressed'],
    ]);
    for (const sheet of ['qa', 'qb']) {
      const ws = book.wb.getWorksheet(sheet)!;
      let baseRow = -1;
      ws.eachRow((row, r) => {
        if (String(row.getCell(1).value).startsWith('Basis')) baseRow = r;
      });
      expect(baseRow).toBeGreaterThan(0);
      expect(ws.getCell(baseRow, 2 + 2 * GEBIED1).value).toBe('x');
    }
  });

  it('lets the withheld base appear nowhere: no cell, no checker row, no number in the XML', () => {
    const numbers = allCells(book.wb).filter((c) => c.value === LEAKED_BASE || c.value === String(LEAKED_BASE));
    expect(numbers).toEqual([]);
    const published = publishedFromFile();
    expect([...published.keys()].filter((k) => k.endsWith(`|${colName(raw.qa, GEBIED1)}`) && k.includes('|Basis'))).toEqual([]);
    const seen: number[] = [];
    for (const [part, xml] of Object.entries(book.xml)) {
      if (!part.startsWith('xl/worksheets/') && part !== 'xl/sharedStrings.xml') continue;
      // Numeric cells only: in shared-string cells (t="s") <v> holds a string index.
      const numeric = [...xml.matchAll(/<c ([^>]*)><v>([^<]*)<\/v>/g)].filter((m) => !/t="s"/.test(m[1])).map((m) => Number(m[2]));
      expect(numeric).not.toContain(LEAKED_BASE);
      seen.push(...numeric);
      expect(xml).not.toMatch(new RegExp(`<t[^>]*>${LEAKED_BASE}</t>`));
    }
    // The scan reads numbers at all: the grand total is published.
    expect(seen).toContain(raw.qa.base.count[0]);
  });

  it('leaves every suppressed small cell uncertain by the margin, reading both sheets together', () => {
    const published = publishedFromFile();
    const isPublished = (t: 'qa' | 'qb', row: number | null, k: number) => {
      const b = raw[t];
      const rowLabel = row === null ? 'Basis (ongewogen)' : b.rows[row].label;
      return published.has(`${t}|${rowLabel}|${colName(b, k)}`);
    };
    // The reading of the file is not vacuous: it sees published cells of both tables, bases included.
    expect(isPublished('qa', null, 0)).toBe(true);
    expect(isPublished('qb', 1, 0)).toBe(true);
    const entries = jointIntervals(isPublished);
    expect(entries.length).toBeGreaterThanOrEqual(4);
    for (const e of entries) expect(e.hi - e.lo, `cell ${e.cell} = ${e.value} in [${e.lo}, ${e.hi}]`).toBeGreaterThanOrEqual(e.required);
  });
});
