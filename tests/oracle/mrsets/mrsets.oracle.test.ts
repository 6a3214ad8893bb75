/**
 * Multiple-response tables against R (expected.json from make.R, on mrsets.sav which PSPP made from
 * mrsets.sps): both set kinds, unweighted, frequency and sampling weights, a stratified design and a
 * stratified cluster design; bases, items, any, responses and percentages to 1e-9, the column letters under three
 * adjustments, and the design-based standard errors to 1e-8. The sets themselves are read from the
 * file as PSPP displays them (sets-pspp.csv).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSav } from '../../../electron/import/sav/index';
import type { Adjust } from '../../../shared/engine/adjust';
import { mrTable } from '../../../shared/engine/mr/table';
import type { Dataset } from '../../../shared/model/dataset';
import type { MrResult } from '../../../shared/model/results';
import { parsePsppReport } from '../sav/pspp-report';

interface Expected {
  set: string;
  mode: 'unweighted' | 'frequency' | 'sampling' | 'strata' | 'design';
  columns: string[];
  items: (string | number)[];
  base: { count: number[]; weighted: number[]; effective: number[] };
  count: number[][];
  weighted: number[][];
  pct: (number | null)[][];
  responses: { count: number[]; weighted: number[] };
  responsePct: (number | null)[][];
  letters: Record<'none' | 'bonferroni' | 'bh', string[][]>;
  se?: (number | null)[][];
}

const here = __dirname;
const expected = JSON.parse(readFileSync(join(here, 'expected.json'), 'utf8')) as { tables: Expected[] };
const COLUMNS = { total: true, items: [{ variable: 'regio' }, { nest: ['regio', 'geslacht'] as [string, string] }] };

const close = (got: number | null | undefined, want: number | null, tol: number) =>
  want === null ? got === null || got === undefined : got !== null && got !== undefined && Math.abs(got - want) <= tol * Math.max(1, Math.abs(want));

function run(ds: Dataset, e: Expected, adjust: Adjust): MrResult {
  const weight = e.mode === 'unweighted' ? undefined : { variable: 'gewicht', type: e.mode === 'frequency' ? ('frequency' as const) : ('sampling' as const) };
  const design = e.mode === 'design' ? { strata: 'regio', cluster: 'cluster' } : e.mode === 'strata' ? { strata: 'regio' } : undefined;
  return mrTable(ds, { set: e.set, columns: COLUMNS, weight, design, tests: { adjust, alpha: 0.05 }, responsePct: true });
}

describe('multiple-response sets from a PSPP-made file against R', async () => {
  const ds = await readSav(join(here, 'mrsets.sav'));

  it('reads the sets PSPP wrote, as PSPP displays them', () => {
    const pspp = parsePsppReport(readFileSync(join(here, 'sets-pspp.csv'), 'utf8')).mrSets;
    expect(
      ds.mrSets.map((m) => ({
        name: m.name,
        label: m.label,
        type: m.type === 'categories' ? 'Categories' : 'Dichotomies',
        countedValue: m.countedValue === undefined ? '' : String(m.countedValue),
        variables: m.variables,
      })),
    ).toEqual(pspp);
  });

  it('has every combination of set and weighting', () => {
    expect(expected.tables.map((t) => `${t.set} ${t.mode}`)).toEqual(
      ['$isolatie', '$prioriteit'].flatMap((s) => ['unweighted', 'frequency', 'sampling', 'strata', 'design'].map((m) => `${s} ${m}`)),
    );
  });

  for (const e of expected.tables) {
    describe(`${e.set}, ${e.mode}`, () => {
      const r = run(ds, e, 'none');
      const rows = [...r.cells, r.any];

      it('has R’s columns and items', () => {
        expect(r.columns.map((c) => c.key)).toEqual(e.columns);
        expect(r.items.map((i) => i.code)).toEqual(e.items);
      });

      it('counts base, items, any and responses as R', () => {
        expect(r.base.count).toEqual(e.base.count);
        expect(rows.map((row) => row.map((c) => c.count))).toEqual(e.count);
        expect(r.responses.count).toEqual(e.responses.count);
        r.base.weighted.forEach((v, k) => expect(close(v, e.base.weighted[k], 1e-12), `base ${k}`).toBe(true));
        r.base.effective.forEach((v, k) => expect(close(v, e.base.effective[k], 1e-12), `effective ${k}`).toBe(true));
        rows.forEach((row, i) => row.forEach((c, k) => expect(close(c.weighted, e.weighted[i][k], 1e-12), `Σw ${i},${k}`).toBe(true)));
        r.responses.weighted.forEach((v, k) => expect(close(v, e.responses.weighted[k], 1e-12)).toBe(true));
      });

      it('gives % of cases and % of responses as R', () => {
        rows.forEach((row, i) => row.forEach((c, k) => expect(close(c.pct, e.pct[i][k], 1e-9), `pct ${i},${k}: ${c.pct} vs ${e.pct[i][k]}`).toBe(true)));
        r.cells.forEach((row, i) => row.forEach((c, k) => expect(close(c.responsePct, e.responsePct[i][k], 1e-9), `resp% ${i},${k}`).toBe(true)));
      });

      it('marks the same column letters as R, without adjustment, with Bonferroni and with BH', () => {
        const letters = (x: MrResult) => [...x.cells, x.any].map((row) => row.map((c) => c.sig));
        expect(letters(r)).toEqual(e.letters.none);
        expect(letters(run(ds, e, 'bonferroni'))).toEqual(e.letters.bonferroni);
        expect(letters(run(ds, e, 'bh'))).toEqual(e.letters.bh);
        // The comparison must have found something to mark, or it tests nothing.
        expect(e.letters.none.flat().join('').length).toBeGreaterThan(0);
      });

      if (e.se) {
        it('has R survey’s design-based standard errors', () => {
          rows.forEach((row, i) => row.forEach((c, k) => expect(close(c.se, e.se![i][k], 1e-8), `se ${i},${k}: ${c.se} vs ${e.se![i][k]}`).toBe(true)));
        });
      } else {
        it('has no standard errors without a sampling weight or design', () => {
          expect(rows.flat().every((c) => c.se === undefined)).toBe(true);
        });
      }
    });
  }
});
