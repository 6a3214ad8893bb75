/**
 * Fisher's exact test for a 2×2 table of integer counts, two-sided as R's `fisher.test` computes it:
 * the sum of the hypergeometric probabilities of all tables with the observed margins whose probability
 * is at most the observed table's, with R's relative tolerance 1 + 1e-7 on that comparison.
 *
 * Probabilities are built outward from the mode by the ratio
 *   P(x+1)/P(x) = (m−x)(k−x) / ((x+1)(n−k+x+1)),
 * (m = first column total, n = second, k = first row total), which keeps every term accurate relative to
 * the mode without log-factorials of huge numbers; terms that underflow are negligible for the p-value.
 */
export function fisherExact2x2(a: number, b: number, c: number, d: number): number {
  const m = a + c; // first column
  const n = b + d; // second column
  const k = a + b; // first row
  const lo = Math.max(0, k - n);
  const hi = Math.min(k, m);
  const ratio = (x: number) => ((m - x) * (k - x)) / ((x + 1) * (n - k + x + 1));
  // Mode of the hypergeometric distribution.
  let mode = Math.floor(((k + 1) * (m + 1)) / (m + n + 2));
  mode = Math.min(hi, Math.max(lo, mode));
  // Relative probability of the observed table (mode = 1).
  let pObs = 1;
  if (a > mode) for (let x = mode; x < a; x++) pObs *= ratio(x);
  else for (let x = mode; x > a; x--) pObs /= ratio(x - 1);
  const cut = pObs * (1 + 1e-7);
  let total = 1;
  let below = 1 <= cut ? 1 : 0;
  let p = 1;
  for (let x = mode; x < hi; x++) {
    p *= ratio(x);
    if (p === 0) break;
    total += p;
    if (p <= cut) below += p;
  }
  p = 1;
  for (let x = mode; x > lo; x--) {
    p /= ratio(x - 1);
    if (p === 0) break;
    total += p;
    if (p <= cut) below += p;
  }
  return Math.min(1, below / total);
}
