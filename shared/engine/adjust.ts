/**
 * Multiple-comparison adjustment of p-values within one family, as R `p.adjust`:
 * Bonferroni min(1, m·p); Benjamini–Hochberg (1995) step-up q_(i) = min_{j≥i} min(1, m/j · p_(j)).
 */
export type Adjust = 'none' | 'bonferroni' | 'bh';

export function adjustP(p: readonly number[], method: Adjust): number[] {
  const m = p.length;
  if (method === 'none' || m === 0) return p.slice();
  if (method === 'bonferroni') return p.map((v) => Math.min(1, v * m));
  const order = p.map((_, i) => i).sort((a, b) => p[b] - p[a]);
  const out = new Array<number>(m);
  let running = Infinity;
  order.forEach((idx, k) => {
    const rank = m - k;
    running = Math.min(running, (m / rank) * p[idx]);
    out[idx] = Math.min(1, running);
  });
  return out;
}
