/**
 * Turns a parsed NIST StRD file into a Dataset plus the regression to run on it: y on x1…xp, where for
 * a polynomial model x_j = x^j; and into the exact rational columns of the same problem (exact.ts).
 *
 * NIST certifies the results for the decimal data as printed. Each cell is therefore given to the
 * engine as the double nearest its exact decimal value, and for polynomials x^j as the double nearest
 * the exact j-th power of the DECIMAL x. Powers of the rounded x, or repeated multiplication, would add
 * up to j further roundings per cell: perturbations of the data, not of the solver, that Filip's
 * conditioning amplifies ~1e10-fold.
 */
import { type Dataset, newVariable } from '../../../shared/model/dataset';
import { type ExactColumn, decimalToExact, doubleToExact, exactColumn, nearestDouble, ones } from './exact';
import type { StrdFile } from './strd';

export interface StrdProblem {
  ds: Dataset;
  dependent: string;
  predictors: string[];
  /** The regression on the decimal data, exactly: intercept first, then x1…xp. */
  exactDecimal: { y: ExactColumn; xs: ExactColumn[] };
  /** The same regression on the doubles in `ds`, exactly. */
  exactStored: { y: ExactColumn; xs: ExactColumn[] };
}

/** (decimal text)^j as an exact rational. */
function decimalPower(text: string, j: number): { int: bigint; num: bigint; den: bigint } {
  const d = decimalToExact(text);
  return { int: d.int ** BigInt(j), num: 1n, den: d.den ** BigInt(j) };
}

export function strdProblem(f: StrdFile): StrdProblem {
  const p = f.certified.b.length - 1;
  const predictors = Array.from({ length: p }, (_, j) => `x${j + 1}`);
  const cell = (r: string[], j: number): { int: bigint; num: bigint; den: bigint } =>
    f.model.kind === 'linear' ? decimalToExact(r[j + 1]) : decimalPower(r[1], j + 1);
  const yDec = f.cells.map((r) => decimalToExact(r[0]));
  const xDec = predictors.map((_, j) => f.cells.map((r) => cell(r, j)));
  const toF64 = (cells: { int: bigint; num: bigint; den: bigint }[]): Float64Array =>
    Float64Array.from(cells, (c) => nearestDouble(c.int * c.num, c.den));
  const y = toF64(yDec);
  const xs = xDec.map(toF64);
  const names = ['y', ...predictors];
  const ds: Dataset = {
    name: f.name,
    rows: f.cells.length,
    variables: names.map((n) => newVariable(n, 'numeric')),
    columns: [y, ...xs].map((data) => ({ kind: 'numeric' as const, data })),
    weight: null,
    fileLabel: '',
    documents: [],
    mrSets: [],
  };
  const n = f.cells.length;
  const stored = (a: Float64Array): ExactColumn => exactColumn(Array.from(a, doubleToExact));
  return {
    ds,
    dependent: 'y',
    predictors,
    exactDecimal: { y: exactColumn(yDec), xs: [ones(n), ...xDec.map(exactColumn)] },
    exactStored: { y: stored(y), xs: [ones(n), ...xs.map(stored)] },
  };
}
