/**
 * Reads a NIST StRD linear-regression file (the original .dat layout) into its data and certified values.
 * Pure text parsing (no Node), so tests under shared/ can feed it a `?raw` import.
 *
 * Layout relied on (identical in all StRD linear files): a "Certified Regression Statistics" block with
 * one line per parameter `Bj estimate sd`, then `Standard Deviation <v>` (residual SD) and
 * `R-Squared <v>`, and after a `Data:` header naming the columns, one row of numbers per case.
 * The model is read from the counts: as many predictor columns as non-intercept parameters means a
 * linear model in those columns (Longley, Norris); one predictor x with more parameters means the
 * polynomial B0 + B1 x + … + Bp xᵖ (Pontius, Wampler, Filip).
 */

export interface StrdCertified {
  /** Certified estimates B0 (intercept) … Bp. */
  b: number[];
  /** Certified standard deviations of the estimates. */
  se: number[];
  residualSD: number;
  r2: number;
}

export interface StrdFile {
  name: string;
  /** Column names as in the file's `Data:` header (first is the response). */
  columns: string[];
  /** rows[i][j]: case i, column j, exactly as the file's decimal text parses to a double. */
  rows: number[][];
  /** The same cells as decimal text (to form exact powers of the decimal values). */
  cells: string[][];
  /** 'linear': y on the predictor columns; 'polynomial': y on x, x², …, x^degree. */
  model: { kind: 'linear' } | { kind: 'polynomial'; degree: number };
  certified: StrdCertified;
}

const NUM = '([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)';

export function parseStrd(name: string, text: string): StrdFile {
  const lines = text.split(/\r?\n/);
  const b: number[] = [];
  const se: number[] = [];
  let residualSD = NaN;
  let r2 = NaN;
  let dataAt = -1;
  const param = new RegExp(`^\\s*B(\\d+)\\s+${NUM}\\s+${NUM}\\s*$`);
  lines.forEach((line, i) => {
    const p = param.exec(line);
    if (p && dataAt < 0) {
      if (Number(p[1]) !== b.length) throw new Error(`${name}: parameter B${p[1]} out of order`);
      b.push(Number(p[2]));
      se.push(Number(p[3]));
    }
    const sd = new RegExp(`^\\s*Standard Deviation\\s+${NUM}\\s*$`).exec(line);
    if (sd) residualSD = Number(sd[1]);
    const rs = new RegExp(`^\\s*R-Squared\\s+${NUM}\\s*$`).exec(line);
    if (rs) r2 = Number(rs[1]);
    if (/^Data:\s+y\b/.test(line)) dataAt = i;
  });
  if (b.length === 0 || !Number.isFinite(residualSD) || !Number.isFinite(r2) || dataAt < 0) {
    throw new Error(`${name}: not a NIST StRD linear regression file`);
  }
  const columns = lines[dataAt].replace(/^Data:/, '').trim().split(/\s+/);
  const cells = lines
    .slice(dataAt + 1)
    .filter((l) => l.trim() !== '')
    .map((l) => l.trim().split(/\s+/));
  const rows = cells.map((r) => r.map(Number));
  if (rows.some((r) => r.length !== columns.length || r.some((v) => !Number.isFinite(v)))) {
    throw new Error(`${name}: malformed data row`);
  }
  const predictors = columns.length - 1;
  let model: StrdFile['model'];
  if (predictors === b.length - 1) model = { kind: 'linear' };
  else if (predictors === 1) model = { kind: 'polynomial', degree: b.length - 1 };
  else throw new Error(`${name}: ${predictors} predictors for ${b.length} parameters`);
  return { name, columns, rows, cells, model, certified: { b, se, residualSD, r2 } };
}

/**
 * Log relative error (McCullough's LRE): the number of correct significant digits of `got` against the
 * certified `want`, capped at 15; when `want` is 0, -log10|got| (digits of absolute agreement).
 */
export function lre(got: number, want: number): number {
  if (got === want) return 15;
  const d = want === 0 ? Math.abs(got) : Math.abs(got - want) / Math.abs(want);
  if (!Number.isFinite(d)) return 0;
  return Math.max(0, Math.min(15, -Math.log10(d)));
}
