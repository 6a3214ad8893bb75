/**
 * Handlers for weighting (shared/api/weighting.ts): preview and apply a weight, list and rerun recipes,
 * read a targets file, draw a margin before and after. Applying is one undoable store step: the new
 * variable (role weight), its recipe and the audit entry in one transaction.
 */
import { readFile, stat } from 'node:fs/promises';
import type { WeightRecipeInfo } from '../../shared/api/weighting';
import { marginChart } from '../../shared/weighting/margin-chart';
import { checkTargets, fromTargetSet, parseTargetsFile, runWeighting, weightSpecSchema, type WeightSpec } from '../../shared/weighting/index';
import { applyWeight } from '../backend/apply-weight';
import { applyRulesToWeightReport } from '../../shared/analysis/weight-rules';
import { HandlerError } from '../backend/context';
import type { AppContext, SectionHandlers } from '../backend/types';
import type { weightingSection } from '../../shared/api/weighting';
import { measureWithBundledFont, renderChartSvg } from '../export/chart/index';
import { projectChartStyle } from './charts';
import { chartCanvas } from '../../shared/chart/spec';
import type { ProjectStore } from '../store/project-store';

/** A targets file is a few kilobytes; anything far larger is not one. */
const MAX_TARGETS_BYTES = 5 * 1024 * 1024;

function changed(ctx: AppContext, dataset: string): void {
  ctx.session.invalidate(dataset);
  ctx.emit('project.changed', { reason: 'variable.weight' });
}

function recipeInfo(store: ProjectStore, dataset?: string): WeightRecipeInfo[] {
  return store
    .recipes()
    .list({ kind: 'weight', dataset })
    .map((r) => {
      const parsed = weightSpecSchema.safeParse(r.body);
      return {
        id: r.id,
        dataset: r.dataset,
        datasetExists: store.hasDataset(r.dataset),
        variable: r.target,
        createdAt: r.createdAt,
        spec: parsed.success ? parsed.data : null,
      };
    });
}

export const weightingHandlers: SectionHandlers<typeof weightingSection> = {
  'weighting.preview': async ({ dataset, spec }, { session }) => {
    const ds = session.dataset(dataset);
    return applyRulesToWeightReport(ds, spec, runWeighting(ds, spec).report, session.ruleSet());
  },

  'weighting.apply': async ({ dataset, spec, replace, lang }, ctx) => {
    const ds = ctx.session.dataset(dataset);
    const { report, variable } = applyWeight(ctx.session.store(), ds, dataset, spec, { replace, lang });
    changed(ctx, dataset);
    return { report: applyRulesToWeightReport(ds, spec, report, ctx.session.ruleSet()), variable };
  },

  'weighting.recipes': async ({ dataset }, { session }) => recipeInfo(session.store(), dataset),

  'weighting.rerun': async ({ recipe, dataset, targets, name, filter, apply, replace, lang }, ctx) => {
    const store = ctx.session.store();
    const found = store
      .recipes()
      .list({ kind: 'weight' })
      .find((r) => r.id === recipe);
    if (!found) throw new HandlerError('not-found', `The project has no weight recipe ${recipe}`);
    const parsed = weightSpecSchema.safeParse(found.body);
    if (!parsed.success) throw new HandlerError('recipe', `Weight recipe ${recipe} cannot be read by this version of Duiding`);
    const spec: WeightSpec = { ...parsed.data, ...(targets ? { targets } : {}), ...(name ? { name } : {}), ...(filter !== undefined ? { filter } : {}) };
    const ds = ctx.session.dataset(dataset);
    const mismatches = checkTargets(ds, spec);
    if (mismatches.length) return { spec, mismatches, report: null, variable: null };
    if (!apply) return { spec, mismatches, report: applyRulesToWeightReport(ds, spec, runWeighting(ds, spec).report, ctx.session.ruleSet()), variable: null };
    const applied = applyWeight(store, ds, dataset, spec, { replace, lang, action: 'weight.rerun' });
    changed(ctx, dataset);
    return { spec, mismatches, report: applyRulesToWeightReport(ds, spec, applied.report, ctx.session.ruleSet()), variable: applied.variable };
  },

  'weighting.readTargets': async ({ path }) => {
    let text: string;
    try {
      if ((await stat(path)).size > MAX_TARGETS_BYTES) throw new HandlerError('too-large', `${path} is too large for a targets file`);
      text = await readFile(path, 'utf8');
    } catch (e) {
      if (e instanceof HandlerError) throw e;
      const code = (e as NodeJS.ErrnoException).code;
      throw new HandlerError(code === 'ENOENT' ? 'not-found' : 'unreadable', `Cannot read ${path}: ${code ?? (e as Error).message}`);
    }
    return { path, targets: fromTargetSet(parseTargetsFile(path, text)) };
  },

  'weighting.chart': async ({ margin, lang }, { session }) => {
    const { option, spec } = marginChart(margin, projectChartStyle(session), lang, measureWithBundledFont);
    const c = chartCanvas(spec);
    return { svg: renderChartSvg(option, { widthPx: c.cssWidth, heightPx: c.cssHeight }) };
  },
};
