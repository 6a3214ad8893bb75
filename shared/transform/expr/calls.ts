/**
 * Function calls. Statistical functions skip missing arguments and need a minimum number of valid
 * ones (SPSS: `mean.3(q1 to q5)`); other functions give missing for a missing argument.
 */
import type { Dataset } from '../../model/dataset';
import { findVariable } from '../../model/dataset';
import { type Ast, type CallArg, ExprError } from './ast';
import type { Compiled } from './compile';
import { FUNCTIONS } from './functions';
import { type NumFn, rawNumericReader, rtrim, type StrFn } from './readers';

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

function numArgs(args: Ast[], ds: Dataset, fn: string, compile: CompileNode): NumFn[] {
  return args.map((a) => {
    const c = compile(a, ds);
    if (c.type !== 'num') throw new ExprError(`'${fn}' needs numbers; this argument is text`, a.pos);
    return c.f;
  });
}

export function compileCall(ast: CallAst, ds: Dataset, compile: CompileNode): Compiled {
  const def = FUNCTIONS[ast.name];
  const args = expandArgs(ast.args, ds);
  const constant = args.every((a) => a.kind === 'num' || a.kind === 'str');
  const num = (f: NumFn): Compiled => ({ type: 'num', f, constant, ast });
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

function aggregate(name: string, fs: NumFn[], minValid: number): NumFn {
  const n = fs.length;
  // One scratch buffer for the whole evaluation: no allocation per row.
  const buf = new Float64Array(n);
  const collect = (i: number): number => {
    let k = 0;
    for (let j = 0; j < n; j++) {
      const v = fs[j](i);
      if (v === v) buf[k++] = v;
    }
    return k;
  };
  switch (name) {
    case 'nvalid':
      return (i) => collect(i);
    case 'nmiss':
      return (i) => n - collect(i);
    case 'sum':
    case 'mean':
      return (i) => {
        const k = collect(i);
        if (k < minValid || k === 0) return NaN;
        let s = 0;
        for (let j = 0; j < k; j++) s += buf[j];
        return name === 'sum' ? s : s / k;
      };
    case 'min':
    case 'max': {
      const sign = name === 'min' ? 1 : -1;
      return (i) => {
        const k = collect(i);
        if (k < minValid || k === 0) return NaN;
        let m = buf[0];
        for (let j = 1; j < k; j++) if (sign * (buf[j] - m) < 0) m = buf[j];
        return m;
      };
    }
    default:
      // sd: sample standard deviation (n - 1), as SPSS SD.
      return (i) => {
        const k = collect(i);
        if (k < Math.max(2, minValid)) return NaN;
        let s = 0;
        for (let j = 0; j < k; j++) s += buf[j];
        const mean = s / k;
        let ss = 0;
        for (let j = 0; j < k; j++) ss += (buf[j] - mean) ** 2;
        return Math.sqrt(ss / (k - 1));
      };
  }
}

function scalar(name: string, f: NumFn): NumFn {
  switch (name) {
    case 'abs':
      return (i) => Math.abs(f(i));
    case 'round':
    case 'rnd':
      // Half away from zero, as SPSS RND (Math.round alone rounds -2.5 to -2).
      return (i) => {
        const v = f(i);
        return v < 0 ? -Math.round(-v) : Math.round(v);
      };
    case 'trunc':
      return (i) => Math.trunc(f(i));
    case 'ln':
      return (i) => {
        const v = f(i);
        return v > 0 ? Math.log(v) : NaN;
      };
    case 'lg10':
      return (i) => {
        const v = f(i);
        return v > 0 ? Math.log10(v) : NaN;
      };
    case 'exp':
      return (i) => Math.exp(f(i));
    default:
      return (i) => {
        const v = f(i);
        return v >= 0 ? Math.sqrt(v) : NaN;
      };
  }
}

/** SPSS MOD: remainder with the sign of the dividend; MOD(0, missing) = 0. */
function mod(a: NumFn, b: NumFn): NumFn {
  return (i) => {
    const x = a(i);
    const y = b(i);
    if (x === 0) return 0;
    if (y === 0) return NaN;
    return x % y;
  };
}

function special(ast: CallAst, args: Ast[], ds: Dataset, compile: CompileNode, constant: boolean): Compiled {
  const first = args[0];
  const target = first.kind === 'var' ? findVariable(ds, first.name) : -1;
  const result = (f: NumFn, isConstant = constant): Compiled => ({ type: 'num', f, constant: isConstant, ast });
  switch (ast.name) {
    case 'missing':
    case 'sysmis': {
      if (target >= 0) {
        const col = ds.columns[target];
        const meta = ds.variables[target];
        if (col.kind === 'string') {
          // Strings have no system-missing; MISSING() on a string asks about its user-missing values.
          if (ast.name === 'sysmis') return result(() => 0);
          const miss = new Set(meta.missing.values.map((v) => rtrim(String(v))));
          return result(tableOf(col.codes, col.dict.map((s) => (miss.has(rtrim(s)) ? 1 : 0))));
        }
        const raw = rawNumericReader(col);
        if (ast.name === 'sysmis') {
          return result((i) => {
            const v = raw(i);
            return v !== v ? 1 : 0;
          });
        }
        const clean = compile(first, ds).f as NumFn;
        return result((i) => {
          const v = clean(i);
          return v !== v ? 1 : 0;
        });
      }
      const c = compile(first, ds);
      if (c.type !== 'num') return result(() => 0);
      const f = c.f;
      return result((i) => {
        const v = f(i);
        return v !== v ? 1 : 0;
      });
    }
    case 'value': {
      if (target < 0 || ds.columns[target].kind !== 'numeric') {
        throw new ExprError("'value' needs a numeric variable name", first.pos);
      }
      return result(rawNumericReader(ds.columns[target] as Extract<typeof ds.columns[number], { kind: 'numeric' }>), false);
    }
    case 'range':
      if (args.length % 2 !== 1) throw new ExprError("'range' needs a value and then pairs of low, high", ast.pos);
      return result(matcher(args, ds, compile, ast.name));
    default:
      return result(matcher(args, ds, compile, ast.name));
  }
}

function tableOf(codes: Int32Array, table: number[]): NumFn {
  const t = Float64Array.from(table);
  return (i) => t[codes[i]];
}

/** any(x, v1, v2 ...) and range(x, lo1, hi1, ...): missing x gives missing; missing list items are skipped. */
function matcher(args: Ast[], ds: Dataset, compile: CompileNode, name: string): NumFn {
  const cs = args.map((a) => compile(a, ds));
  const type = cs[0].type;
  cs.forEach((c, k) => {
    if (c.type !== type) throw new ExprError(`'${name}': all values must be ${type === 'num' ? 'numbers' : 'text'}`, args[k].pos);
  });
  if (type === 'str') {
    const x = cs[0].f as StrFn;
    const list = cs.slice(1).map((c) => c.f as StrFn);
    if (name === 'any') return (i) => (list.some((g) => g(i) === x(i)) ? 1 : 0);
    return (i) => {
      const v = x(i);
      for (let j = 0; j + 1 < list.length; j += 2) if (v >= list[j](i) && v <= list[j + 1](i)) return 1;
      return 0;
    };
  }
  const x = cs[0].f as NumFn;
  const list = cs.slice(1).map((c) => c.f as NumFn);
  const n = list.length;
  if (name === 'any') {
    return (i) => {
      const v = x(i);
      if (v !== v) return NaN;
      for (let j = 0; j < n; j++) if (list[j](i) === v) return 1;
      return 0;
    };
  }
  return (i) => {
    const v = x(i);
    if (v !== v) return NaN;
    for (let j = 0; j + 1 < n; j += 2) if (v >= list[j](i) && v <= list[j + 1](i)) return 1;
    return 0;
  };
}
