/**
 * Differencing attacks, as an outsider tried them: two filters whose difference is one small group.
 * `freq demo --var gemeente --filter "golf = 2025"` gives Pekela 83 and `… and leeftijdsklasse <> 1`
 * gave 78 — the suppressed 5 young Pekelaars. Every filtered table is now checked against the same
 * table without the filter and without each of its conditions, and (in a project) against tables of the
 * same rows and banner already released under other filters. The counts here are tallied straight from
 * the data columns, not by the engine, and no published cell may differ from a reference by 1…9.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/backend/dispatch';
import { handlers } from '../../electron/handlers/index';
import { AppSession } from '../../electron/backend/session';
import type { AppContext } from '../../electron/backend/types';
import { ensureDemoProject } from '../../electron/startup/demo-project';
import { generateDemo } from '../../resources/demo/generate';
import { type Dataset, findVariable, isUserMissing, numericAt } from '../../shared/model/dataset';
import type { BannerResult } from '../../shared/model/results';
import { cli } from './run-cli';
import { runTableGroup } from '../../shared/analysis/table-group';
import { defaultRuleSet } from '../../shared/disclosure/rules';
import { tableQuery } from '../../shared/query/table-query';

const demo = generateDemo();
const value = (ds: Dataset, name: string, i: number): number => {
  const k = findVariable(ds, name);
  const col = ds.columns[k];
  if (col.kind !== 'numeric') throw new Error(name);
  const v = numericAt(col, i);
  return v !== v || isUserMissing(ds.variables[k].missing, v) ? NaN : v;
};
/** Unweighted count per code of `v` among rows where `keep` holds. */
function tally(v: string, keep: (i: number) => boolean): Map<number, number> {
  const out = new Map<number, number>();
  for (let i = 0; i < demo.rows; i++) {
    const x = value(demo, v, i);
    if (x === x && keep(i)) out.set(x, (out.get(x) ?? 0) + 1);
  }
  return out;
}
const unsafe = (d: number) => d > 0 && d < 10;

describe('differencing on the command line', () => {
  it('no longer gives away the young Pekelaars by subtracting two frequency tables', async () => {
    const wide = JSON.parse((await cli('freq', 'demo', '--var', 'gemeente', '--filter', 'golf = 2025', '--json')).out);
    const narrow = JSON.parse((await cli('freq', 'demo', '--var', 'gemeente', '--filter', 'golf = 2025 and leeftijdsklasse <> 1', '--json')).out);
    const pekela = (r: any) => r.categories.find((c: any) => c.label === 'Pekela').count;
    expect(pekela(wide)).toBeGreaterThan(10);
    expect(pekela(narrow)).toBeNull();
    expect(narrow.rules.messages).toContainEqual({ code: 'difference-cells', n: expect.any(Number), min: 10, source: 'filter' });
    // Against every reference the filter implies, no published count differs by 1…9.
    const golf = (i: number) => value(demo, 'golf', i) === 2025;
    const older = (i: number) => value(demo, 'leeftijdsklasse', i) !== 1;
    const refs = [tally('gemeente', () => true), tally('gemeente', golf), tally('gemeente', older)];
    for (const c of narrow.categories.filter((x: any) => !x.missing && x.count !== null)) {
      for (const ref of refs) expect(unsafe((ref.get(c.code) ?? 0) - c.count), `${c.label}`).toBe(false);
    }
  });

  it('protects a crosstab the same way (cells and margins)', async () => {
    const r = await cli('crosstab', 'demo', '--rows', 'gemeente', '--cols', 'geslacht', '--filter', 'golf = 2025 and leeftijdsklasse <> 1', '--json');
    const t = JSON.parse(r.out);
    const keep = (i: number) => value(demo, 'golf', i) === 2025;
    t.rows.forEach((row: any, i: number) =>
      t.cols.forEach((col: any, j: number) => {
        const n = t.count[i][j];
        if (n === null) return;
        let ref = 0;
        for (let k = 0; k < demo.rows; k++) if (keep(k) && value(demo, 'gemeente', k) === row.code && value(demo, 'geslacht', k) === col.code) ref++;
        expect(unsafe(ref - n), `${row.label} × ${col.label}`).toBe(false);
      }),
    );
  });
});

