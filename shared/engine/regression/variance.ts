/**
 * Chooses and computes the coefficient covariance for a fitted model from its scores, and the degrees
 * of freedom its tests use. Shared by OLS, logit and FE so the three follow the same R conventions:
 * - 'classical': dispersion · (X'VX)⁻¹ (dispersion = σ² for OLS, 1 for logit).
 * - 'hc1': n/(n-k) · B (Σ s²xx') B — sandwich::vcovHC(type = "HC1").
 * - cluster: G/(G-1) · (n-1)/(n-k) · B (Σ_g U_g U_g') B — sandwich::vcovCL(type = "HC1"), tests with
 *   the model's residual df as lmtest::coeftest(vcov = vcovCL) does (z for logit).
 * - sampling weights: design-based linearisation (survey::svyglm), df = #PSU - #strata - k + 1, which is
 *   the df.residual svyglm uses for its t tests and confint. Cases dropped for missing values or by the
 *   filter stay in the design as out-of-domain cases (zero scores), as survey's subset() treats them.
 * With frequency weights n is Σw and the meat uses s²/w (a case stands for w identical cases).
 */
import type { WeightType } from '../../model/results';
import type { Columns } from './columns';
import { designMeat, groupScores, hcMeat, outerSum, sandwich, type Grouping } from './sandwich';

export type SeChoice =
  | { kind: 'classical' }
  | { kind: 'hc1' }
  | { kind: 'cluster'; variable: string; groups: Grouping }
  | { kind: 'design'; strata: Grouping | null; cluster: Grouping | null; psuPerStratum: Float64Array | null };

export interface VarianceInput {
  cols: Columns;
  /** Bread (X'VX)⁻¹ in the shifted columns. */
  bread: Float64Array;
  /** Per-case score multipliers s_i (score = s_i x_i); only computed for robust variances. */
  scores(): Float64Array;
  w: Float64Array | null;
  weightType: WeightType | null;
  /** Cases as the df counts them (rows, or Σw for frequency weights). */
  nEff: number;
  /** Number of estimated parameters (incl. absorbed fixed effects for FE). */
  params: number;
  /** σ² for OLS; 1 for logit. */
  dispersion: number;
  /** Residual df of the classical model (Infinity for z tests). */
  dfResidual: number;
}

export interface VarianceResult {
  V: Float64Array;
  df: number;
  label: string;
}

export function variance(inp: VarianceInput, se: SeChoice): VarianceResult {
  const { cols, bread, w, nEff, params, dispersion, dfResidual } = inp;
  const k = cols.k;
  const freq = inp.weightType === 'frequency';
  if (se.kind === 'classical') {
    return { V: bread.map((v) => v * dispersion), df: dfResidual, label: 'classical' };
  }
  const s = inp.scores();
  if (se.kind === 'hc1') {
    const m = new Float64Array(cols.n);
    for (let i = 0; i < cols.n; i++) m[i] = freq && w ? (s[i] * s[i]) / w[i] : s[i] * s[i];
    const V = sandwich(bread, hcMeat(cols, m), k, nEff / (nEff - params));
    return { V, df: dfResidual, label: 'hc1' };
  }
  if (se.kind === 'cluster') {
    const G = se.groups.count;
    const U = groupScores(cols, s, se.groups);
    const adj = (G / (G - 1)) * ((nEff - 1) / (nEff - params));
    return { V: sandwich(bread, outerSum(U, G, k), k, adj), df: dfResidual, label: `cluster:${se.variable}` };
  }
  const dm = designMeat(cols, s, se.strata, se.cluster, se.psuPerStratum);
  const df = dm.psus - dm.strata - params + 1;
  return { V: sandwich(bread, dm.meat, k, 1), df, label: 'design' };
}
