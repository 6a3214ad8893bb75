/**
 * Trimming at a maximum weight with redistribution, as R `survey::trimWeights(design, upper = MAX,
 * strict = TRUE)`: weights above MAX are set to MAX and the trimmed amount is shared equally by the
 * other cases, repeatedly until none exceeds MAX. The repetition converges to
 *   w'_i = min(MAX, w_i + δ)   with δ ≥ 0 such that Σ w'_i = Σ w_i,
 * which is computed here directly (water-filling over the sorted weights) instead of by rounds.
 * The total is kept; the margins move by what was redistributed (the report shows them as achieved).
 */
export interface TrimResult {
  /** Cases set to the maximum. */
  trimmed: number;
  /** What every other case received. */
  delta: number;
}

/**
 * δ for weights given as sorted distinct values with their multiplicities. The caller makes sure that
 * max·Σcount ≥ Σ count·value (else no δ exists).
 */
export function trimShift(values: Float64Array, counts: Float64Array, max: number): { delta: number; trimmed: number } {
  const k = values.length;
  let n = 0;
  for (let j = 0; j < k; j++) n += counts[j];
  if (k === 0 || values[k - 1] <= max) return { delta: 0, trimmed: 0 };
  // Walk down from the largest: the top `j` groups are at max; the rest share what they lose.
  let top = k;
  let topCount = 0;
  let topSum = 0;
  while (top > 0 && values[top - 1] > max) {
    top--;
    topCount += counts[top];
    topSum += counts[top] * values[top];
  }
  for (;;) {
    const rest = n - topCount;
    if (rest <= 0) return { delta: 0, trimmed: n };
    const delta = (topSum - topCount * max) / rest;
    if (top === 0 || values[top - 1] + delta <= max) return { delta, trimmed: topCount };
    top--;
    topCount += counts[top];
    topSum += counts[top] * values[top];
  }
}

/** Trims `w` in place (NaN entries are not weighted and stay NaN). */
export function trimWeights(w: Float64Array, max: number): TrimResult {
  let used = 0;
  for (let i = 0; i < w.length; i++) if (w[i] === w[i]) used++;
  const values = new Float64Array(used);
  let j = 0;
  for (let i = 0; i < w.length; i++) if (w[i] === w[i]) values[j++] = w[i];
  values.sort();
  // Equal weights (many cases per cell) collapse into one value with its count.
  const distinct: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < used; i++) {
    if (distinct.length && distinct[distinct.length - 1] === values[i]) counts[counts.length - 1]++;
    else {
      distinct.push(values[i]);
      counts.push(1);
    }
  }
  const { delta } = trimShift(Float64Array.from(distinct), Float64Array.from(counts), max);
  let trimmed = 0;
  for (let i = 0; i < w.length; i++) {
    const v = w[i];
    if (v !== v) continue;
    if (v + delta > max) {
      w[i] = max;
      trimmed++;
    } else w[i] = v + delta;
  }
  return { trimmed, delta };
}
