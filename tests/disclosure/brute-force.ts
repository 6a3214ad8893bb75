/**
 * Independent check for tiny published tables: enumerate every non-negative integer completion of
 * the withheld numbers that agrees with what was published, and record the smallest and largest
 * value each withheld number takes. Shares no code with the LP auditor.
 */

/** An equation  Σ parts = total  over published numbers and unknowns ({u: index}). */
export type Term = number | { u: number };
export interface Equation {
  parts: Term[];
  total: Term;
}

export interface Range {
  min: number;
  max: number;
}

export interface Enumeration {
  ranges: Range[];
  solutions: number;
  /** The node cap was hit: the answer is unknown. */
  capped: boolean;
}

/**
 * Depth-first enumeration over [0, bound] per unknown. At every node, equations with a single open
 * term force that term (so only the table's free dimensions are branched on), and partial sums of
 * parts may not exceed a known total.
 */
export function enumerateCompletions(unknowns: number, equations: Equation[], bound: number, maxNodes = 3_000_000): Enumeration {
  const value = new Array<number | null>(unknowns).fill(null);
  const ranges: Range[] = Array.from({ length: unknowns }, () => ({ min: Infinity, max: -Infinity }));
  let nodes = 0;
  let solutions = 0;
  const get = (t: Term) => (typeof t === 'number' ? t : value[t.u]);

  /** Assigns forced terms; returns the trail of assigned unknowns, or null on a contradiction. */
  const propagate = (): number[] | null => {
    const trail: number[] = [];
    for (let changed = true; changed;) {
      changed = false;
      for (const e of equations) {
        let s = 0;
        let open: Term | null = null;
        let opens = 0;
        for (const p of e.parts) {
          const v = get(p);
          if (v === null) {
            opens++;
            open = p;
          } else s += v;
        }
        const total = get(e.total);
        if (total === null) {
          opens++;
          open = e.total;
        }
        if (total !== null && s > total) return undo(trail);
        if (opens === 0 && s !== total) return undo(trail);
        if (opens !== 1 || open === null || typeof open === 'number') continue;
        const forced = open === e.total ? s : total! - s;
        if (forced < 0 || forced > bound) return undo(trail);
        value[open.u] = forced;
        trail.push(open.u);
        changed = true;
      }
    }
    return trail;
  };
  const undo = (trail: number[]): null => {
    for (const u of trail) value[u] = null;
    return null;
  };

  const search = (): void => {
    if (++nodes > maxNodes) throw new Error('capped');
    const trail = propagate();
    if (trail === null) return;
    const u = value.indexOf(null);
    if (u < 0) {
      solutions++;
      value.forEach((v, k) => {
        ranges[k].min = Math.min(ranges[k].min, v!);
        ranges[k].max = Math.max(ranges[k].max, v!);
      });
    } else {
      for (let v = 0; v <= bound; v++) {
        value[u] = v;
        search();
      }
      value[u] = null;
    }
    undo(trail);
  };

  try {
    search();
    return { ranges, solutions, capped: false };
  } catch {
    return { ranges, solutions, capped: true };
  }
}
