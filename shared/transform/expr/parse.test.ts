/**
 * Parser behaviour: precedence and spellings, error positions, and two properties: printing any tree
 * and parsing it back gives the same tree, and a stray character anywhere is reported exactly there.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Ast, type CallArg, ExprError } from './ast';
import { parseExpr } from './parse';
import { formatExpr } from './print';

/** Positions differ between a typed and a printed text; compare shape only. */
function strip(n: Ast | CallArg): unknown {
  const { pos: _pos, ...rest } = n as Ast & { pos: number };
  const out: Record<string, unknown> = { ...rest };
  for (const [k, v] of Object.entries(rest)) {
    if (Array.isArray(v)) out[k] = v.map((x) => strip(x as Ast));
    else if (v && typeof v === 'object') out[k] = strip(v as Ast);
  }
  return out;
}

function errorAt(text: string): number {
  try {
    parseExpr(text);
  } catch (e) {
    expect(e).toBeInstanceOf(ExprError);
    return (e as ExprError).position;
  }
  throw new Error(`no error for ${text}`);
}

describe('parseExpr', () => {
  it('accepts SPSS and C-style spellings of the same operators', () => {
    const same = [
      ['a = 1 and not b <> 2', 'a == 1 & ~ b != 2'],
      ['a ~= 1 or b >= 2', 'a ne 1 | b ge 2'],
      ['x < 1', 'x LT 1'],
    ];
    for (const [p, q] of same) expect(strip(parseExpr(p))).toEqual(strip(parseExpr(q)));
  });

  it('binds and tighter than or, and comparison tighter than not', () => {
    expect(formatExpr(parseExpr('a or b and c'))).toBe('(a or (b and c))');
    expect(formatExpr(parseExpr('not a = 1'))).toBe('(not (a = 1))');
    expect(formatExpr(parseExpr('1 + 2 * 3 - 4 / 5'))).toBe('((1 + (2 * 3)) - (4 / 5))');
    expect(formatExpr(parseExpr('2 ** -1'))).toBe('(2 ** (-1))');
  });

  it('reads in-lists, variable ranges, .n suffixes and quoted strings', () => {
    expect(formatExpr(parseExpr('leeftijd >= 18 and gemeente in (1, 3)'))).toBe('((leeftijd >= 18) and (gemeente in (1, 3)))');
    expect(formatExpr(parseExpr('MEAN.2(q1 to q5, x)'))).toBe('mean.2(q1 to q5, x)');
    expect(parseExpr(`naam = 'd''Ancona'`)).toMatchObject({ right: { kind: 'str', value: "d'Ancona" } });
    expect(parseExpr('"a""b"')).toMatchObject({ kind: 'str', value: 'a"b' });
  });

  it('points at the character that is wrong', () => {
    expect(errorAt('leeftijd >= 18 and ? 3')).toBe(19);
    expect(errorAt('a + ')).toBe(4);
    expect(errorAt("naam = 'open")).toBe(7);
    expect(errorAt('(a + b')).toBe(6);
    expect(errorAt('a b')).toBe(2);
    expect(errorAt('foo(1)')).toBe(0);
    expect(errorAt('x + abs(1, 2)')).toBe(4);
    expect(errorAt('a < b < c')).toBe(6);
    expect(errorAt('abs(q1 to q3)')).toBe(0);
    expect(errorAt('   ')).toBe(0);
  });
});

const KEYWORDS = new Set(['and', 'or', 'not', 'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'in', 'to']);
const name = fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/).filter((s) => !KEYWORDS.has(s));
const leaf: fc.Arbitrary<Ast> = fc.oneof(
  fc.double({ min: 0, max: 1e6, noNaN: true }).map((value) => ({ kind: 'num' as const, value, pos: 0 })),
  fc
    .string({ maxLength: 6 })
    .filter((s) => !s.includes('?'))
    .map((value) => ({ kind: 'str' as const, value, pos: 0 })),
  name.map((n) => ({ kind: 'var' as const, name: n, pos: 0 })),
);
const OPS = ['+', '-', '*', '/', '**', '=', '<>', '<', '<=', '>', '>=', 'and', 'or'] as const;
const tree: fc.Arbitrary<Ast> = fc.letrec<{ node: Ast }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.record({ kind: fc.constant('binary' as const), op: fc.constantFrom(...OPS), left: tie('node'), right: tie('node'), pos: fc.constant(0) }),
    fc.record({ kind: fc.constant('unary' as const), op: fc.constantFrom('-' as const, 'not' as const), arg: tie('node'), pos: fc.constant(0) }),
    fc.record({ kind: fc.constant('in' as const), arg: tie('node'), values: fc.array(tie('node'), { minLength: 1, maxLength: 3 }), pos: fc.constant(0) }),
    fc.record({
      kind: fc.constant('call' as const),
      name: fc.constantFrom('mean', 'sum', 'max'),
      args: fc.array(
        fc.oneof(
          tie('node'),
          fc.tuple(name, name).map(([from, to]) => ({ kind: 'range' as const, from, to, pos: 0 })),
        ),
        { minLength: 1, maxLength: 3 },
      ),
      pos: fc.constant(0),
    }),
  ),
})).node;

describe('parser properties', () => {
  it('parse(format(tree)) is the same tree', () => {
    fc.assert(
      fc.property(tree, (t) => {
        expect(strip(parseExpr(formatExpr(t)))).toEqual(strip(t));
      }),
      { numRuns: 400, seed: 1509 },
    );
  });

  it('a stray ? anywhere outside a string is reported at its index', () => {
    fc.assert(
      fc.property(tree, fc.nat(), (t, k) => {
        const text = formatExpr(t);
        // Only cut where no string literal is open: count quotes before the cut.
        const cuts = [...Array(text.length + 1).keys()].filter((i) => (text.slice(0, i).match(/'/g) ?? []).length % 2 === 0);
        const at = cuts[k % cuts.length];
        expect(errorAt(text.slice(0, at) + '?' + text.slice(at))).toBe(at);
      }),
      { numRuns: 400, seed: 1510 },
    );
  });

  it('never throws anything but ExprError, and positions stay inside the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30, unit: fc.constantFrom(...'ab1 ()+-*/<>=~&|,\'".x'.split('')) }), (s) => {
        try {
          parseExpr(s);
        } catch (e) {
          expect(e).toBeInstanceOf(ExprError);
          expect((e as ExprError).position).toBeGreaterThanOrEqual(0);
          expect((e as ExprError).position).toBeLessThanOrEqual(s.length);
        }
      }),
      { numRuns: 1000, seed: 1511 },
    );
  });
});
