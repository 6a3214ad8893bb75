/**
 * A multiple-response set as banner columns on the demo (issue 14): `duiding crosstab --cols '$isolatie'`
 * and a table group with the banner gemeente | $isolatie. Every published count is compared with a
 * tally straight from the data columns (not the engine), and a differencing attack (the filter and the
 * filter with one more condition) leaves no published cell 1…9 away from the wider table.
 */
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../resources/demo/generate';
import { runTableGroup } from '../../shared/analysis/table-group';
import { defaultRuleSet } from '../../shared/disclosure/rules';
import { type Dataset, findVariable, isUserMissing, numericAt } from '../../shared/model/dataset';
import { tableQuery } from '../../shared/query/table-query';
import { cli } from './run-cli';

const demo = generateDemo();
const value = (ds: Dataset, name: string, i: number): number => {
  const k = findVariable(ds, name);
  const col = ds.columns[k];
  if (col.kind !== 'numeric') throw new Error(name);
  const v = numericAt(col, i);
  return v !== v || isUserMissing(ds.variables[k].missing, v) ? NaN : v;
};
const MEMBERS = ['isolatie_dak', 'isolatie_gevel', 'isolatie_vloer', 'isolatie_glas', 'isolatie_geen'];
const golf = (i: number) => value(demo, 'golf', i) === 2025;
const older = (i: number) => value(demo, 'leeftijdsklasse', i) !== 1;
/** Cases with row = code and member = 1 among `keep` (and weighted: Σ gewicht). */
function direct(row: string, code: number, member: string, keep: (i: number) => boolean, weighted = false): number {
  let n = 0;
  for (let i = 0; i < demo.rows; i++) {
    if (!keep(i) || value(demo, row, i) !== code || value(demo, member, i) !== 1) continue;
    n += weighted ? value(demo, 'gewicht', i) : 1;
  }
  return n;
}
const unsafe = (d: number) => d > 0 && d < 10;

