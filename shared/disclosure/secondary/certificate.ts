/**
 * A cheap sufficient proof that a hidden cell is protected, tried before the LP: a "rectangle" —
 * the hidden cell p, a partner a in one of p's constraints, a partner b in another, and a fourth
 * hidden cell d closing the cycle — with a direction z (z_p = 1) that keeps every constraint
 * touching the four cells balanced (A z = 0, verified, not assumed). Moving the hidden values
 * along ±z keeps all published numbers, so p ranges at least over
 *   [p − min_{z_k>0} x_k / z_k ,  p + min_{z_k<0} x_k / |z_k|]
 * while every corner stays non-negative. This is the hypercube method's criterion; the LP is only
 * needed for the cells it cannot settle (longer cycles).
 */
import type { LinearTable } from './linear-table';

/** Effort cap per cell: (a, b) pairs tried before falling back to the LP. */
const MAX_PAIRS = 150;

export class RectangleCertifier {
  private readonly coef: Map<number, number>[];

  constructor(
    private readonly table: LinearTable,
    private readonly byCell: readonly number[][],
  ) {
    this.coef = table.constraints.map((c) => {
      const m = new Map<number, number>();
      c.cells.forEach((cell, t) => m.set(cell, (m.get(cell) ?? 0) + c.coefs[t]));
      return m;
    });
  }

  private hiddenLists: number[][] = [];
  private hiddenRef: readonly boolean[] | null = null;
  private hiddenSnapshot: boolean[] = [];

  /** Hidden cells per constraint, recomputed when the pattern changed since the last call. */
  private lists(hidden: readonly boolean[]): number[][] {
    const same = this.hiddenRef === hidden && this.hiddenSnapshot.length === hidden.length && this.hiddenSnapshot.every((h, i) => h === hidden[i]);
    if (!same) {
      this.hiddenRef = hidden;
      this.hiddenSnapshot = hidden.slice();
      this.hiddenLists = this.table.constraints.map((c) => c.cells.filter((x) => hidden[x] && !this.table.fixed?.[x]));
    }
    return this.hiddenLists;
  }

  /**
   * A rectangle of hidden cells that moves `p` by at least `need` (its four cells), or null. The
   * proof stays valid as long as those four cells stay hidden.
   */
  certify(p: number, need: number, values: readonly number[], hidden: readonly boolean[]): number[] | null {
    const lists = this.lists(hidden);
    const hiddenIn = (k: number) => lists[k];
    let pairs = 0;
    const ks = this.byCell[p];
    for (const k1 of ks) {
      for (const k2 of ks) {
        if (k1 === k2) continue;
        const as = hiddenIn(k1)
          .filter((a) => a !== p)
          .sort((x, y) => values[y] - values[x]);
        const bs = hiddenIn(k2)
          .filter((b) => b !== p)
          .sort((x, y) => values[y] - values[x]);
        for (const a of as) {
          const za = -this.coef[k1].get(p)! / this.coef[k1].get(a)!;
          for (const b of bs) {
            if (b === a) continue;
            if (++pairs > MAX_PAIRS) return null;
            const zb = -this.coef[k2].get(p)! / this.coef[k2].get(b)!;
            const d = this.tryClose(p, a, b, za, zb, need, values, lists);
            if (d >= 0) return [p, a, b, d];
          }
        }
      }
    }
    return null;
  }

  /** The fourth corner d that closes a protecting rectangle, or −1. */
  private tryClose(p: number, a: number, b: number, za: number, zb: number, need: number, values: readonly number[], lists: readonly number[][]): number {
    const kb = this.byCell[b];
    for (const k3 of this.byCell[a]) {
      if (this.coef[k3].has(p) || this.coef[k3].has(b)) continue;
      const ca = this.coef[k3].get(a)!;
      for (const d of lists[k3]) {
        if (d === p || d === a || d === b) continue;
        if (!this.byCell[d].some((k) => kb.includes(k))) continue;
        const z = new Map<number, number>([
          [p, 1],
          [a, za],
          [b, zb],
          [d, (-ca * za) / this.coef[k3].get(d)!],
        ]);
        if (!this.balanced(z)) continue;
        let up = Infinity;
        let down = Infinity;
        for (const [cell, zk] of z) {
          if (zk > 0) down = Math.min(down, values[cell] / zk);
          else if (zk < 0) up = Math.min(up, values[cell] / -zk);
        }
        if (up + down >= need - 1e-9 * Math.max(1, need)) return d;
      }
    }
    return -1;
  }

  /** Every constraint touching the moved cells stays balanced: Σ coef · z = 0. */
  private balanced(z: Map<number, number>): boolean {
    const seen = new Set<number>();
    for (const cell of z.keys()) {
      for (const k of this.byCell[cell]) {
        if (seen.has(k)) continue;
        seen.add(k);
        let s = 0;
        for (const [c, zc] of z) s += (this.coef[k].get(c) ?? 0) * zc;
        if (Math.abs(s) > 1e-12) return false;
      }
    }
    return true;
  }
}
