/**
 * Mean of a numeric row variable per banner column, derived from the per-category tallies (the value is
 * constant within a category, so Σw·y, Σw·(y−ȳ)² and Σw²·(y−ȳ)² follow exactly from count, Σw, Σw²).
 *
 * SE: unweighted s/√n; frequency weight √(Σw(y−ȳ)²/(W−1) / W) with W = Σw (SPSS MEANS/EXAMINE); sampling
 * weight, linearisation as R `svyby(~y, ~col, svydesign(ids=~1, weights=~w), svymean)`:
 * SE² = N/(N−1) · Σ w²(y−ȳ)² / W², N = all cases in the design (domain estimation).
 */
import type { WeightType } from '../model/results';
import type { BannerTally } from './banner-tally';
import type { Category } from './categorize';

export interface ColumnMeans {
  mean: (number | null)[];
  se: (number | null)[];
  n: (number | null)[];
  /** For the column-mean t-tests: n (Σw with a frequency weight) and Σw(y−ȳ)² per column. */
  testN: Float64Array;
  ss: Float64Array;
}

export function columnMeans(rows: Category[], t: BannerTally, type: WeightType | null): ColumnMeans {
  const { nr, ncol } = t;
  const y = rows.map((c) => (typeof c.code === 'number' ? c.code : NaN));
  const out: ColumnMeans = { mean: [], se: [], n: [], testN: new Float64Array(ncol), ss: new Float64Array(ncol) };
  for (let c = 0; c < ncol; c++) {
    let n = 0;
    let W = 0;
    let sy = 0;
    for (let r = 0; r < nr; r++) {
      if (Number.isNaN(y[r])) continue;
      const k = r * ncol + c;
      n += t.count[k];
      W += t.sw[k];
      sy += t.sw[k] * y[r];
    }
    if (n === 0) {
      out.mean.push(null);
      out.se.push(null);
      out.n.push(0);
      continue;
    }
    const mean = sy / W;
    let ss = 0;
    let ss2 = 0;
    for (let r = 0; r < nr; r++) {
      if (Number.isNaN(y[r])) continue;
      const d = y[r] - mean;
      ss += t.sw[r * ncol + c] * d * d;
      ss2 += t.sw2[r * ncol + c] * d * d;
    }
    let se: number | null;
    if (type === 'sampling') se = t.designN > 1 ? Math.sqrt((t.designN / (t.designN - 1)) * ss2) / W : null;
    else se = W > 1 ? Math.sqrt(ss / (W - 1) / W) : null;
    out.mean.push(mean);
    out.se.push(se);
    out.n.push(n);
    out.testN[c] = type === 'frequency' ? W : n;
    out.ss[c] = ss;
  }
  return out;
}
