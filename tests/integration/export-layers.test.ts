/**
 * Layered crosstab export through the handlers on the demo data (gemeente × geslacht, layered by
 * golf), under cbs-persons: the table query the table builder sends, through analysis.tables (the
 * screen) and export.table (copy, CSV, HTML). The counts are tallied here straight from the data columns, not by the
 * engine; every number in the CSV must equal that tally at its own position, and every cell the
 * rules withheld must read "x" — so no suppressed count or percentage is in the file. The HTML
 * carries the same cells, the legend and the rules' badge; the total over the layers is there or
 * its withheld note is.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../shared/api';
import { defaultRuleSet } from '../../shared/disclosure/rules';
import { exportHandlers } from '../../electron/handlers/exports';
import { analysisHandlers } from '../../electron/handlers/analysis';
import type { AppContext } from '../../electron/backend/types';
import type { LayeredCrosstab } from '../../shared/engine/layer-result';
import { type Dataset, type NumericColumn, findVariable, isUserMissing, numericAt } from '../../shared/model/dataset';
import { generateDemo } from '../../resources/demo/generate';

const ds = generateDemo();

function context(): AppContext {
  const session = {
    dataset: () => ds,
    ruleSet: () => defaultRuleSet('cbs-persons'),
    store: () => {
      throw new Error('no project');
    },
    invalidate: () => undefined,
    isOpen: () => false,
  };
  return { session, emit: () => undefined } as unknown as AppContext;
}

const base = {
  dataset: 'demo',
  rows: ['gemeente'],
  banner: { items: [{ variable: 'geslacht' }] },
  layers: ['golf'],
  ruleSet: 'cbs-persons' as const,
  statistics: { colPct: true, counts: true, base: true },
};

/** Valid code of variable `name` in row i, or null (system- or user-missing). */
function codeOf(d: Dataset, name: string, i: number): number | null {
  const k = findVariable(d, name);
  const v = numericAt(d.columns[k] as NumericColumn, i);
  return Number.isNaN(v) || isUserMissing(d.variables[k].missing, v) ? null : v;
}

/** Unweighted counts per layer code ('all' = over all layers): key "row|col" → n. */
function tally(): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  const add = (layer: string, key: string) => {
    const m = out.get(layer) ?? new Map<string, number>();
    m.set(key, (m.get(key) ?? 0) + 1);
    out.set(layer, m);
  };
  for (let i = 0; i < ds.rows; i++) {
    const g = codeOf(ds, 'golf', i);
    const r = codeOf(ds, 'gemeente', i);
    const c = codeOf(ds, 'geslacht', i);
    if (g === null || r === null || c === null) continue;
    add(String(g), `${r}|${c}`);
    add('all', `${r}|${c}`);
  }
  return out;
}

const nl = (v: number, d: number) => (v === 0 ? '-' : (Math.round(v * 10 ** d) / 10 ** d).toFixed(d).replace('.', ','));

let shown: LayeredCrosstab;
let csv: string;
let html: string;

beforeAll(async () => {
  const group = await analysisHandlers['analysis.tables']!(contract['analysis.tables'].request.parse(base), context());
  shown = group.tables[0].layered![0];
  const req = (extra: Record<string, unknown>) => contract['export.table'].request.parse({ ...base, ...extra });
  csv = (await exportHandlers['export.table']!(req({ format: 'csv' }), context())).text;
  html = (await exportHandlers['export.table']!(req({ format: 'html' }), context())).text;
}, 60_000);

/** The CSV's blocks, one per table: caption line, header, rows, notes; split at empty lines. */
function blocks(text: string): string[][][] {
  return text
    .replace(/^\ufeff/, '')
    .split('\r\n\r\n')
    .map((b) =>
      b
        .split('\r\n')
        .filter(Boolean)
        .map((l) => l.split(';')),
    );
}

