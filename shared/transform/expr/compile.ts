/**
 * Compiles a syntax tree against a dataset into a tree of closures over its typed arrays. Types and
 * variable names are checked here, once. Evaluation then walks the data once in blocks of rows; each
 * node fills a reusable Float64Array with a tight loop, so a 10-million-row filter is one pass with no
 * per-row calls or allocation. Logical values are numbers: 1 true, 0 false, NaN missing.
 */
import type { Dataset } from '../../model/dataset';
import { findVariable } from '../../model/dataset';
import { type Ast, ExprError, walk } from './ast';
import { compileCall } from './calls';
import { fusedCompare } from './fused';
import { BLOCK, constBlock, type NumBlock, numBlock, numericReader, rtrim, type StrBlock, stringReader, stringTable } from './readers';

export type Compiled = { type: 'num'; f: NumBlock; constant: boolean; ast: Ast } | { type: 'str'; f: StrBlock; constant: boolean; ast: Ast };

/** SPSS's `$sysmis` is the system-missing value, written as a constant. */
function isSysmisConstant(name: string): boolean {
  return name.toLowerCase() === '$sysmis';
}

/**
 * Names of the dataset variables an expression reads, in dataset order, with `a to b` ranges expanded:
 * lets a caller load only those columns from the store before evaluating.
 */
export function variablesOf(ast: Ast, ds: Pick<Dataset, 'variables'>): string[] {
  const used = new Set<number>();
  const find = (name: string): number => findVariable(ds as Dataset, name);
  walk(ast, (n) => {
    if (n.kind === 'var' && find(n.name) >= 0) used.add(find(n.name));
    if (n.kind !== 'range') return;
    const a = find(n.from);
    const b = find(n.to);
    if (a >= 0 && b >= a) for (let k = a; k <= b; k++) used.add(k);
  });
  return [...used].sort((x, y) => x - y).map((k) => ds.variables[k].name);
}

/** Throws one ExprError listing every unknown variable, pointing at the first. */
export function checkVariables(ast: Ast, ds: Dataset): void {
  const unknown: { name: string; pos: number }[] = [];
  walk(ast, (n) => {
    if (n.kind === 'var') {
      if (!isSysmisConstant(n.name) && findVariable(ds, n.name) < 0) unknown.push({ name: n.name, pos: n.pos });
      return;
    }
    if (n.kind !== 'range') return;
    const a = findVariable(ds, n.from);
    const b = findVariable(ds, n.to);
    if (a < 0) unknown.push({ name: n.from, pos: n.pos });
    if (b < 0) unknown.push({ name: n.to, pos: n.pos });
    if (a >= 0 && b >= 0 && b < a) {
      throw new ExprError({ code: 'expr-range-order', from: n.from, to: n.to }, n.pos);
    }
  });
  if (unknown.length > 0) {
    const names = [...new Set(unknown.map((u) => u.name))];
    throw new ExprError({ code: 'expr-unknown-variable', names }, unknown[0].pos, names);
  }
}

export function compileExpr(ast: Ast, ds: Dataset): Compiled {
  checkVariables(ast, ds);
  return compileNode(ast, ds);
}

/** Replaces a subtree without variables by its value, computed once. */
function fold(c: Compiled): Compiled {
  if (!c.constant) return c;
  if (c.type === 'num') return { ...c, f: constBlock(c.f(0, 1)[0]) };
  const block = new Array<string>(BLOCK).fill(c.f(0, 1)[0]);
  return { ...c, f: () => block };
}

