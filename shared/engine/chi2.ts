/**
 * Pearson and likelihood-ratio chi-square for an r×c table of (possibly weighted) counts, and Yates'
 * continuity-corrected Pearson statistic for 2×2 tables.
 *
 * Expected counts E_ij = r_i c_j / N. Pearson X² = Σ (O−E)²/E; LR G² = 2 Σ_{O>0} O ln(O/E); df = (r−1)(c−1),
 * both referred to χ²(df) (Agresti, Categorical Data Analysis, 3rd ed., §3.2). Yates follows R's
 * `chisq.test(correct = TRUE)`: X²_Y = Σ (|O−E| − min(½, min|O−E|))² / E.
 * Callers pass tables without empty rows or columns (crosstab drops them, as SPSS CROSSTABS does).
 */
import type { TestStat } from '../model/results';
import { chi2Sf } from './distributions';

export interface ChiSquares {
  pearson: TestStat;
  lr: TestStat;
  yates?: TestStat;
}

/** `o` is row-major r×c. */
export function chiSquares(o: ArrayLike<number>, r: number, c: number): ChiSquares {
  const rowSum = new Float64Array(r);
  const colSum = new Float64Array(c);
  let n = 0;
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) {
      const v = o[i * c + j];
      rowSum[i] += v;
      colSum[j] += v;
      n += v;
    }
  }
  let x2 = 0;
  let g2 = 0;
  let minDev = Infinity;
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) {
      const e = (rowSum[i] * colSum[j]) / n;
      const v = o[i * c + j];
      const d = v - e;
      x2 += (d * d) / e;
      if (v > 0) g2 += v * Math.log(v / e);
      minDev = Math.min(minDev, Math.abs(d));
    }
  }
  g2 *= 2;
  const df = (r - 1) * (c - 1);
  const out: ChiSquares = {
    pearson: { value: x2, df, p: chi2Sf(x2, df) },
    lr: { value: g2, df, p: chi2Sf(g2, df) },
  };
  if (r === 2 && c === 2) {
    const yates = Math.min(0.5, minDev);
    let y = 0;
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 2; j++) {
        const e = (rowSum[i] * colSum[j]) / n;
        const d = Math.abs(o[i * 2 + j] - e) - yates;
        y += (d * d) / e;
      }
    }
    out.yates = { value: y, df: 1, p: chi2Sf(y, 1) };
  }
  return out;
}
