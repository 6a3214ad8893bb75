/**
 * The function table: names, arities and how each treats missing values. The parser checks names and
 * argument counts against it so mistakes are reported where they were typed.
 */

export type FnKind =
  /** Over any number of arguments; missing arguments are skipped (SPSS MEAN, SUM ...). */
  | 'aggregate'
  /** Ordinary numeric function of fixed arity; any missing argument gives missing. */
  | 'scalar'
  /** Needs to see the variable itself (missing/sysmis) or compares its first argument to the rest. */
  | 'special';

export interface FnDef {
  kind: FnKind;
  min: number;
  max: number;
  /** Aggregates: how many valid arguments they need by default (overridden by `mean.3(...)`). */
  defaultValid?: number;
}

const INF = Number.POSITIVE_INFINITY;

export const FUNCTIONS: Record<string, FnDef> = {
  mean: { kind: 'aggregate', min: 1, max: INF, defaultValid: 1 },
  sum: { kind: 'aggregate', min: 1, max: INF, defaultValid: 1 },
  min: { kind: 'aggregate', min: 1, max: INF, defaultValid: 1 },
  max: { kind: 'aggregate', min: 1, max: INF, defaultValid: 1 },
  sd: { kind: 'aggregate', min: 1, max: INF, defaultValid: 2 },
  nvalid: { kind: 'aggregate', min: 1, max: INF, defaultValid: 0 },
  nmiss: { kind: 'aggregate', min: 1, max: INF, defaultValid: 0 },
  abs: { kind: 'scalar', min: 1, max: 1 },
  round: { kind: 'scalar', min: 1, max: 1 },
  rnd: { kind: 'scalar', min: 1, max: 1 },
  trunc: { kind: 'scalar', min: 1, max: 1 },
  ln: { kind: 'scalar', min: 1, max: 1 },
  lg10: { kind: 'scalar', min: 1, max: 1 },
  exp: { kind: 'scalar', min: 1, max: 1 },
  sqrt: { kind: 'scalar', min: 1, max: 1 },
  mod: { kind: 'scalar', min: 2, max: 2 },
  missing: { kind: 'special', min: 1, max: 1 },
  sysmis: { kind: 'special', min: 1, max: 1 },
  value: { kind: 'special', min: 1, max: 1 },
  range: { kind: 'special', min: 3, max: INF },
  any: { kind: 'special', min: 2, max: INF },
};

/** Splits `mean.3` into the function and its minimum number of valid arguments. */
export function splitFnName(raw: string): { name: string; minValid?: number } {
  const m = /^([A-Za-z_]+)\.(\d+)$/.exec(raw);
  if (m) return { name: m[1].toLowerCase(), minValid: Number(m[2]) };
  return { name: raw.toLowerCase() };
}
