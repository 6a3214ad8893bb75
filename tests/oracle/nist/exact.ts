/**
 * Exact least squares in rational arithmetic (BigInt), independent of the engine: a second reference
 * next to NIST's certified values.
 *
 * Used twice by the NIST tests:
 * - on the decimal data as printed, it must reproduce NIST's certified values (checks this code and
 *   the .dat parser against NIST);
 * - on the doubles the engine is actually given, it yields the exact solution of THAT problem, so the
 *   engine's own error can be told apart from the error the decimal-to-binary rounding of the data
 *   causes (the limit for Filip, where rounding the data alone moves the certified values in the
 *   8th digit).
 * Every column is an integer vector times a rational scale; the normal equations of the integer
 * columns are solved by fraction-free Gauss–Jordan elimination (k ≤ 11, n ≤ 82: instant).
 */

export interface ExactColumn {
  /** x_i = ints[i] · num / den. */
  ints: bigint[];
  num: bigint;
  den: bigint;
}

export interface ExactFit {
  b: number[];
  se: number[];
  residualSD: number;
  r2: number;
}

interface Q {
  n: bigint;
  d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function q(n: bigint, d: bigint = 1n): Q {
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}
const sub = (a: Q, b: Q): Q => q(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Q, b: Q): Q => q(a.n * b.n, a.d * b.d);
const div = (a: Q, b: Q): Q => q(a.n * b.d, a.d * b.n);

function bitLength(v: bigint): number {
  return v === 0n ? 0 : v.toString(2).length;
}

/** The double nearest num/den (den > 0), with one rounding. */
export function nearestDouble(num: bigint, den: bigint): number {
  if (num === 0n) return 0;
  const negative = num < 0n;
  const a = negative ? -num : num;
  // An integer quotient of ≥ 64 bits with the remainder folded into a sticky bit rounds, in Number(),
  // exactly as the true ratio would.
  const s = Math.max(0, 66 + bitLength(den) - bitLength(a));
  const scaled = a << BigInt(s);
  let quo = scaled / den;
  if (scaled % den !== 0n) quo |= 1n;
  let v = Number(quo);
  for (let left = s; left > 0; left -= 1000) v *= 2 ** -Math.min(left, 1000);
  return negative ? -v : v;
}

const toDouble = (x: Q): number => nearestDouble(x.n, x.d);

/** A double as an exact rational. */
export function doubleToExact(v: number): { int: bigint; num: bigint; den: bigint } {
  if (!Number.isFinite(v)) throw new Error('not finite');
  let e = 0;
  let m = v;
  while (!Number.isInteger(m)) {
    m *= 2;
    e++;
  }
  return { int: BigInt(m), num: 1n, den: 1n << BigInt(e) };
}

/** A decimal literal as an exact rational. */
export function decimalToExact(text: string): { int: bigint; num: bigint; den: bigint } {
  const m = /^([-+]?)(\d*)(?:\.(\d*))?(?:[eE]([-+]?\d+))?$/.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new Error(`not a decimal number: ${text}`);
  const frac = m[3] ?? '';
  const e = Number(m[4] ?? 0) - frac.length;
  const int = BigInt(m[1] + (m[2] + frac || '0'));
  return e >= 0 ? { int: int * 10n ** BigInt(e), num: 1n, den: 1n } : { int, num: 1n, den: 10n ** BigInt(-e) };
}

/** Common-denominator column from exact cells. */
export function exactColumn(cells: { int: bigint; num: bigint; den: bigint }[]): ExactColumn {
  const den = cells.reduce((acc, c) => (acc * c.den) / gcd(acc, c.den), 1n);
  return { ints: cells.map((c) => (c.int * den) / c.den), num: 1n, den };
}

/** The intercept column. */
export function ones(n: number): ExactColumn {
  return { ints: Array.from({ length: n }, () => 1n), num: 1n, den: 1n };
}

/** Exact OLS of y on the columns (include `ones` for an intercept); results rounded once to doubles. */
export function exactOls(y: ExactColumn, xs: ExactColumn[]): ExactFit {
  const k = xs.length;
  const n = y.ints.length;
  const dot = (a: bigint[], b: bigint[]): bigint => a.reduce((s, v, i) => s + v * b[i], 0n);
  // [A'A | I | A'y] on the integer columns, by fraction-free (Bareiss) Gauss–Jordan elimination: every
  // division is exact, and at the end each row r reads det·[e_r | row r of (A'A)⁻¹ | c_r]. A'A is
  // positive definite, so its leading minors (the pivots) are non-zero and no row swaps are needed.
  const width = 2 * k + 1;
  const M: bigint[][] = xs.map((xi, r) => [
    ...xs.map((xj) => dot(xi.ints, xj.ints)),
    ...xs.map((_, c) => (r === c ? 1n : 0n)),
    dot(xi.ints, y.ints),
  ]);
  let prev = 1n;
  for (let c = 0; c < k; c++) {
    const piv = M[c][c];
    if (piv === 0n) throw new Error('singular');
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const f = M[r][c];
      for (let j = 0; j < width; j++) M[r][j] = (piv * M[r][j] - f * M[c][j]) / prev;
    }
    prev = piv;
  }
  const det = prev;
  // x_j = a_j · s_j, y = a_y · s_y: b_j = c_j · s_y / s_j; (X'X)⁻¹_jj = (A'A)⁻¹_jj / s_j².
  const sy = q(y.num, y.den);
  const s = xs.map((x) => q(x.num, x.den));
  const c = M.map((row) => q(row[2 * k], det));
  // RSS in the integer scale: a_y'a_y - c'A'a_y, times s_y².
  let rssA = q(dot(y.ints, y.ints));
  xs.forEach((x, j) => (rssA = sub(rssA, mul(c[j], q(dot(x.ints, y.ints))))));
  const rss = mul(rssA, mul(sy, sy));
  const sigma2 = div(rss, q(BigInt(n - k)));
  let sumY = 0n;
  for (const v of y.ints) sumY += v;
  const tss = mul(sub(q(dot(y.ints, y.ints)), q(sumY * sumY, BigInt(n))), mul(sy, sy));
  return {
    b: c.map((cj, j) => toDouble(div(mul(cj, sy), s[j]))),
    se: s.map((sj, j) => Math.sqrt(toDouble(div(mul(sigma2, q(M[j][k + j], det)), mul(sj, sj))))),
    residualSD: Math.sqrt(toDouble(sigma2)),
    r2: toDouble(sub(q(1n), div(rss, tss))),
  };
}
