/**
 * Layered crosstab export through the handlers on the demo data (gemeente × geslacht, layered by
 * golf), under cbs-persons. The counts are tallied here straight from the data columns, not by the
 * engine; every number in the CSV must equal that tally at its own position, and every cell the
 * rules withheld must read "x" — so no suppressed count or percentage is in the file. The HTML
 * carries the same cells, the legend and the rules' badge; the total over the layers is there or
 * its withheld note is.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../shared/api';
import { defaultRuleSet } from '../../shared/disclosure/rules';
import { exportHandlers } from '../../electron/handlers/exports';
import { layersHandlers } from '../../electron/handlers/layers';
import type { AppContext } from '../../electron/backend/types';
import type { LayeredCrosstab } from '../../shared/engine/layer-result';
import { type Dataset, type NumericColumn, findVariable, isUserMissing, numericAt } from '../../shared/model/dataset';
import { generateDemo } from '../../resources/demo/generate';

const ds = generateDemo();
const dir = mkdtempSync(join(tmpdir(), 'duiding-export-layers-'));

function context(): AppContext {
  const session = {
    dataset: () => ds,
    ruleSet: () => defaultRuleSet('cbs-persons'),
    store: () => {
      throw new Error('no project');
    },
    invalidate: () => undefined,
  };
  return { session, emit: () => undefined } as unknown as AppContext;
}

const base = { dataset: 'demo', row: 'gemeente', col: 'geslacht', layers: ['golf'], rules: 'cbs-persons' as const };

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
  shown = (await layersHandlers['analysis.layers']!(contract['analysis.layers'].request.parse(base), context())) as LayeredCrosstab;
  const req = (extra: Record<string, unknown>) =>
    contract['export.layers'].request.parse({ ...base, stats: { colPct: true, counts: true, base: true }, ...extra });
  const out = join(dir, 'lagen.csv');
  const res = await exportHandlers['export.layers']!(req({ format: 'csv', out }), context());
  csv = readFileSync(out, 'utf8');
  expect(res.text).toBe(csv);
  html = (await exportHandlers['export.layers']!(req({ format: 'html' }), context())).text;
}, 60_000);

/** The CSV's blocks: caption line, badge, header, rows, notes; split at empty lines. */
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
    expect(csv.startsWith('\ufeffGemeente × Geslacht — Golf 2024\r\n')).toBe(true);
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
      const header = lines[2];
      expect(header.slice(2, 2 + table.cols.length)).toEqual(table.cols.map((c) => c.label));
      const colN = table.cols.map((c) => table.rows.reduce((s, r) => s + (n.get(`${r.code}|${c.code}`) ?? 0), 0));
      table.rows.forEach((r, i) => {
        const pctLine = lines[3 + 2 * i];
        const countLine = lines[4 + 2 * i];
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

  it('shows the legend, the badge and the total over the layers or its withheld note', () => {
    expect(csv).toContain('x = onderdrukt (te weinig waarnemingen achter de cel)');
    expect(csv).toContain('Regels: cbs-persons');
    if (shown.total) expect(csv).toContain('Gemeente × Geslacht — Totaal over de lagen\r\n');
    else expect(csv).toContain('De totaaltabel over de lagen wordt niet getoond');
  });

  it('puts the same cells in the HTML: "x" where withheld, the tallied count elsewhere', () => {
    const counts = tally();
    const layer = shown.layers[0];
    const n = counts.get(String(layer.code))!;
    const section = html.split('<table>')[1];
    const rowsHtml = [...section.matchAll(/<tr class="cat-end"><th scope="row"><\/th><td class="stat">[^<]*<\/td>((?:<td>[^<]*<\/td>)+)<\/tr>/g)].map((m) =>
      [...m[1].matchAll(/<td>([^<]*)<\/td>/g)].map((x) => x[1]),
    );
    expect(rowsHtml).toHaveLength(layer.table.rows.length);
    layer.table.rows.forEach((r, i) =>
      layer.table.cols.forEach((c, j) => {
        const raw = n.get(`${r.code}|${c.code}`) ?? 0;
        expect(rowsHtml[i][j]).toBe(layer.table.suppressed[i][j] ? 'x' : raw === 0 ? '-' : raw.toLocaleString('nl-NL'));
      }),
    );
    expect(html).toContain('<p>x = onderdrukt (te weinig waarnemingen achter de cel)</p>');
  });

  it('gives the clipboard tab-separated text and an HTML fragment', async () => {
    const clip = await exportHandlers['export.layers']!(contract['export.layers'].request.parse({ ...base, format: 'clipboard', language: 'en' }), context());
    expect(clip.text.split('\n')[0]).toBe('Gemeente × Geslacht — Golf 2024');
    expect(clip.html).toMatch(/^<table>/);
    expect(clip.tables).toHaveLength(shown.layers.length + 1);
  });
});
