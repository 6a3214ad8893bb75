/**
 * Do these targets still fit this dataset? For "Weging opnieuw" on the next wave: the codes with a
 * target but no case to weight, and the codes of cases to weight without a target, per margin —
 * without weighting. Variables the dataset lacks are an error, as in a run.
 */
import { filterMask } from '../analysis/filter';
import { weightArray } from '../engine/weights';
import { findVariable, type Dataset } from '../model/dataset';
import type { WeightCodeMismatch } from '../i18n/messages';
import { classify } from './classify';
import { WeightingError } from './errors';
import { weightSpecSchema, type WeightSpec, type WeightSpecInput } from './spec';
import { toTargetSet } from './targets';

export function checkTargets(ds: Dataset, specIn: WeightSpec | WeightSpecInput): WeightCodeMismatch[] {
  const spec = weightSpecSchema.parse(specIn);
  let base: Float64Array | undefined;
  if (spec.baseWeight !== undefined) {
    if (findVariable(ds, spec.baseWeight) < 0) throw new WeightingError({ code: 'weight-unknown-variable', variable: spec.baseWeight });
    base = weightArray(ds, { variable: spec.baseWeight, type: 'sampling' });
  }
  return classify(ds, toTargetSet(spec.targets), { filter: filterMask(ds, spec.filter), base }).mismatches;
}
