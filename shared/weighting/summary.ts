/**
 * What a set of weights costs in precision. With n weighted cases and weights w_i:
 *   cv         = sd(w)/mean(w), sd with divisor n
 *   kishDeff   = n Σw² / (Σw)² = 1 + cv²      (Kish 1965, design effect of unequal weighting)
 *   effectiveN = (Σw)² / Σw² = n / kishDeff
 * `negative` counts weights below zero (linear calibration can give them); they are reported, never
 * hidden. Cases without a weight (NaN) are left out.
 */
export interface WeightSummary {
  min: number;
  max: number;
  mean: number;
  cv: number;
  kishDeff: number;
  effectiveN: number;
  negative: number;
  trimmed: number;
}

export function summarizeWeights(w: Float64Array, trimmed = 0): WeightSummary & { n: number; sum: number } {
  let n = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  let negative = 0;
  for (let i = 0; i < w.length; i++) {
    const v = w[i];
    if (v !== v) continue;
    n++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
    if (v < 0) negative++;
  }
  // Two passes: the squares about the mean, so a nearly constant weight gives cv ≈ 0, not rounding noise.
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < w.length; i++) {
    const v = w[i];
    if (v === v) ss += (v - mean) * (v - mean);
  }
  const cv = Math.sqrt(ss / n) / Math.abs(mean);
  const kishDeff = 1 + cv * cv;
  return {
    n,
    sum,
    min: n ? min : NaN,
    max: n ? max : NaN,
    mean,
    cv,
    kishDeff,
    effectiveN: n / kishDeff,
    negative,
    trimmed,
  };
}
