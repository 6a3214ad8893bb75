/**
 * Multiple-response sets as banner columns against R (expected-columns.json from make-columns.R, on
 * the PSPP-made mrsets.sav): regio by Totaal | geslacht | $isolatie | $prioriteit, unweighted and with
 * frequency and sampling weights — every cell's count and Σw, column %, the bases (count, Σw, Kish)
 * and the mean of regio per column, to 1e-9.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSav } from '../../../electron/import/sav/index';
import { banner } from '../../../shared/engine/banner';

interface Expected {
  mode: 'unweighted' | 'frequency' | 'sampling';
  columns: string[];
  rows: number[];
  count: number[][];
  weighted: number[][];
  pct: number[][];
  base: { count: number[]; weighted: number[]; effective: number[] };
  mean: number[];
}

const expected = JSON.parse(readFileSync(join(__dirname, 'expected-columns.json'), 'utf8')) as { tables: Expected[] };
const COLUMNS = { total: true, items: [{ variable: 'geslacht' }, { variable: '$isolatie' }, { variable: '$prioriteit' }] };
const close = (got: number | null | undefined, want: number) => got !== null && got !== undefined && Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want));

describe('a set as banner columns, against R', async () => {
  const ds = await readSav(join(__dirname, 'mrsets.sav'));

  for (const e of expected.tables) {
    it(`regio by Totaal | geslacht | $isolatie | $prioriteit, ${e.mode}`, () => {
      const weight = e.mode === 'unweighted' ? undefined : { variable: 'gewicht', type: e.mode };
      const r = banner(ds, { row: 'regio', columns: COLUMNS, weight, means: true, tests: { adjust: 'bonferroni', alpha: 0.05 } });
      expect(r.columns.map((c) => c.key)).toEqual(e.columns);
      expect(r.rows.map((x) => x.code)).toEqual(e.rows);
      const bad: string[] = [];
      const check = (what: string, got: number | null | undefined, want: number) => {
        if (!close(got, want)) bad.push(`${what}: ${String(got)} ≠ ${want}`);
      };
      e.columns.forEach((key, k) => {
        e.rows.forEach((code, i) => {
          check(`count ${code} ${key}`, r.cells[i][k].count, e.count[i][k]);
          check(`weighted ${code} ${key}`, r.cells[i][k].weighted, e.weighted[i][k]);
          check(`pct ${code} ${key}`, r.cells[i][k].pct, e.pct[i][k]);
        });
        check(`base ${key}`, r.base.count[k], e.base.count[k]);
        check(`weighted base ${key}`, r.base.weighted[k], e.base.weighted[k]);
        check(`effective base ${key}`, r.base.effective[k], e.base.effective[k]);
        check(`mean ${key}`, r.means?.mean[k], e.mean[k]);
      });
      expect(bad).toEqual([]);
      // The set's columns overlap: no letters and no row percentages within them; the plain group keeps its test.
      const setCols = r.columns.map((c, k) => (c.key.startsWith('$') ? k : -1)).filter((k) => k >= 0);
      expect(setCols).toHaveLength(4 + 6);
      for (const k of setCols) {
        expect(r.columns[k].letter).toBe('');
        for (const row of r.cells) expect([row[k].sig, row[k].rowPct, row[k].totalPct]).toEqual(['', null, null]);
      }
      expect(r.sets?.map((s) => [s.set, s.kind, s.maxPerCase, s.columns])).toEqual([
        ['$isolatie', 'dichotomies', 4, [3, 4, 5, 6]],
        ['$prioriteit', 'categories', 3, [7, 8, 9, 10, 11, 12]],
      ]);
      expect(r.columns[3].group).toBe('Genomen isolatiemaatregelen');
    });
  }
});
