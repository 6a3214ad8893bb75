/** Chart handlers: preview/clipboard rendering and file export, under the project's output rules. */
import { chooseRuleSet } from '../../shared/analysis/output-rules';
import { chartCanvas } from '../../shared/chart/spec';
import { defaultChartStyle, prepareChart, renderChartFile, writeChart } from '../export/chart/index';
import type { AppContext, HandlerMap } from './types';

/** Exports are logged when a project is open; the built-in demo can be charted without one. */
function audit(ctx: AppContext, action: string, detail: unknown): void {
  try {
    ctx.session.store().audit(action, detail);
  } catch {
    // no project open: nothing to log into
  }
}

export const chartHandlers: HandlerMap = {
  'chart.render': async (req, { session }) => {
    const rules = chooseRuleSet(req.rules, session.ruleSet());
    const { built, spec, table } = prepareChart(session.dataset(req.dataset), req, req.spec, rules);
    const bytes = renderChartFile(req.format, built.option, spec);
    const c = chartCanvas(spec);
    return {
      format: req.format,
      svg: req.format === 'svg' ? bytes.toString('utf8') : undefined,
      png: req.format === 'png' ? bytes.toString('base64') : undefined,
      widthPx: c.pixelWidth,
      heightPx: c.pixelHeight,
      suppressed: built.suppressed,
      rules: table.rules,
    };
  },
  'chart.export': async (req, ctx) => {
    const rules = chooseRuleSet(req.rules, ctx.session.ruleSet());
    const { built, spec, table } = prepareChart(ctx.session.dataset(req.dataset), req, req.spec, rules);
    const written = await writeChart(req.out, built.option, spec);
    audit(ctx, 'export.chart', { dataset: req.dataset, out: written.path, row: req.row, col: req.col, weight: req.weight ?? null, filter: req.filter ?? null, ruleSet: rules.name, spec, suppressed: built.suppressed });
    return { ...written, suppressed: built.suppressed, rules: table.rules };
  },
  'chart.style': async () => defaultChartStyle,
};
