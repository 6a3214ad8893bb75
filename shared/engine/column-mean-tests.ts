/**
 * Pairwise t-tests of column means within each banner group, with letters, as SPSS CTABLES
 * /COMPARETEST TYPE=MEAN with the default pooled variance over all categories of the group (ALLCATS),
 * which is R `pairwise.t.test(y, g, pool.sd = TRUE)`:
 *
 *   S² = Σ_j Σ w(y − ȳ_j)² / (N − k),  N = Σ_j n_j,  k = columns in the group with n_j > 0,
 *   t = (ȳ_i − ȳ_j) / (S √(1/n_i + 1/n_j)),  df = N − k,  p = 2·P(T_df > |t|),
 * with n = cases unweighted and n = Σw for a frequency weight (a case stands for w cases). The family for
 * Bonferroni/BH is all pairs of the group. Not defined here for sampling weights (the caller skips it).
 */
import { type Adjust, adjustP } from './adjust';
import { letterFor } from './column-tests';
import { tSf } from './distributions';

export interface ColumnMeanInput {
  mean: (number | null)[];
  /** Per column: n (cases, or Σw for frequency weights) and Σ w(y − ȳ)². */
  n: Float64Array;
  ss: Float64Array;
  groups: number[][];
  adjust: Adjust;
  alpha: number;
}

export function columnMeanTests(inp: ColumnMeanInput): string[] {
  const sig: string[][] = inp.mean.map(() => []);
  for (const group of inp.groups) {
    const used = group.filter((c) => inp.n[c] > 0 && inp.mean[c] !== null);
    let N = 0;
    let ss = 0;
    for (const c of used) {
      N += inp.n[c];
      ss += inp.ss[c];
    }
    const df = N - used.length;
    if (used.length < 2 || !(df > 0) || !(ss > 0)) continue;
    const s = Math.sqrt(ss / df);
    const pairs: Array<[number, number, number]> = [];
    const p: number[] = [];
    for (let a = 0; a < group.length; a++) {
      for (let b = a + 1; b < group.length; b++) {
        const ca = group[a];
        const cb = group[b];
        if (!used.includes(ca) || !used.includes(cb)) continue;
        const t = (inp.mean[ca]! - inp.mean[cb]!) / (s * Math.sqrt(1 / inp.n[ca] + 1 / inp.n[cb]));
        pairs.push([a, b, t]);
        p.push(2 * tSf(Math.abs(t), df));
      }
    }
    const adj = adjustP(p, inp.adjust);
    pairs.forEach(([a, b, t], k) => {
      if (!(adj[k] < inp.alpha)) return;
      const [hi, lo] = t > 0 ? [a, b] : [b, a];
      sig[group[hi]].push(letterFor(lo));
    });
  }
  return sig.map((l) => l.sort().join(''));
}