describe('a set in the columns of duiding crosstab', () => {
  it('gives the items as cols, each count a direct tally, with Totaal as the row margins', async () => {
    const r = await cli('crosstab', 'demo', '--rows', 'leefbaarheid', '--cols', '$isolatie', '--filter', 'golf = 2025', '--json');
    expect(r.code, r.err).toBe(0);
    const t = JSON.parse(r.out);
    expect(t.colVariable).toBe('$isolatie');
    expect(t.cols.map((c: { code: string }) => c.code)).toEqual(MEMBERS);
    expect(t.mrCols).toEqual({ set: '$isolatie', kind: 'dichotomies', counted: 1 });
    expect(t.chi2).toBeNull();
    let published = 0;
    t.rows.forEach((row: { code: number }, i: number) => {
      t.cols.forEach((col: { code: string }, j: number) => {
        const n = t.count[i][j];
        if (n === null) return expect(t.suppressed[i][j]).toBe(true);
        published++;
        expect(n, `${row.code} × ${col.code}`).toBe(direct('leefbaarheid', row.code, col.code, golf));
        if (t.colCounts[j] !== null) expect(t.colPct[i][j]).toBeCloseTo((100 * n) / t.colCounts[j], 9);
      });
    });
    expect(published).toBeGreaterThan(20);
    // Each column's base: cases with the item and a valid row value; the row margins are all cases.
    t.cols.forEach((col: { code: string }, j: number) => {
      let base = 0;
      for (let i = 0; i < demo.rows; i++)
        if (golf(i) && value(demo, 'leefbaarheid', i) === value(demo, 'leefbaarheid', i) && value(demo, col.code, i) === 1) base++;
      if (t.colCounts[j] !== null) expect(t.colCounts[j]).toBe(base);
    });
    let n = 0;
    for (let i = 0; i < demo.rows; i++) if (golf(i) && value(demo, 'leefbaarheid', i) === value(demo, 'leefbaarheid', i)) n++;
    expect(t.n).toBe(n);
  });

  it('weights the cells (Σ gewicht) like a direct weighted tally', async () => {
    const r = await cli('crosstab', 'demo', '--rows', 'leefbaarheid', '--cols', '$isolatie', '--filter', 'golf = 2025', '--weight', 'gewicht', '--json');
    const t = JSON.parse(r.out);
    t.rows.forEach((row: { code: number }, i: number) =>
      t.cols.forEach((col: { code: string }, j: number) => {
        if (t.weighted[i][j] !== null) expect(t.weighted[i][j]).toBeCloseTo(direct('leefbaarheid', row.code, col.code, golf, true), 6);
      }),
    );
  });

  it('leaves no published cell 1…9 away from the wider tables (differencing)', async () => {
    const narrow = 'golf = 2025 and leeftijdsklasse <> 1';
    const t = JSON.parse((await cli('crosstab', 'demo', '--rows', 'leefbaarheid', '--cols', '$isolatie', '--filter', narrow, '--json')).out);
    expect(t.rules.messages.map((m: { code: string }) => m.code)).toContain('difference-cells');
    const refs = [() => true, golf, older];
    let compared = 0;
    t.rows.forEach((row: { code: number }, i: number) =>
      t.cols.forEach((col: { code: string }, j: number) => {
        const n = t.count[i][j];
        if (n === null) return;
        compared++;
        expect(n).toBe(direct('leefbaarheid', row.code, col.code, (k) => golf(k) && older(k)));
        for (const ref of refs) expect(unsafe(direct('leefbaarheid', row.code, col.code, ref) - n), `${row.code} × ${col.code}`).toBe(false);
      }),
    );
    expect(compared).toBeGreaterThan(5);
  });

  it('refuses a set by a set and a set inside a nest with a clear error', async () => {
    const bySet = await cli('crosstab', 'demo', '--rows', '$isolatie', '--cols', '$isolatie', '--json');
    expect(bySet.code).not.toBe(0);
    expect(bySet.err).toMatch(/another set|andere set/);
    const q = tableQuery.parse({ dataset: demo.name, rows: ['leefbaarheid'], banner: { items: [{ nest: ['gemeente', '$isolatie'] }] } });
    expect(() => runTableGroup(demo, q, { ruleSet: defaultRuleSet('cbs-persons') })).toThrow(/nest/);
  });
});

describe('a set in the banner of a table group', () => {
  it('stacks $isolatie beside gemeente, each published count a direct tally, the differences safe', () => {
    const filter = 'golf = 2025 and leeftijdsklasse <> 1';
    const q = tableQuery.parse({
      dataset: demo.name,
      rows: ['leefbaarheid', 'vertrouwen'],
      banner: { items: [{ variable: 'gemeente' }, { variable: '$isolatie' }] },
      filter,
      tests: { chi2: true },
    });
    const g = runTableGroup(demo, q, { ruleSet: defaultRuleSet('cbs-persons') });
    for (const t of g.tables) {
      const res = t.result!;
      expect(res, t.variable).toBeDefined();
      const setCols = res.columns.map((c, k) => (c.path[0]?.variable === '$isolatie' ? k : -1)).filter((k) => k >= 0);
      expect(setCols.map((k) => res.columns[k].group)).toEqual(MEMBERS.map(() => 'Genomen isolatiemaatregelen'));
      expect(res.sets?.[0].columns).toEqual(setCols);
      // The chi-square is against gemeente only.
      expect(t.chi2?.map((c) => c.variable)).toEqual(['gemeente']);
      for (const k of setCols) {
        const member = String(res.columns[k].path[0].code);
        res.rows.forEach((row, i) => {
          const n = res.cells[i][k].count;
          if (n === null) return;
          const code = Number(row.code);
          expect(n).toBe(direct(t.variable, code, member, (x) => golf(x) && older(x)));
          for (const ref of [() => true, golf, older]) expect(unsafe(direct(t.variable, code, member, ref) - n), `${t.variable} ${code} ${member}`).toBe(false);
        });
      }
    }
  });
});
