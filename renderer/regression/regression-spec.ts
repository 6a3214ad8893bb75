/** The regression dialog's state and the analysis.regress request it produces. */
import type { Request } from '../../shared/api';

export interface RegressionSpec {
  dependent: string;
  predictors: string[];
  /** Predictor name → reference code as text ('' = lowest code). Presence means categorical. */
  categorical: Record<string, string>;
  model: 'ols' | 'logit' | 'fe';
  panel: string;
  weight: string;
  weightType: 'frequency' | 'sampling';
  se: 'classical' | 'hc1' | 'cluster';
  cluster: string;
  filter: string;
}

export const emptyRegression: RegressionSpec = {
  dependent: '',
  predictors: [],
  categorical: {},
  model: 'ols',
  panel: '',
  weight: '',
  weightType: 'sampling',
  se: 'classical',
  cluster: '',
  filter: '',
};

export type RegressionProblem = 'reg.needDep' | 'reg.needPanel' | null;

export function regressionProblem(s: RegressionSpec): RegressionProblem {
  if (!s.dependent || s.predictors.length === 0) return 'reg.needDep';
  if (s.model === 'fe' && !s.panel) return 'reg.needPanel';
  return null;
}

export function regressRequest(s: RegressionSpec, dataset: string, filterValid: boolean): Request<'analysis.regress'> {
  const categorical = s.predictors
    .filter((p) => p in s.categorical)
    .map((variable) => {
      const ref = s.categorical[variable].trim();
      if (!ref) return { variable };
      const n = Number(ref);
      return { variable, ref: Number.isFinite(n) ? n : ref };
    });
  return {
    dataset,
    dependent: s.dependent,
    // The engine takes categorical variables only in `categorical` (as dummies), never also as numbers.
    predictors: s.predictors.filter((p) => !(p in s.categorical)),
    categorical,
    model: s.model,
    ...(s.model === 'fe' && s.panel ? { panel: s.panel } : {}),
    ...(s.weight ? { weight: { variable: s.weight, type: s.weightType } } : {}),
    se: s.se === 'cluster' && s.cluster ? { cluster: s.cluster } : s.se === 'cluster' ? 'classical' : s.se,
    ...(s.filter.trim() && filterValid ? { filter: s.filter.trim() } : {}),
  };
}
