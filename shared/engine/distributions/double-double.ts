/**
 * Minimal double-double arithmetic (value = hi + lo, ~32 significant digits; Dekker/Knuth error-free
 * transformations). Used only where a continued fraction must be evaluated at x = 1 - y ≈ 1 with a
 * large shape parameter: there each rounding of x is amplified by ~1/(1-x) (see incomplete.ts).
 */
export type DD = [number, number];

const SPLITTER = 134217729; // 2^27 + 1

function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

function quickTwoSum(a: number, b: number): DD {
  const s = a + b;
  return [s, b - (s - a)];
}

/** High half of Dekker's split: a = hi + (a - hi) with both halves 26 bits. */
function splitHi(a: number): number {
  const c = SPLITTER * a;
  return c - (c - a);
}

/** Rounding error of a·b given p = fl(a·b), exactly. */
function prodError(a: number, b: number, p: number): number {
  const ah = splitHi(a);
  const al = a - ah;
  const bh = splitHi(b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

function twoProd(a: number, b: number): DD {
  const p = a * b;
  return [p, prodError(a, b, p)];
}

export function dd(x: number): DD {
  return [x, 0];
}

/** 1 - y exactly. */
export function oneMinus(y: number): DD {
  return twoSum(1, -y);
}

export function add(x: DD, y: DD): DD {
  const s = twoSum(x[0], y[0]);
  const t = twoSum(x[1], y[1]);
  const u = quickTwoSum(s[0], s[1] + t[0]);
  return quickTwoSum(u[0], u[1] + t[1]);
}

export function mul(x: DD, y: DD): DD {
  const p = twoProd(x[0], y[0]);
  return quickTwoSum(p[0], p[1] + x[0] * y[1] + x[1] * y[0]);
}

export function div(x: DD, y: DD): DD {
  const q1 = x[0] / y[0];
  const r = add(x, neg(mul(dd(q1), y)));
  const q2 = r[0] / y[0];
  const r2 = add(r, neg(mul(dd(q2), y)));
  const q3 = r2[0] / y[0];
  const q = quickTwoSum(q1, q2);
  return add(q, dd(q3));
}

export function neg(x: DD): DD {
  return [-x[0], -x[1]];
}

/** Product of two doubles, exactly. */
export function prod(a: number, b: number): DD {
  return twoProd(a, b);
}

/**
 * y - Σ_j cols[j][i]·b[j] accumulated in double-double without allocating (the least-squares
 * refinement calls this once per case per iteration), rounded to the nearest double at the end.
 */
export function residualDD(y: number, cols: Float64Array[], i: number, b: Float64Array): number {
  let hi = y;
  let lo = 0;
  for (let j = 0; j < cols.length; j++) {
    // p + pe = -x·b exactly (Dekker product).
    const a = cols[j][i];
    const c = -b[j];
    const p = a * c;
    const pe = prodError(a, c, p);
    // (hi, lo) += (p, pe).
    const s = hi + p;
    const bb = s - hi;
    const se = hi - (s - bb) + (p - bb);
    const e2 = se + lo + pe;
    hi = s + e2;
    lo = e2 - (hi - s);
  }
  return hi + lo;
}
