/**
 * Pairwise column-proportion z-tests with letter markers, as SPSS CTABLES /COMPARETEST TYPE=PROP does
 * (IBM SPSS Statistics Algorithms, "CTABLES: Comparing column proportions"):
 *
 *   for columns i, j of one group and a row category: p_i = Σw_row,i / Σw_i,
 *   p̄ = (n_i p_i + n_j p_j)/(n_i + n_j),  z = (p_i − p_j) / √(p̄(1−p̄)(1/n_i + 1/n_j)),
 *   two-sided p = 2(1 − Φ(|z|)).
 *
 * n is the unweighted count without a weight, Σw for a frequency weight (a case stands for w cases), and
 * Kish's effective base (Σw)²/Σw² for a sampling weight (Kish 1965, §11.7). As in SPSS, a column whose
 * proportion is 0 or 1, or whose base is below 2, takes no part in that row's comparisons. The family for
 * Bonferroni/BH is the comparisons made in one row of one group. The column with the larger proportion
 * gets the letter of the smaller one when the adjusted p < α.
 */
import { type Adjust, adjustP } from './adjust';
import { normalSf } from './distributions';

export interface ColumnTestInput {
  nr: number;
  ncol: number;
  /** Row-major nr×ncol Σw (counts when unweighted). */
  sw: Float64Array;
  /** Per column: Σw of the base and the n used in the test. */
  colW: Float64Array;
  colN: Float64Array;
  /** Column indices per comparison group, in display order. */
  groups: number[][];
  adjust: Adjust;
  alpha: number;
}

/** A, B, …, Z, then AA, AB, … for very wide groups. */
export function letterFor(k: number): string {
  let s = '';
  let x = k;
  do {
    s = String.fromCharCode(65 + (x % 26)) + s;
    x = Math.floor(x / 26) - 1;
  } while (x >= 0);
  return s;
}

/** sig[row][column]: letters of the columns this cell is significantly higher than. */
export function columnProportionTests(inp: ColumnTestInput): string[][] {
  const { nr, ncol, sw, colW, colN } = inp;
  const sig = Array.from({ length: nr }, () => new Array<string[]>(ncol).fill([]).map(() => [] as string[]));
  for (const group of inp.groups) {
    for (let r = 0; r < nr; r++) {
      const pairs: Array<[number, number, number]> = [];
      const pvals: number[] = [];
      const prop = group.map((c) => (colW[c] > 0 ? sw[r * ncol + c] / colW[c] : NaN));
      const usable = group.map((c, a) => colN[c] >= 2 && prop[a] > 0 && prop[a] < 1);
      for (let a = 0; a < group.length; a++) {
        for (let b = a + 1; b < group.length; b++) {
          if (!usable[a] || !usable[b]) continue;
          const na = colN[group[a]];
          const nb = colN[group[b]];
          const pooled = (na * prop[a] + nb * prop[b]) / (na + nb);
          const z = (prop[a] - prop[b]) / Math.sqrt(pooled * (1 - pooled) * (1 / na + 1 / nb));
          pairs.push([a, b, z]);
          pvals.push(2 * normalSf(Math.abs(z)));
        }
      }
      const adj = adjustP(pvals, inp.adjust);
      pairs.forEach(([a, b, z], k) => {
        if (!(adj[k] < inp.alpha)) return;
        const [hi, lo] = z > 0 ? [a, b] : [b, a];
        sig[r][group[hi]].push(letterFor(lo));
      });
    }
  }
  return sig.map((row) => row.map((letters) => letters.sort().join('')));
}
