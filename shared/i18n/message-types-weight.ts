/**
 * Message codes of the weighting procedure (shared/weighting): target files that cannot be read, codes
 * that do not match the data, calibration that does not converge. Joined into message-types.ts.
 */

/** What is wrong at one place of a targets file (JSON path or CSV line). */
export type WeightTargetProblem =
  | 'not-json'
  | 'expected-number'
  | 'expected-object'
  | 'expected-text'
  | 'expected-list'
  | 'negative'
  | 'empty'
  | 'unknown-field'
  | 'no-targets'
  | 'duplicate-variable'
  | 'duplicate-code'
  | 'cell-target'
  | 'cell-variables'
  | 'csv-columns'
  | 'csv-number'
  | 'csv-variable'
  | 'csv-code'
  | 'csv-empty'
  | 'total';

/** Where in a targets file: a CSV line (1-based) or a JSON path such as margins[0].targets["3"]. */
interface Where {
  line?: number;
  path?: string;
}

/** Codes of one margin that do not match between targets and data. */
export interface WeightCodeMismatch {
  /** The margin: a variable name, or names joined by "," for joint cells. */
  variable: string;
  /** Codes with a positive target but no case to weight (an empty cell). */
  notInData: string[];
  /** Valid codes of cases to weight that have no target. */
  notInTargets: string[];
}

type None = Record<never, never>;

export interface WeightParams {
  'weight-targets': Where & { problem: WeightTargetProblem; value?: string };
  'weight-unknown-variable': { variable: string };
  'weight-text-base': { variable: string };
  /** A target key that is neither a code nor a value label of the variable. */
  'weight-unknown-code': Where & { variable: string; written: string };
  'weight-codes': { mismatches: WeightCodeMismatch[] };
  'weight-zero-target': { variable: string; codes: string[] };
  'weight-totals': { variable: string; sum: number; total: number };
  'weight-not-converged': { method: string; iterations: number; difference: number; bounds?: [number, number] };
  'weight-no-cases': None;
  'weight-method-margins': { method: string };
  'weight-bounds-method': { method: string };
  'weight-bounds': { lo: number; hi: number };
  'weight-trim': { max: number; mean: number };
  'weight-variable-exists': { name: string };
  /** The margin variables have more code combinations than cells can be counted in. */
  'weight-too-many-cells': { cells: number };
}