export function compileNode(ast: Ast, ds: Dataset): Compiled {
  switch (ast.kind) {
    case 'num':
      return { type: 'num', f: constBlock(ast.value), constant: true, ast };
    case 'str': {
      const block = new Array<string>(BLOCK).fill(rtrim(ast.value));
      return { type: 'str', f: () => block, constant: true, ast };
    }
    case 'var': {
      if (isSysmisConstant(ast.name)) return { type: 'num', f: constBlock(NaN), constant: true, ast };
      const k = findVariable(ds, ast.name);
      const col = ds.columns[k];
      if (col.kind === 'numeric') return { type: 'num', f: numericReader(col, ds.variables[k]), constant: false, ast };
      return { type: 'str', f: stringReader(col), constant: false, ast };
    }
    case 'unary':
      return fold(compileUnary(ast, ds));
    case 'binary':
      return fold(compileBinary(ast, ds));
    case 'in':
      return fold(compileCall({ kind: 'call', name: 'any', args: [ast.arg, ...ast.values], pos: ast.pos }, ds, compileNode));
    case 'call':
      return fold(compileCall(ast, ds, compileNode));
  }
}

/** `op`: the operator that needs the number ('-' for unary minus). */
export function requireNum(c: Compiled, op: string): NumBlock {
  if (c.type !== 'num') throw new ExprError({ code: 'expr-needs-number', op }, c.ast.pos);
  return c.f;
}

function compileUnary(ast: Extract<Ast, { kind: 'unary' }>, ds: Dataset): Compiled {
  const a = compileNode(ast.arg, ds);
  const f = requireNum(a, ast.op);
  const g =
    ast.op === '-'
      ? numBlock((out, start, n) => {
          const x = f(start, n);
          for (let j = 0; j < n; j++) out[j] = -x[j];
        })
      : numBlock((out, start, n) => {
          const x = f(start, n);
          for (let j = 0; j < n; j++) {
            const v = x[j];
            out[j] = v !== v ? NaN : v === 0 ? 1 : 0;
          }
        });
  return { type: 'num', f: g, constant: a.constant, ast };
}

function compileBinary(ast: Extract<Ast, { kind: 'binary' }>, ds: Dataset): Compiled {
  const l = compileNode(ast.left, ds);
  const r = compileNode(ast.right, ds);
  const constant = l.constant && r.constant;
  const op = ast.op;
  if (op === '=' || op === '<>' || op === '<' || op === '<=' || op === '>' || op === '>=') {
    if (l.type !== r.type) throw new ExprError({ code: 'expr-compare-types' }, ast.right.pos);
    if (l.type === 'str' && r.type === 'str') return { type: 'num', f: compareStrings(op, l, r, ds), constant, ast };
    if (l.ast.kind === 'var' && r.constant) {
      const k = findVariable(ds, l.ast.name);
      const col = ds.columns[k];
      const c = (r.f as NumBlock)(0, 1)[0];
      if (col.kind === 'numeric' && c === c) return { type: 'num', f: fusedCompare(col, ds.variables[k], op, c), constant, ast };
    }
    return { type: 'num', f: compareNumbers(op, l.f as NumBlock, r.f as NumBlock, r.constant), constant, ast };
  }
  const a = requireNum(l, op);
  const b = requireNum(r, op);
  return { type: 'num', f: arithmetic(op, a, b), constant, ast };
}