describe('layered crosstab export', () => {
  it('is Dutch CSV: BOM, semicolons, decimal commas', () => {
    expect(csv.startsWith('\ufeffGemeente × Geslacht — Golf 2024;')).toBe(true);
    expect(csv).toMatch(/;\d+,\d;/);
  });

  it('withholds every suppressed cell and prints every other one as tallied from the data', () => {
    const counts = tally();
    const tables = [...shown.layers.map((l) => ({ code: String(l.code), table: l.table })), ...(shown.total ? [{ code: 'all', table: shown.total }] : [])];
    const csvBlocks = blocks(csv);
    let suppressed = 0;
    tables.forEach(({ code, table }, b) => {
      const lines = csvBlocks[b];
      const n = counts.get(code)!;
      const header = lines[1];
      expect(header.slice(2, 2 + table.cols.length)).toEqual(table.cols.map((c) => c.label));
      const colN = table.cols.map((c) => table.rows.reduce((s, r) => s + (n.get(`${r.code}|${c.code}`) ?? 0), 0));
      table.rows.forEach((r, i) => {
        const pctLine = lines[2 + 2 * i];
        const countLine = lines[3 + 2 * i];
        expect(pctLine[0]).toBe(r.label);
        table.cols.forEach((c, j) => {
          const raw = n.get(`${r.code}|${c.code}`) ?? 0;
          if (table.suppressed[i][j]) {
            suppressed++;
            expect([pctLine[2 + j], countLine[2 + j]]).toEqual(['x', 'x']);
          } else {
            expect(countLine[2 + j]).toBe(raw === 0 ? '-' : String(raw));
            expect(pctLine[2 + j]).toBe(nl((100 * raw) / colN[j], 1));
          }
        });
      });
    });
    // The rules did withhold cells here, so the test has something to look at.
    expect(suppressed).toBeGreaterThan(0);
  });

  it("shows the legend, the rules' reasons and the total over the layers or its withheld note", () => {
    expect(csv).toContain('x = geheim (te weinig waarnemingen om te publiceren)');
    expect(csv).toMatch(/Outputregels: \d+ cellen? /);
    if (shown.total) expect(csv).toContain('\r\nGemeente × Geslacht — Totaal over de lagen;');
    else expect(csv).toContain('De totaaltabel over de lagen wordt niet getoond');
  });

  it('puts the same cells in the HTML: "x" where withheld, the tallied count elsewhere', () => {
    const counts = tally();
    const layer = shown.layers[0];
    const n = counts.get(String(layer.code))!;
    const section = html.split('<table>')[1];
    // The count rows: the last statistic of each category.
    const rowsHtml = [...section.matchAll(/<tr class="category last"><th scope="row"><\/th><td class="stat">[^<]*<\/td>(.*?)<\/tr>/g)].map((m) =>
      [...m[1].matchAll(/<td(?: class="sym")?>(?:<abbr[^>]*>)?([^<]*)(?:<\/abbr>)?<\/td>/g)].map((x) => x[1]),
    );
    expect(rowsHtml).toHaveLength(layer.table.rows.length);
    layer.table.rows.forEach((r, i) =>
      layer.table.cols.forEach((c, j) => {
        const raw = n.get(`${r.code}|${c.code}`) ?? 0;
        expect(rowsHtml[i][j]).toBe(layer.table.suppressed[i][j] ? 'x' : raw === 0 ? '-' : raw.toLocaleString('nl-NL'));
      }),
    );
    expect(html).toContain('x = geheim (te weinig waarnemingen om te publiceren)');
  });

  it('gives the clipboard tab-separated text and an HTML fragment', async () => {
    const clip = await exportHandlers['export.table']!(
      contract['export.table'].request.parse({ ...base, format: 'clipboard', display: { language: 'en' } }),
      context(),
    );
    expect(clip.text.split('\n')[0].trimEnd()).toBe('Gemeente × Geslacht — Golf 2024');
    expect(clip.html).toMatch(/^<table>/);
    expect(clip.tables).toHaveLength(shown.layers.length + 1);
  });
});
