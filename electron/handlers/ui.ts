/** Handlers for derived variables and saved specifications (shared/api/ui.ts). */
import { findVariable } from '../../shared/model/dataset';
import { applyCompute, applyRecode, RecipeError } from '../../shared/transform/recode';
import type { Dataset } from '../../shared/model/dataset';
import { HandlerError } from './context';
import type { AppContext, HandlerMap } from './types';

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

export const uiHandlers: HandlerMap = {
  'transform.recode': async ({ dataset, recipe }, ctx) =>
    storeDerived(
      ctx,
      dataset,
      derive(() => applyRecode(ctx.session.dataset(dataset), recipe)),
      recipe.target,
    ),
  'transform.compute': async ({ dataset, recipe }, ctx) =>
    storeDerived(
      ctx,
      dataset,
      derive(() => applyCompute(ctx.session.dataset(dataset), recipe)),
      recipe.target,
    ),
  'spec.list': async ({ kind }, { session }) => session.store().listSpecs(kind),
  'spec.save': async (spec, { session }) => session.store().saveSpec(spec),
  'spec.delete': async ({ id }, { session }) => {
    session.store().deleteSpec(id);
    return null;
  },
};
