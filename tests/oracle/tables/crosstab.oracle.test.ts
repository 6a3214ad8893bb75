/** Crosstab counts and tests against R (expected.json from make.R: chisq.test, fisher.test, svychisq). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CrosstabTable } from '../../../shared/model/results';
import { crosstab } from '../../../shared/engine/crosstab';
import { closeRel, loadExpected, loadFixture } from './fixture';
import { expectP } from '../p-value';

const ds = loadFixture();
const ex = loadExpected();

function expectStat(got: { value: number; df: number; p: number }, want: { value: number; df: number; p: number }) {
  expect(closeRel(got.value, want.value)).toBe(true);
  expect(got.df).toBe(want.df);
  expectP(got.p, want.p);
}

function expectBlock(t: CrosstabTable, want: any, weightedKey: 'count' | 'weighted') {
  expect(t.rows.map((r) => r.code)).toEqual(want.rows);
  expect(t.cols.map((r) => r.code)).toEqual(want.cols);
  const wanted: number[][] = want[weightedKey];
  t.weighted.forEach((row, i) => row.forEach((v, j) => expect(closeRel(v!, wanted[i][j])).toBe(true)));
  expectStat(t.chi2!.pearson, want.pearson);
  expectStat(t.chi2!.lr, want.lr);
  if (want.yates) expectStat(t.chi2!.yates!, want.yates);
  if (want.fisher !== undefined) expectP(t.chi2!.fisher!.p, want.fisher, 'Fisher');
}

describe('crosstab vs R', () => {
  it('unweighted a × b: counts exact, Pearson and LR', () => {
    const t = crosstab(ds, { row: 'a', col: 'b' });
    expect(t.count).toEqual(ex.unweighted_ab.count);
    expectBlock(t, ex.unweighted_ab, 'count');
  });

  it('integer frequency weight: tests on Σw', () => {
    const t = crosstab(ds, { row: 'a', col: 'b', weight: { variable: 'fw', type: 'frequency' } });
    expectBlock(t, ex.freqweight_ab, 'count');
  });

  it('fractional frequency weight: zero and missing weights excluded and counted', () => {
    const t = crosstab(ds, { row: 'a', col: 'b', weight: { variable: 'w', type: 'frequency' } });
    expect(t.count).toEqual(ex.fracweight_ab.count);
    expectBlock(t, ex.fracweight_ab, 'weighted');
    expect(t.weightInfo).toEqual({ variable: 'w', type: 'frequency', excluded: 9 });
    expect(t.chi2!.fisher).toBeUndefined();
  });

  it.each(['x_z', 'x_z_small', 'x_z_fw'])('2×2 %s: Yates and Fisher', (key) => {
    const filter = key === 'x_z_small' ? Uint8Array.from({ length: ds.rows }, (_, i) => (i < 40 ? 1 : 0)) : undefined;
    const weight = key === 'x_z_fw' ? { variable: 'fw', type: 'frequency' as const } : undefined;
    const t = crosstab(ds, { row: 'x', col: 'z', filter, weight });
    expectBlock(t, ex[key], 'count');
  });

  it.each([
    ['raoscott_ab_weights', 'a', 'b', false],
    ['raoscott_ab_design', 'a', 'b', true],
    ['raoscott_xz_weights', 'x', 'z', false],
    ['raoscott_xz_design', 'x', 'z', true],
    ['raoscott_ab_strata', 'a', 'b', 'strata'],
  ] as const)('Rao–Scott F %s', (key, row, col, withDesign) => {
    const t = crosstab(ds, {
      row,
      col,
      weight: { variable: 'w', type: 'sampling' },
      design: withDesign === 'strata' ? { strata: 'st' } : withDesign ? { strata: 'st', cluster: 'cl' } : undefined,
    });
    const rs = t.chi2!.raoScott!;
    const want = ex[key];
    expect(closeRel(rs.F, want.F)).toBe(true);
    expect(closeRel(rs.ndf, want.ndf)).toBe(true);
    expect(closeRel(rs.ddf, want.ddf)).toBe(true);
    expectP(rs.p, want.p, 'Rao–Scott');
    expect(Number.isNaN(t.chi2!.pearson.p)).toBe(true);
  });
});

describe('PSPP CROSSTABS agrees at the decimals it prints (crosstab-pspp.csv)', () => {
  const txt = readFileSync(join(__dirname, 'crosstab-pspp.csv'), 'utf8');
  const blocks = txt.split('Table: Chi-Square Tests').slice(1);
  const stat = (block: string, label: string) => Number(new RegExp(`${label},([\\d.]+)`).exec(block)![1]);

  it('fractional frequency weight: Pearson and LR on unrounded Σw', () => {
    const t = crosstab(ds, { row: 'a', col: 'b', weight: { variable: 'w', type: 'frequency' } });
    expect(t.chi2!.pearson.value.toFixed(2)).toBe(stat(blocks[0], 'Pearson Chi-Square').toFixed(2));
    expect(t.chi2!.lr.value.toFixed(2)).toBe(stat(blocks[0], 'Likelihood Ratio').toFixed(2));
    expect(t.total!.toFixed(4)).toBe(stat(blocks[0], 'N of Valid Cases').toFixed(4));
  });

  it('2×2 unweighted: Pearson, LR and continuity correction', () => {
    const t = crosstab(ds, { row: 'x', col: 'z' });
    expect(t.chi2!.pearson.value.toFixed(2)).toBe(stat(blocks[1], 'Pearson Chi-Square').toFixed(2));
    expect(t.chi2!.lr.value.toFixed(2)).toBe(stat(blocks[1], 'Likelihood Ratio').toFixed(2));
    expect(t.chi2!.yates!.value.toFixed(2)).toBe(stat(blocks[1], 'Continuity Correction').toFixed(2));
  });
});
