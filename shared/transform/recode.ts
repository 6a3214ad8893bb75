/**
 * Recode and compute recipes: pure functions from a dataset to a new dataset with one derived
 * variable added (or replaced, when the recipe is replayed). The recipe is stored on the variable in
 * `derivedFrom` so it can be replayed after a re-import.
 *
 * Recode semantics (SPSS RECODE INTO, made safer): rules are tried in order and the first match wins;
 * unmatched values become system-missing. Unlike SPSS, a user-missing source value is never swallowed
 * by a range or by 'else' (a user-missing 999 must not land in "65+"): missing values (system and
 * user) match only a 'missing' rule, or a `values` rule that names the user-missing value explicitly.
 */
import type { Code, Column, Dataset, VariableMeta } from '../model/dataset';
import { codeKey, compactNumeric, findVariable, isUserMissing, newVariable, numericAt } from '../model/dataset';
import { ExprError } from './expr/ast';
import { evaluateNumeric } from './expr/evaluate';
import { parseExpr } from './expr/parse';
import { DuidingError } from '../errors';
import { assertNoIdentifierInExpr, assertNoIdentifierSource, type IdentifierRules } from './identifiers';

export type RecodeFrom = { lo?: number | null; hi?: number | null } | { values: Code[] } | 'else' | 'missing';

export interface RecodeRule {
  from: RecodeFrom;
  to: number;
  label?: string;
}

export interface RecodeRecipe {
  source: string;
  target: string;
  rules: RecodeRule[];
  label?: string;
}

export interface ComputeRecipe {
  target: string;
  expression: string;
  label?: string;
}

export class RecipeError extends DuidingError {
  constructor(message: string) {
    super('recipe', message);
    this.name = 'RecipeError';
  }
}

function matches(from: RecodeFrom, value: Code | null, missing: boolean): boolean {
  if (from === 'missing') return missing;
  if (from === 'else') return !missing;
  if ('values' in from) {
    if (value === null) return false;
    const key = typeof value === 'string' ? value.replace(/ +$/, '') : value;
    return from.values.some((v) => (typeof v === 'string' ? v.replace(/ +$/, '') : v) === key);
  }
  if (missing || typeof value !== 'number') return false;
  const lo = from.lo ?? -Infinity;
  const hi = from.hi ?? Infinity;
  return value >= lo && value <= hi;
}

/** Adds `meta`/`col`, replacing an earlier derived variable of the same name; never a source variable. */
export function withVariable(ds: Dataset, meta: VariableMeta, col: Column): Dataset {
  const k = findVariable(ds, meta.name);
  if (k >= 0 && !ds.variables[k].derivedFrom) {
    throw new RecipeError(`Variable '${meta.name}' already exists; choose another name`);
  }
  const variables = [...ds.variables];
  const columns = [...ds.columns];
  if (k >= 0) {
    variables[k] = meta;
    columns[k] = col;
  } else {
    variables.push(meta);
    columns.push(col);
  }
  return { ...ds, variables, columns };
}

/** `rules`: the project's rule set; a source that is (or derives from) an identifier is refused under it. */
export function applyRecode(ds: Dataset, recipe: RecodeRecipe, rules?: IdentifierRules): Dataset {
  const k = findVariable(ds, recipe.source);
  if (k < 0) throw new RecipeError(`Unknown variable '${recipe.source}'`);
  if (rules) assertNoIdentifierSource(ds, recipe.source, rules);
  if (findVariable(ds, recipe.target) === k) throw new RecipeError('Recode into a new variable, not into its source');
  const meta = ds.variables[k];
  const col = ds.columns[k];
  // Decide once per distinct value (string dictionary entries) or per row (numbers).
  const decide = (value: Code | null, missing: boolean): number => {
    for (const r of recipe.rules) if (matches(r.from, value, missing)) return r.to;
    return NaN;
  };
  const out = new Float64Array(ds.rows);
  if (col.kind === 'string') {
    const perCode = col.dict.map((s) => decide(s, isUserMissing(meta.missing, s)));
    for (let i = 0; i < ds.rows; i++) out[i] = perCode[col.codes[i]];
  } else {
    for (let i = 0; i < ds.rows; i++) {
      const v = numericAt(col, i);
      out[i] = v !== v ? decide(null, true) : decide(v, isUserMissing(meta.missing, v));
    }
  }
  const valueLabels: Record<string, string> = {};
  for (const r of recipe.rules) if (r.label !== undefined) valueLabels[codeKey(r.to)] = r.label;
  const target = newVariable(recipe.target, 'numeric', {
    label: recipe.label ?? '',
    measure: meta.measure === 'nominal' ? 'nominal' : 'ordinal',
    format: { type: 'F', width: 8, decimals: 0 },
    valueLabels,
    derivedFrom: JSON.stringify({ kind: 'recode', ...recipe }),
  });
  return withVariable(ds, target, { kind: 'numeric', data: compactNumeric(out) });
}

/** A computed numeric variable; the expression's errors surface as ExprError with a position. */
export function applyCompute(ds: Dataset, recipe: ComputeRecipe, rules?: IdentifierRules): Dataset {
  const k = findVariable(ds, recipe.target);
  if (k >= 0 && !ds.variables[k].derivedFrom) {
    throw new RecipeError(`Variable '${recipe.target}' already exists; choose another name`);
  }
  const ast = parseExpr(recipe.expression);
  if (rules) assertNoIdentifierInExpr(ast, ds, rules);
  const values = evaluateNumeric(ast, ds);
  if (!/^[A-Za-z@#$\u00C0-\uFFFF][\w.@#$\u00C0-\uFFFF]*$/.test(recipe.target)) {
    throw new ExprError(`'${recipe.target}' is not a valid variable name`, 0);
  }
  const target = newVariable(recipe.target, 'numeric', {
    label: recipe.label ?? '',
    derivedFrom: JSON.stringify({ kind: 'compute', ...recipe }),
  });
  return withVariable(ds, target, { kind: 'numeric', data: compactNumeric(values) });
}
