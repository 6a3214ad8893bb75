/**
 * Function calls. Statistical functions skip missing arguments and need a minimum number of valid
 * ones (SPSS: `mean.3(q1 to q5)`); other functions give missing for a missing argument. Each call
 * fills one block of rows with a loop over its argument blocks.
 */
import type { Dataset, NumericColumn } from '../../model/dataset';
import { findVariable } from '../../model/dataset';
import { type Ast, type CallArg, ExprError } from './ast';
import type { Compiled } from './compile';
import { FUNCTIONS } from './functions';
import { fusedAny } from './fused';
import { BLOCK, type NumBlock, numBlock, rawNumericReader, rtrim, type StrBlock, stringTable } from './readers';

type CallAst = Extract<Ast, { kind: 'call' }>;
type CompileNode = (ast: Ast, ds: Dataset) => Compiled;

/** Expands `q1 to q5` into variable nodes, in dataset order. */
function expandArgs(args: CallArg[], ds: Dataset): Ast[] {
  const out: Ast[] = [];
  for (const a of args) {
    if (a.kind !== 'range') {
      out.push(a);
      continue;
    }
    const from = findVariable(ds, a.from);
    const to = findVariable(ds, a.to);
    for (let k = from; k <= to; k++) out.push({ kind: 'var', name: ds.variables[k].name, pos: a.pos });
  }
  return out;
}

function numArgs(args: Ast[], ds: Dataset, fn: string, compile: CompileNode): NumBlock[] {
  return args.map((a) => {
    const c = compile(a, ds);
    if (c.type !== 'num') throw new ExprError({ code: 'expr-needs-numbers', fn }, a.pos);
    return c.f;
  });
}

export function compileCall(ast: CallAst, ds: Dataset, compile: CompileNode): Compiled {
  const def = FUNCTIONS[ast.name];
  const args = expandArgs(ast.args, ds);
  const constant = args.every((a) => a.kind === 'num' || a.kind === 'str');
  const num = (f: NumBlock): Compiled => ({ type: 'num', f, constant, ast });
  switch (def.kind) {
    case 'aggregate':
      return num(aggregate(ast.name, numArgs(args, ds, ast.name, compile), ast.minValid ?? def.defaultValid ?? 1));
    case 'scalar': {
      const fs = numArgs(args, ds, ast.name, compile);
      return num(ast.name === 'mod' ? mod(fs[0], fs[1]) : scalar(ast.name, fs[0]));
    }
    default:
      return special(ast, args, ds, compile, constant);
  }
}

/** Per row: count, sum, min, max and sum of squares over the valid arguments, then the statistic. */
function aggregate(name: string, fs: NumBlock[], minValid: number): NumBlock {
  const m = fs.length;
  const cnt = new Float64Array(BLOCK);
  const sum = new Float64Array(BLOCK);
  const ext = new Float64Array(BLOCK);
  return numBlock((out, s, n) => {
    cnt.fill(0, 0, n);
    sum.fill(0, 0, n);
    ext.fill(name === 'min' ? Infinity : -Infinity, 0, n);
    const blocks = fs.map((f) => f(s, n));
    for (const x of blocks) {
      for (let j = 0; j < n; j++) {
        const v = x[j];
        if (v !== v) continue;
        cnt[j]++;
        sum[j] += v;
        if (name === 'min' ? v < ext[j] : v > ext[j]) ext[j] = v;
      }
    }
    switch (name) {
      case 'nvalid':
        out.set(cnt.subarray(0, n));
        return;
      case 'nmiss':
        for (let j = 0; j < n; j++) out[j] = m - cnt[j];
        return;
      case 'sd': {
        // Sample standard deviation (n - 1), as SPSS SD; a second pass around the mean for accuracy.
        for (let j = 0; j < n; j++) ext[j] = 0;
        for (const x of blocks) {
          for (let j = 0; j < n; j++) {
            const v = x[j];
            if (v === v && cnt[j] > 0) ext[j] += (v - sum[j] / cnt[j]) ** 2;
          }
        }
        for (let j = 0; j < n; j++) out[j] = cnt[j] < Math.max(2, minValid) ? NaN : Math.sqrt(ext[j] / (cnt[j] - 1));
        return;
      }
      default:
        for (let j = 0; j < n; j++) {
          const k = cnt[j];
          out[j] = k < minValid || k === 0 ? NaN : name === 'sum' ? sum[j] : name === 'mean' ? sum[j] / k : ext[j];
        }
    }
  });
}

function unary(f: NumBlock, g: (v: number) => number): NumBlock {
  return numBlock((out, s, n) => {
    const x = f(s, n);
    for (let j = 0; j < n; j++) out[j] = g(x[j]);
  });
}

function scalar(name: string, f: NumBlock): NumBlock {
  switch (name) {
    case 'abs':
      return unary(f, Math.abs);
    case 'round':
    case 'rnd':
      // Half away from zero, as SPSS RND (Math.round alone rounds -2.5 to -2).
      return unary(f, (v) => (v < 0 ? -Math.round(-v) : Math.round(v)));
    case 'trunc':
      return unary(f, Math.trunc);
    case 'ln':
      return unary(f, (v) => (v > 0 ? Math.log(v) : NaN));
    case 'lg10':
      return unary(f, (v) => (v > 0 ? Math.log10(v) : NaN));
    case 'exp':
      return unary(f, Math.exp);
    default:
      return unary(f, (v) => (v >= 0 ? Math.sqrt(v) : NaN));
  }
}

