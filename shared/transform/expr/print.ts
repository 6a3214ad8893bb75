/**
 * Prints a tree back to text that parses to the same tree. Every compound is parenthesised, so the
 * output is unambiguous whatever the precedence rules; used to store recipes and in round-trip tests.
 */
import type { Ast, CallArg } from './ast';

function num(v: number): string {
  if (v === Infinity) return '1e999';
  return String(v);
}

function str(v: string): string {
  return `'${v.replace(/'/g, "''")}'`;
}

function arg(a: CallArg): string {
  return a.kind === 'range' ? `${a.from} to ${a.to}` : formatExpr(a);
}

export function formatExpr(ast: Ast): string {
  switch (ast.kind) {
    case 'num':
      return num(ast.value);
    case 'str':
      return str(ast.value);
    case 'var':
      return ast.name;
    case 'unary':
      return ast.op === '-' ? `(-${formatExpr(ast.arg)})` : `(not ${formatExpr(ast.arg)})`;
    case 'binary':
      return `(${formatExpr(ast.left)} ${ast.op} ${formatExpr(ast.right)})`;
    case 'in':
      return `(${formatExpr(ast.arg)} in (${ast.values.map(formatExpr).join(', ')}))`;
    case 'call':
      return `${ast.name}${ast.minValid !== undefined ? `.${ast.minValid}` : ''}(${ast.args.map(arg).join(', ')})`;
  }
}
