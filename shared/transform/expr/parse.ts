/**
 * Recursive-descent parser. Precedence, loosest first (as in SPSS): or, and, not, comparisons and
 * `in`, + -, * /, unary minus, ** (left-associative, so 2**3**2 is 64 and -2**2 is -4).
 */
import { type Ast, type BinaryOp, type CallArg, ExprError } from './ast';
import { FUNCTIONS, splitFnName } from './functions';
import { type Token, tokenize } from './tokenize';
import type { ExprExpected } from '../../i18n/message-types';

const COMPARISONS = new Set(['=', '<>', '<', '<=', '>', '>=']);

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  atEnd(): boolean {
    return this.peek().type === 'eof';
  }
  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)];
  }
  private next(): Token {
    return this.tokens[this.i++];
  }
  private isOp(text: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.type === 'op' && t.text === text;
  }
  private expect(text: string, what: ExprExpected): Token {
    if (!this.isOp(text)) throw this.unexpected(what);
    return this.next();
  }
  unexpected(what: ExprExpected): ExprError {
    const t = this.peek();
    if (t.type === 'eof') return new ExprError({ code: 'expr-ends-early', expected: what }, t.pos);
    return new ExprError({ code: 'expr-expected', expected: what, found: describe(t) }, t.pos);
  }

  parseExpression(): Ast {
    return this.parseOr();
  }

  private binaryChain(ops: string[], sub: () => Ast): Ast {
    let left = sub();
    while (ops.some((o) => this.isOp(o))) {
      const op = this.next().text as BinaryOp;
      const right = sub();
      left = { kind: 'binary', op, left, right, pos: left.pos };
    }
    return left;
  }

  private parseOr = (): Ast => this.binaryChain(['or'], this.parseAnd);
  private parseAnd = (): Ast => this.binaryChain(['and'], this.parseNot);

  private parseNot = (): Ast => {
    if (this.isOp('not')) {
      const pos = this.next().pos;
      return { kind: 'unary', op: 'not', arg: this.parseNot(), pos };
    }
    return this.parseComparison();
  };

  private parseComparison(): Ast {
    const left = this.parseAdditive();
    const t = this.peek();
    if (t.type === 'ident' && t.text.toLowerCase() === 'in') {
      this.next();
      this.expect('(', 'paren-after-in');
      const values = [this.parseAdditive()];
      while (this.isOp(',')) {
        this.next();
        values.push(this.parseAdditive());
      }
      this.expect(')', 'comma-or-close');
      return { kind: 'in', arg: left, values, pos: left.pos };
    }
    if (t.type === 'op' && COMPARISONS.has(t.text)) {
      this.next();
      const right = this.parseAdditive();
      if (this.peek().type === 'op' && COMPARISONS.has(this.peek().text)) {
        throw new ExprError({ code: 'expr-chained-comparison' }, this.peek().pos);
      }
      return { kind: 'binary', op: t.text as BinaryOp, left, right, pos: left.pos };
    }
    return left;
  }

  private parseAdditive = (): Ast => this.binaryChain(['+', '-'], this.parseMultiplicative);
  private parseMultiplicative = (): Ast => this.binaryChain(['*', '/'], this.parseUnary);

  private parseUnary = (): Ast => {
    if (this.isOp('-')) {
      const pos = this.next().pos;
      return { kind: 'unary', op: '-', arg: this.parseUnary(), pos };
    }
    if (this.isOp('+')) {
      this.next();
      return this.parseUnary();
    }
    return this.parsePower();
  };

  private parsePower(): Ast {
    let left = this.parsePrimary();
    while (this.isOp('**')) {
      this.next();
      const right = this.parseExponent();
      left = { kind: 'binary', op: '**', left, right, pos: left.pos };
    }
    return left;
  }

  /** The right side of ** may carry its own sign: 2 ** -1. */
  private parseExponent(): Ast {
    if (this.isOp('-')) {
      const pos = this.next().pos;
      return { kind: 'unary', op: '-', arg: this.parseExponent(), pos };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): Ast {
    const t = this.peek();
    if (t.type === 'num') {
      this.next();
      return { kind: 'num', value: t.value, pos: t.pos };
    }
    if (t.type === 'str') {
      this.next();
      return { kind: 'str', value: t.text, pos: t.pos };
    }
    if (t.type === 'ident') {
      this.next();
      if (this.isOp('(')) return this.parseCall(t);
      return { kind: 'var', name: t.text, pos: t.pos };
    }
    if (this.isOp('(')) {
      this.next();
      const inner = this.parseExpression();
      this.expect(')', 'close');
      return inner;
    }
    throw this.unexpected('operand');
  }

  private parseCall(nameTok: Token): Ast {
    const { name, minValid } = splitFnName(nameTok.text);
    const def = FUNCTIONS[name];
    if (!def) throw new ExprError({ code: 'expr-unknown-function', name: nameTok.text }, nameTok.pos);
    if (minValid !== undefined && def.kind !== 'aggregate') {
      throw new ExprError({ code: 'expr-no-n-suffix', name }, nameTok.pos);
    }
    this.expect('(', 'open');
    const args: CallArg[] = [];
    if (!this.isOp(')')) {
      args.push(this.parseArg());
      while (this.isOp(',')) {
        this.next();
        args.push(this.parseArg());
      }
    }
    this.expect(')', 'comma-or-close');
    const ranges = args.some((a) => a.kind === 'range');
    if (ranges && def.kind !== 'aggregate') {
      throw new ExprError({ code: 'expr-range-not-allowed' }, nameTok.pos);
    }
    if (!ranges && (args.length < def.min || args.length > def.max)) {
      throw new ExprError({ code: 'expr-arg-count', name, min: def.min, exact: def.min === def.max, got: args.length }, nameTok.pos);
    }
    if (minValid === undefined) return { kind: 'call', name, args, pos: nameTok.pos };
    return { kind: 'call', name, args, pos: nameTok.pos, minValid };
  }

  private parseArg(): CallArg {
    const a = this.peek();
    const to = this.peek(1);
    const b = this.peek(2);
    if (a.type === 'ident' && to.type === 'ident' && to.text.toLowerCase() === 'to' && b.type === 'ident') {
      this.i += 3;
      return { kind: 'range', from: a.text, to: b.text, pos: a.pos };
    }
    return this.parseExpression();
  }
}

function describe(t: Token): string {
  return t.type === 'str' ? `'${t.text}'` : t.text;
}

/** Parses an expression; throws ExprError with the position of the first problem. */
export function parseExpr(text: string): Ast {
  const p = new Parser(tokenize(text));
  if (p.atEnd()) throw new ExprError({ code: 'expr-empty' }, 0);
  const ast = p.parseExpression();
  if (!p.atEnd()) throw p.unexpected('operator-or-end');
  return ast;
}
