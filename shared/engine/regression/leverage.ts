/**
 * Leverage (hat values) of a fitted model, accumulated in the pass that computes its residuals or
 * scores, for the output rules (shared/disclosure/models): an observation with leverage near 1 pulls
 * the fit through itself, so the coefficients carry its values (`d = leeftijd + 1000·[one person]` in
 * a model with leeftijd gives that person's score).
 *
 *   h_i = v_i · z_i' (Z'VZ)⁻¹ z_i
 *
 * with z_i the case's row of the design in the fitting kernels' shifted parameterisation (columns.ts:
 * a shift absorbed by the intercept is an invertible reparameterisation Z = X T, which leaves the hat
 * matrix X(X'VX)⁻¹X'V unchanged) and v_i its weight in the fit: the case weight for least squares
 * (R `hatvalues(lm(…, weights = w))`), w_i p_i (1 - p_i) for logit (R `hatvalues(glm(…))`, the IRLS
 * working weights). Σ h_i = k. For the within estimator (fe.ts) these are the hat values of the
 * demeaned model, i.e. the leverage on the slopes; the absorbed unit effects are not published.
 *
 * Besides the largest h it keeps the term in which that case is most unusual (largest |z-score|), so
 * a refusal can name a variable. Checked against R's hatvalues() in tests/oracle/regression/leverage.
 */
import type { Columns } from './columns';

export interface Leverage {
  /** Largest hat value and the case (index in the estimation sample) that has it. */
  max: number;
  at: number;
  /** The term in which case `at` lies furthest from the mean, in standard deviations. */
  term: string;
  /** Every hat value, when asked for (tests); else null. */
  h: Float64Array | null;
}

export class LeverageAccumulator {
  private max = -Infinity;
  private at = -1;
  private count = 0;
  private readonly row: Float64Array;
  private readonly atRow: Float64Array;
  private readonly sum: Float64Array;
  private readonly sumSq: Float64Array;
  private readonly h: Float64Array | null;

  /** `inv`: (Z'VZ)⁻¹ in the shifted parameterisation, k×k row-major. */
  constructor(
    private readonly cols: Columns,
    private readonly inv: Float64Array,
    private readonly terms: readonly string[],
    keepAll = false,
  ) {
    const k = cols.k;
    this.row = new Float64Array(k);
    this.atRow = new Float64Array(k);
    this.sum = new Float64Array(k);
    this.sumSq = new Float64Array(k);
    this.h = keepAll ? new Float64Array(cols.n) : null;
  }

  /** Case `i`, whose shifted row is in this.row, with fit weight `v`. */
  private add(i: number, v: number): void {
    const { k } = this.cols;
    const { inv, row, sum, sumSq } = this;
    let q = 0;
    for (let j = 0; j < k; j++) {
      const zj = row[j];
      sum[j] += zj;
      sumSq[j] += zj * zj;
      let s = 0;
      const o = j * k;
      for (let l = 0; l < k; l++) s += inv[o + l] * row[l];
      q += zj * s;
    }
    const h = v * q;
    if (this.h) this.h[i] = h;
    this.count++;
    if (h > this.max) {
      this.max = h;
      this.at = i;
      this.atRow.set(row);
    }
  }

  private hChunk = new Float64Array(0);

  /**
   * A loaded chunk (columns.ts loadChunk) of cases start..start+m; `v` the fit weights of the chunk
   * (null: 1). Column-wise over the chunk, using the symmetry of the inverse: k(k+1)/2 tight loops of
   * length m instead of a k² loop per case.
   */
  chunk(buf: Float64Array[], start: number, m: number, v: ArrayLike<number> | null): void {
    const { k } = this.cols;
    const { inv, sum, sumSq } = this;
    if (this.hChunk.length < m) this.hChunk = new Float64Array(m);
    const h = this.hChunk;
    h.fill(0, 0, m);
    for (let j = 0; j < k; j++) {
      const a = buf[j];
      const d = inv[j * k + j];
      let s1 = 0;
      let s2 = 0;
      for (let r = 0; r < m; r++) {
        const x = a[r];
        h[r] += d * x * x;
        s1 += x;
        s2 += x * x;
      }
      sum[j] += s1;
      sumSq[j] += s2;
      for (let l = j + 1; l < k; l++) {
        const b = buf[l];
        const c = 2 * inv[j * k + l];
        if (c === 0) continue;
        for (let r = 0; r < m; r++) h[r] += c * a[r] * b[r];
      }
    }
    this.count += m;
    for (let r = 0; r < m; r++) {
      const hr = (v === null ? 1 : v[r]) * h[r];
      if (this.h) this.h[start + r] = hr;
      if (hr > this.max) {
        this.max = hr;
        this.at = start + r;
        for (let j = 0; j < k; j++) this.atRow[j] = buf[j][r];
      }
    }
  }

  /** One case read straight from the columns (for row-wise passes). */
  case(i: number, v: number): void {
    const { x, shift, k } = this.cols;
    for (let j = 0; j < k; j++) {
      const c = x[j];
      this.row[j] = c === null ? 1 : c[i] - shift[j];
    }
    this.add(i, v);
  }

  result(): Leverage {
    const { k } = this.cols;
    let term = this.terms[0] ?? '';
    let far = -1;
    for (let j = 0; j < k; j++) {
      if (this.cols.x[j] === null) continue;
      const mean = this.sum[j] / this.count;
      const sd = Math.sqrt(Math.max(0, this.sumSq[j] / this.count - mean * mean));
      const dist = sd > 0 ? Math.abs(this.atRow[j] - mean) / sd : 0;
      if (dist > far) {
        far = dist;
        term = this.terms[j];
      }
    }
    return { max: this.count > 0 ? this.max : 0, at: this.at, term, h: this.h };
  }
}