/** SPSS MOD: remainder with the sign of the dividend; MOD(0, missing) = 0. */
function mod(a: NumBlock, b: NumBlock): NumBlock {
  return numBlock((out, s, n) => {
    const x = a(s, n);
    const y = b(s, n);
    for (let j = 0; j < n; j++) out[j] = x[j] === 0 ? 0 : y[j] === 0 ? NaN : x[j] % y[j];
  });
}

function isNaNBlock(f: NumBlock): NumBlock {
  return unary(f, (v) => (v !== v ? 1 : 0));
}

function special(ast: CallAst, args: Ast[], ds: Dataset, compile: CompileNode, constant: boolean): Compiled {
  const first = args[0];
  const target = first.kind === 'var' ? findVariable(ds, first.name) : -1;
  const result = (f: NumBlock, isConstant = constant): Compiled => ({ type: 'num', f, constant: isConstant, ast });
  switch (ast.name) {
    case 'missing':
    case 'sysmis': {
      if (target >= 0) {
        const col = ds.columns[target];
        const meta = ds.variables[target];
        if (col.kind === 'string') {
          // Strings have no system-missing; MISSING() on a string asks about its user-missing values.
          if (ast.name === 'sysmis') return result(numBlock((out, _s, n) => out.fill(0, 0, n)));
          const miss = new Set(meta.missing.values.map((v) => rtrim(String(v))));
          return result(stringTable(col, (s) => (miss.has(s) ? 1 : 0)));
        }
        // MISSING(var): system- or user-missing; SYSMIS(var): system-missing only.
        return result(isNaNBlock(ast.name === 'sysmis' ? rawNumericReader(col) : (compile(first, ds).f as NumBlock)));
      }
      const c = compile(first, ds);
      if (c.type !== 'num') return result(numBlock((out, _s, n) => out.fill(0, 0, n)));
      return result(isNaNBlock(c.f));
    }
    case 'value': {
      if (target < 0 || ds.columns[target].kind !== 'numeric') {
        throw new ExprError({ code: 'expr-value-needs-var' }, first.pos);
      }
      return result(rawNumericReader(ds.columns[target] as NumericColumn), false);
    }
    case 'range':
      if (args.length % 2 !== 1) throw new ExprError({ code: 'expr-range-args' }, ast.pos);
      return result(matcher(args, ds, compile, ast.name));
    default:
      return result(matcher(args, ds, compile, ast.name));
  }
}

/** any(x, v1, v2 ...) and range(x, lo1, hi1, ...): missing x gives missing; missing list items are skipped. */
function matcher(args: Ast[], ds: Dataset, compile: CompileNode, name: string): NumBlock {
  const cs = args.map((a) => compile(a, ds));
  const type = cs[0].type;
  cs.forEach((c, k) => {
    if (c.type !== type) throw new ExprError({ code: 'expr-same-type', fn: name, type }, args[k].pos);
  });
  const isAny = name === 'any';
  if (type === 'str') {
    const x = cs[0].f as StrBlock;
    const list = cs.slice(1).map((c) => c.f as StrBlock);
    // `stringvar in ('a', 'b')`: one decision per distinct value.
    if (args[0].kind === 'var' && cs.slice(1).every((c) => c.constant)) {
      const col = ds.columns[findVariable(ds, (args[0] as { name: string }).name)];
      const vals = list.map((f) => f(0, 1)[0]);
      if (col.kind === 'string') return stringTable(col, (v) => (matchStr(v, vals, isAny) ? 1 : 0));
    }
    return numBlock((out, s, n) => {
      const xs = x(s, n);
      const ls = list.map((f) => f(s, n));
      for (let j = 0; j < n; j++)
        out[j] = matchStr(
          xs[j],
          ls.map((l) => l[j]),
          isAny,
        )
          ? 1
          : 0;
    });
  }
  const x = cs[0].f as NumBlock;
  const list = cs.slice(1).map((c) => c.f as NumBlock);
  if (isAny && args[0].kind === 'var' && cs.slice(1).every((c) => c.constant)) {
    const k = findVariable(ds, args[0].name);
    const col = ds.columns[k];
    if (col.kind === 'numeric')
      return fusedAny(
        col,
        ds.variables[k],
        list.map((f) => f(0, 1)[0]),
      );
  }
  return numBlock((out, s, n) => {
    const xs = x(s, n);
    const ls = list.map((f) => f(s, n));
    const m = ls.length;
    for (let j = 0; j < n; j++) {
      const v = xs[j];
      if (v !== v) {
        out[j] = NaN;
        continue;
      }
      let hit = 0;
      if (isAny) {
        for (let k = 0; k < m; k++) if (ls[k][j] === v) hit = 1;
      } else {
        for (let k = 0; k + 1 < m; k += 2) if (v >= ls[k][j] && v <= ls[k + 1][j]) hit = 1;
      }
      out[j] = hit;
    }
  });
}

function matchStr(v: string, vals: string[], isAny: boolean): boolean {
  if (isAny) return vals.includes(v);
  for (let k = 0; k + 1 < vals.length; k += 2) if (v >= vals[k] && v <= vals[k + 1]) return true;
  return false;
}
