/**
 * Syntax tree of Duiding's expression language (SPSS-flavoured filters and computed variables).
 * Every node keeps the character position it starts at, so errors found after parsing (unknown
 * variables, type mismatches) can still point at the text the user typed.
 */
import type { ExprMessage } from '../../i18n/message-types';
import { DuidingError } from '../../errors';

export type BinaryOp = '+' | '-' | '*' | '/' | '**' | '=' | '<>' | '<' | '<=' | '>' | '>=' | 'and' | 'or';
export type UnaryOp = '-' | 'not';

export type Ast =
  | { kind: 'num'; value: number; pos: number }
  | { kind: 'str'; value: string; pos: number }
  | { kind: 'var'; name: string; pos: number }
  | { kind: 'unary'; op: UnaryOp; arg: Ast; pos: number }
  | { kind: 'binary'; op: BinaryOp; left: Ast; right: Ast; pos: number }
  | { kind: 'in'; arg: Ast; values: Ast[]; pos: number }
  | { kind: 'call'; name: string; args: CallArg[]; pos: number; minValid?: number };

/** `q1 to q5` inside a function call: every variable from q1 through q5 in dataset order. */
export interface VarRange {
  kind: 'range';
  from: string;
  to: string;
  pos: number;
}

export type CallArg = Ast | VarRange;

/** Any error in an expression; `position` is the 0-based character index the message is about. */
export class ExprError extends DuidingError {
  readonly position: number;
  /** Every unknown variable name, when that is the problem (the message names the first). */
  readonly unknown: string[];
  /** The error as a code with parameters, for Dutch or English text (shared/i18n/messages.ts). */
  declare readonly detail?: ExprMessage;

  /** `message` as a code gives `.message` its English text. */
  constructor(message: string | ExprMessage, position: number, unknown: string[] = []) {
    super('expression', message);
    this.name = 'ExprError';
    this.position = position;
    this.unknown = unknown;
  }
}

/** Calls `visit` on every node and variable range of a tree, depth first. */
export function walk(n: Ast | CallArg, visit: (n: Ast | CallArg) => void): void {
  visit(n);
  switch (n.kind) {
    case 'unary':
      return walk(n.arg, visit);
    case 'binary':
      walk(n.left, visit);
      return walk(n.right, visit);
    case 'in':
      walk(n.arg, visit);
      return n.values.forEach((v) => walk(v, visit));
    case 'call':
      return n.args.forEach((a) => walk(a, visit));
    default:
      return;
  }
}
