/**
 * Evaluation rules not covered by the PSPP comparison: filter keeps only true rows, names are
 * resolved case-insensitively, unknown names and type errors point at the right place, and every
 * storage type (Int8/16/32 with sentinels, Float64) reads the same.
 */
import { describe, expect, it } from 'vitest';
import { makeDataset } from '../testing';
import { ExprError } from './ast';
import { evaluateFilter, evaluateNumeric } from './evaluate';
import { parseExpr } from './parse';
import { variablesOf } from './compile';

const ds = makeDataset([
  { name: 'Leeftijd', values: [17, 18, 45, NaN, 99, 70] },
  { name: 'gemeente', values: [1, 2, 3, 1, 3, 4] },
  { name: 'inkomen', values: [1e6, 2.5, 40000, -3, NaN, 1e9] },
  { name: 'plaats', values: ['Utrecht', 'Zeist  ', 'Utrecht', 'onbekend', 'Houten', 'Zeist'] },
]);
ds.variables[0].missing = { values: [99], range: null };
ds.variables[3].missing = { values: ['onbekend'], range: null };

const filter = (t: string): number[] => [...evaluateFilter(parseExpr(t), ds)];
const numeric = (t: string): number[] => [...evaluateNumeric(parseExpr(t), ds)];

function failure(text: string): ExprError {
  try {
    evaluateNumeric(parseExpr(text), ds);
  } catch (e) {
    if (e instanceof ExprError) return e;
    throw e;
  }
  throw new Error('expected an ExprError');
}

describe('evaluateFilter', () => {
  it('keeps true rows and drops false and missing ones', () => {
    expect(filter('leeftijd >= 18 and gemeente in (1, 3)')).toEqual([0, 0, 1, 0, 0, 0]);
    // Row 4 (sysmis) and row 5 (user-missing 99) are unknown, so neither side keeps them.
    expect(filter('leeftijd >= 18')).toEqual([0, 1, 1, 0, 0, 1]);
    expect(filter('not (leeftijd >= 18)')).toEqual([1, 0, 0, 0, 0, 0]);
    // ... unless or has a true side.
    expect(filter('leeftijd >= 18 or gemeente = 3')).toEqual([0, 1, 1, 0, 1, 1]);
  });

  it('compares strings ignoring trailing blanks; user-missing strings stay ordinary text', () => {
    expect(filter("plaats = 'Zeist'")).toEqual([0, 1, 0, 0, 0, 1]);
    expect(filter("plaats in ('Utrecht', 'Houten')")).toEqual([1, 0, 1, 0, 1, 0]);
    expect(filter("plaats = 'onbekend'")).toEqual([0, 0, 0, 1, 0, 0]);
    expect(filter('missing(plaats)')).toEqual([0, 0, 0, 1, 0, 0]);
  });

  it('reads wide storage the same as narrow storage', () => {
    expect(ds.columns[2].kind === 'numeric' && ds.columns[2].data).toBeInstanceOf(Float64Array);
    expect(filter('inkomen > 100 and inkomen <= 1e9')).toEqual([1, 0, 1, 0, 0, 1]);
    expect(filter('sysmis(inkomen)')).toEqual([0, 0, 0, 0, 1, 0]);
    expect(filter('missing(leeftijd) and not sysmis(leeftijd)')).toEqual([0, 0, 0, 0, 1, 0]);
  });
});

describe('evaluateNumeric', () => {
  it('uses dataset order for ranges and NaN for system-missing', () => {
    const r = numeric('sum(leeftijd to gemeente)');
    expect(r).toEqual([18, 20, 48, 1, 3, 74]);
    expect(numeric('value(leeftijd) - 1')[4]).toBe(98);
    expect(numeric('10 ** 400')[0]).toBeNaN();
  });
});

describe('variablesOf', () => {
  it('lists the columns an expression reads, ranges expanded, in dataset order', () => {
    expect(variablesOf(parseExpr("plaats = 'x' or mean(leeftijd to inkomen) > 3"), ds)).toEqual(['Leeftijd', 'gemeente', 'inkomen', 'plaats']);
  });
  it('treats $sysmis as the system-missing constant', () => {
    expect(numeric('$sysmis + 1')[0]).toBeNaN();
    expect(filter('sysmis($SYSMIS)')).toEqual([1, 1, 1, 1, 1, 1]);
  });
});

describe('errors', () => {
  it('names every unknown variable and points at the first', () => {
    const e = failure('leeftijd + gewicht * mean(q1 to q5)');
    expect(e.position).toBe(11);
    expect(e.unknown).toEqual(['gewicht', 'q1', 'q5']);
    expect(e.message).toContain('gewicht');
  });

  it('rejects mixing text and numbers where the operand is', () => {
    expect(failure("leeftijd = 'a'").position).toBe(11);
    expect(failure('plaats + 1').position).toBe(0);
    expect(failure('mean(leeftijd, plaats)').position).toBe(15);
    expect(failure('sum(gemeente to leeftijd)').position).toBe(4);
  });

  it('refuses a text expression as a filter', () => {
    expect(() => evaluateFilter(parseExpr('plaats'), ds)).toThrow(ExprError);
  });
});
