/** Handlers for derived variables: recodes and computed variables (shared/api/transform.ts). */
import { findVariable } from '../../shared/model/dataset';
import { applyCompute, applyRecode, RecipeError } from '../../shared/transform/recode';
import type { Dataset } from '../../shared/model/dataset';
import { HandlerError } from '../backend/context';
import type { AppContext, SectionHandlers } from '../backend/types';
import type { transformSection } from '../../shared/api/transform';

/** Store the derived variable `target` of `out` and tell every window the dataset changed. */
function storeDerived(ctx: AppContext, dataset: string, out: Dataset, target: string) {
  const k = findVariable(out, target);
  ctx.session.store().putVariable(dataset, out.variables[k], out.columns[k]);
  ctx.session.invalidate(dataset);
  ctx.emit('project.changed', { reason: 'variable.derived' });
  return out.variables[k];
}

function derive(run: () => Dataset): Dataset {
  try {
    return run();
  } catch (e) {
    if (e instanceof RecipeError) throw new HandlerError('recipe', e.message);
    throw e;
  }
}

export const transformHandlers: SectionHandlers<typeof transformSection> = {
  'transform.recode': async ({ dataset, recipe }, ctx) =>
    storeDerived(
      ctx,
      dataset,
      derive(() => applyRecode(ctx.session.dataset(dataset), recipe, ctx.session.ruleSet())),
      recipe.target,
    ),
  'transform.compute': async ({ dataset, recipe }, ctx) =>
    storeDerived(
      ctx,
      dataset,
      derive(() => applyCompute(ctx.session.dataset(dataset), recipe, ctx.session.ruleSet())),
      recipe.target,
    ),
};