describe('differencing of set tables and layered tables', () => {
  const golf = (i: number) => value(demo, 'golf', i) === 2025;
  const narrow = 'golf = 2025 and leeftijdsklasse <> 1';
  /** The references the narrow filter implies: everything, golf = 2025 alone, leeftijdsklasse <> 1 alone. */
  const references = [() => true, golf, (i: number) => value(demo, 'leeftijdsklasse', i) !== 1];
  const count = (keep: (i: number) => boolean) => {
    let n = 0;
    for (let i = 0; i < demo.rows; i++) if (keep(i)) n++;
    return n;
  };

  it('checks each item, "any" and the base of a set in the rows against the wider selections', async () => {
    const t = JSON.parse((await cli('crosstab', 'demo', '--rows', '$isolatie', '--cols', 'gemeente', '--filter', narrow, '--json')).out);
    const members = t.rows.map((r: any) => String(r.code));
    const inCol = (code: number) => (i: number) => value(demo, 'gemeente', i) === code;
    const valid = (i: number) => members.some((m: string) => value(demo, m, i) === value(demo, m, i));
    const ticked = (m: string) => (i: number) => value(demo, m, i) === 1;
    const checked = { cells: 0, published: 0 };
    const expectSafe = (n: number | null, who: (i: number) => boolean, what: string) => {
      checked.cells++;
      if (n === null) return;
      checked.published++;
      for (const ref of references) expect(unsafe(count((i) => ref(i) && who(i)) - n), what).toBe(false);
    };
    t.cols.forEach((col: any, k: number) => {
      const c = inCol(col.code);
      t.rows.forEach((row: any, i: number) => expectSafe(t.count[i][k], (x) => c(x) && ticked(String(row.code))(x), `${row.code} × ${col.label}`));
      expectSafe(t.mr.any[k], (x) => c(x) && members.some((m: string) => ticked(m)(x)), `any × ${col.label}`);
      expectSafe(t.mr.base[k], (x) => c(x) && valid(x), `base × ${col.label}`);
    });
    expect(checked.published).toBeGreaterThan(checked.cells / 2);
    expect(t.rules.messages).toContainEqual({ code: 'difference-cells', n: expect.any(Number), min: 10, source: 'filter' });
  });

  it('checks every layer and the total of a layered crosstab against the wider selections', async () => {
    const args = ['--rows', 'leefbaarheid', '--cols', 'gemeente', '--layers', 'geslacht', '--filter', narrow, '--json'];
    const t = JSON.parse((await cli('crosstab', 'demo', ...args)).out);
    const tables: { table: any; layer: (i: number) => boolean }[] = t.layers.map((l: any) => ({
      table: l.table,
      layer: (i: number) => value(demo, 'geslacht', i) === l.code,
    }));
    if (t.total) tables.push({ table: t.total, layer: (i: number) => value(demo, 'geslacht', i) === value(demo, 'geslacht', i) });
    let published = 0;
    for (const { table, layer } of tables) {
      table.rows.forEach((row: any, i: number) =>
        table.cols.forEach((col: any, j: number) => {
          const n = table.count[i][j];
          if (n === null) return;
          published++;
          const who = (x: number) => layer(x) && value(demo, 'leefbaarheid', x) === row.code && value(demo, 'gemeente', x) === col.code;
          for (const ref of references) expect(unsafe(count((x) => ref(x) && who(x)) - n), `${row.label} × ${col.label}`).toBe(false);
        }),
      );
    }
    expect(published).toBeGreaterThan(0);
    expect(t.rules.messages).toContainEqual(expect.objectContaining({ code: 'difference-cells', source: 'filter' }));
  });
});

