/**
 * Weighting a dataset of a project and keeping the result: the weight variable (role weight), its
 * recipe and the audit entry in one undoable store step. Shared by the app's handlers and the CLI.
 */
import type { WeightApplied } from '../../shared/api/weighting';
import { findVariable, type Dataset } from '../../shared/model/dataset';
import { runWeighting, weightVariableMeta, WeightingError, type RunOptions, type WeightSpec } from '../../shared/weighting/index';
import type { ProjectStore } from '../store/project-store';

/** What the audit log keeps of a weighting: the recipe and the report's headline. */
function auditDetail(dataset: string, spec: WeightSpec, applied: WeightApplied) {
  const { report } = applied;
  return {
    dataset,
    variable: applied.variable.name,
    method: spec.method,
    targets: spec.targets,
    baseWeight: spec.baseWeight ?? null,
    filter: spec.filter ?? null,
    bounds: spec.bounds ?? null,
    trim: report.trim,
    scaled: report.scaled,
    n: report.n,
    excluded: report.excluded,
    weighted: report.weighted,
    iterations: report.iterations,
    kishDeff: report.summary.kishDeff,
  };
}

/** Runs `spec` on `dataset` and stores the weight; a variable of that name is replaced only when asked. */
export function applyWeight(
  store: ProjectStore,
  ds: Dataset,
  dataset: string,
  specIn: WeightSpec,
  opts: { replace: boolean; lang: 'nl' | 'en'; action?: string; run?: RunOptions },
): WeightApplied & { weights: Float64Array } {
  const existing = findVariable(ds, specIn.name);
  if (existing >= 0 && !opts.replace) throw new WeightingError({ code: 'weight-variable-exists', name: ds.variables[existing].name });
  // Replacing keeps the stored name's spelling: variable names are one name whatever their case.
  const spec = existing >= 0 ? { ...specIn, name: ds.variables[existing].name } : specIn;
  const { weights, report } = runWeighting(ds, spec, opts.run);
  const variable = weightVariableMeta(report, new Date(), opts.lang);
  const applied = { report, variable };
  store.putVariableUndoable(
    dataset,
    variable,
    { kind: 'numeric', data: weights },
    {
      recipe: { kind: 'weight', body: spec },
      action: opts.action ?? 'weight.apply',
      detail: auditDetail(dataset, spec, applied),
      label: `${variable.name}: ${opts.lang === 'nl' ? 'weging' : 'weighting'} (${spec.method})`,
    },
  );
  return { ...applied, weights };
}