/** out[j] = kernel(x[j], y[j]) over a block; one loop per operator keeps each loop monomorphic. */
function arithmetic(op: string, a: NumBlock, b: NumBlock): NumBlock {
  switch (op) {
    case '+':
      return numBlock((out, s, n) => {
        const x = a(s, n);
        const y = b(s, n);
        for (let j = 0; j < n; j++) out[j] = x[j] + y[j];
      });
    case '-':
      return numBlock((out, s, n) => {
        const x = a(s, n);
        const y = b(s, n);
        for (let j = 0; j < n; j++) out[j] = x[j] - y[j];
      });
    case '*':
      // SPSS: 0 * missing = 0.
      return numBlock((out, s, n) => {
        const x = a(s, n);
        const y = b(s, n);
        for (let j = 0; j < n; j++) {
          const p = x[j] * y[j];
          out[j] = p === p ? p : x[j] === 0 || y[j] === 0 ? 0 : NaN;
        }
      });
    case '/':
      // SPSS: 0 / anything (even missing or 0) = 0; other division by zero is system-missing.
      return numBlock((out, s, n) => {
        const x = a(s, n);
        const y = b(s, n);
        for (let j = 0; j < n; j++) out[j] = x[j] === 0 ? 0 : y[j] === 0 ? NaN : x[j] / y[j];
      });
    case '**':
      // 0**0 is system-missing; a negative base with a fractional power gives NaN by itself.
      return numBlock((out, s, n) => {
        const x = a(s, n);
        const y = b(s, n);
        for (let j = 0; j < n; j++) out[j] = x[j] === 0 && y[j] === 0 ? NaN : x[j] ** y[j];
      });
    case 'and':
      // False wins over missing; true and true is true; anything else is missing.
      return numBlock((out, s, n) => {
        const x = a(s, n);
        const y = b(s, n);
        for (let j = 0; j < n; j++) {
          const p = x[j];
          const q = y[j];
          out[j] = p === 0 || q === 0 ? 0 : p !== p || q !== q ? NaN : 1;
        }
      });
    case 'or':
      return numBlock((out, s, n) => {
        const x = a(s, n);
        const y = b(s, n);
        for (let j = 0; j < n; j++) {
          const p = x[j];
          const q = y[j];
          out[j] = (p === p && p !== 0) || (q === q && q !== 0) ? 1 : p !== p || q !== q ? NaN : 0;
        }
      });
    default:
      throw new Error(`unreachable operator ${op}`);
  }
}

/**
 * A comparison with a missing operand is missing. (`variable op constant`, the hot case, never gets
 * here: it is a fused kernel, see fused.ts.)
 */
function compareNumbers(op: string, a: NumBlock, b: NumBlock, rightConstant: boolean): NumBlock {
  const cmp = NUM_CMP[op];
  if (rightConstant) {
    const c = b(0, 1)[0];
    if (c !== c) return constBlock(NaN);
    return numBlock((out, s, n) => {
      const x = a(s, n);
      for (let j = 0; j < n; j++) out[j] = x[j] !== x[j] ? NaN : cmp(x[j], c) ? 1 : 0;
    });
  }
  return numBlock((out, s, n) => {
    const x = a(s, n);
    const y = b(s, n);
    for (let j = 0; j < n; j++) out[j] = x[j] !== x[j] || y[j] !== y[j] ? NaN : cmp(x[j], y[j]) ? 1 : 0;
  });
}

const NUM_CMP: Record<string, (x: number, y: number) => boolean> = {
  '=': (x, y) => x === y,
  '<>': (x, y) => x !== y,
  '<': (x, y) => x < y,
  '<=': (x, y) => x <= y,
  '>': (x, y) => x > y,
  '>=': (x, y) => x >= y,
};

function strCmp(op: string, x: string, y: string): number {
  switch (op) {
    case '=':
      return x === y ? 1 : 0;
    case '<>':
      return x !== y ? 1 : 0;
    case '<':
      return x < y ? 1 : 0;
    case '<=':
      return x <= y ? 1 : 0;
    case '>':
      return x > y ? 1 : 0;
    default:
      return x >= y ? 1 : 0;
  }
}

function compareStrings(op: string, l: Compiled, r: Compiled, ds: Dataset): NumBlock {
  const a = l.f as StrBlock;
  const b = r.f as StrBlock;
  // `stringvar = 'text'`: decide once per distinct value, then each row is a table lookup.
  if (r.constant && l.ast.kind === 'var') {
    const col = ds.columns[findVariable(ds, l.ast.name)];
    const c = b(0, 1)[0];
    if (col.kind === 'string') return stringTable(col, (s) => strCmp(op, s, c));
  }
  return numBlock((out, s, n) => {
    const x = a(s, n);
    const y = b(s, n);
    for (let j = 0; j < n; j++) out[j] = strCmp(op, x[j], y[j]);
  });
}