describe('differencing on the route of the screen and the book (table group)', () => {
  const narrow = 'golf = 2025 and leeftijdsklasse <> 1';
  const golfOnly = (i: number) => value(demo, 'golf', i) === 2025;
  const count = (keep: (i: number) => boolean) => {
    let n = 0;
    for (let i = 0; i < demo.rows; i++) if (keep(i)) n++;
    return n;
  };
  const rs = defaultRuleSet('cbs-persons');

  it('a set question against the banner, and a layered question, publish no cell 1…9 from the wave alone', () => {
    const set = runTableGroup(demo, tableQuery.parse({ dataset: 'demo', rows: ['$isolatie'], banner: { items: [{ variable: 'gemeente' }] }, filter: narrow }), {
      ruleSet: rs,
    }).tables[0].mr!;
    let published = 0;
    set.columns.forEach((col, k) => {
      const inCol = (i: number) => col.path.every((p) => value(demo, p.variable, i) === Number(p.code));
      set.items.forEach((item, r) => {
        const n = set.cells[r][k].count;
        if (n === null) return;
        published++;
        expect(unsafe(count((i) => golfOnly(i) && inCol(i) && value(demo, String(item.code), i) === 1) - n), `${item.code} × ${col.label}`).toBe(false);
      });
    });
    expect(published).toBeGreaterThan(0);

    const query = tableQuery.parse({
      dataset: 'demo',
      rows: ['leefbaarheid'],
      banner: { items: [{ variable: 'gemeente' }] },
      layers: ['geslacht'],
      filter: narrow,
    });
    const layered = runTableGroup(demo, query, { ruleSet: rs }).tables[0].layered![0];
    for (const l of layered.layers) {
      l.table.rows.forEach((row, i) =>
        l.table.cols.forEach((col, j) => {
          const n = l.table.count[i][j];
          if (n === null) return;
          const who = (x: number) =>
            golfOnly(x) && value(demo, 'geslacht', x) === l.code && value(demo, 'leefbaarheid', x) === row.code && value(demo, 'gemeente', x) === col.code;
          expect(unsafe(count(who) - n), `${l.label}: ${row.label} × ${col.label}`).toBe(false);
        }),
      );
    }
  });
});

describe('the release register', () => {
  it('checks a new table against a table of the same rows and banner released under another filter', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'duiding-register-'));
    const session = new AppSession(dir);
    session.open(ensureDemoProject(dir));
    const ctx: AppContext = { session, emit: () => undefined };
    const call = async (name: string, args: unknown) => {
      const out = await dispatch(handlers, name, args, ctx);
      if (!out.ok) throw new Error(out.body.error.message);
      return out.result as any;
    };
    const base = { dataset: 'demo', rows: ['gemeente'], banner: { items: [{ variable: 'geslacht' }] } };
    const at31 = { ...base, filter: 'leeftijd >= 31' };
    // Aged exactly 30: what subtracting "leeftijd >= 30" from "leeftijd >= 31" would reveal.
    const thirty = (g: number, s: number | null) => {
      let n = 0;
      for (let i = 0; i < demo.rows; i++) {
        const sex = value(demo, 'geslacht', i);
        if (value(demo, 'leeftijd', i) === 30 && value(demo, 'gemeente', i) === g && sex === sex && (s === null || sex === s)) n++;
      }
      return n;
    };
    const revealed = (b: BannerResult) =>
      b.rows.flatMap((row, i) =>
        b.columns.flatMap((col, k) => {
          const c = b.cells[i][k];
          if (c.suppressed) return [];
          const code = col.path.length === 0 ? null : Number(col.path[0].code);
          return unsafe(thirty(Number(row.code), code)) ? [`${row.label} × ${col.label}`] : [];
        }),
      );
    const before = (await call('analysis.tables', at31)).tables[0].result as BannerResult;
    // Without a release there is nothing to subtract from: some such cells are published.
    expect(revealed(before).length).toBeGreaterThan(0);
    await call('export.table', { ...base, filter: 'leeftijd >= 30', format: 'csv' });
    const after = (await call('analysis.tables', at31)).tables[0].result as BannerResult;
    expect(revealed(after)).toEqual([]);
    expect(after.rules.messages).toContainEqual(expect.objectContaining({ code: 'difference-cells', source: 'released' }));
    // The register itself: one row per table that left, with its filter.
    expect(
      session
        .store()
        .releases()
        .filters('demo', 'gemeente', { total: true, items: [{ variable: 'geslacht' }] }),
    ).toEqual(['leeftijd >= 30']);
    session.close();
  });
});
