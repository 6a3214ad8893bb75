/** Chart handlers: preview/clipboard rendering and file export, under the project's output rules. */
import { chartCanvas } from '../../shared/chart/spec';
import { chartStyleSchema, type ChartStyle } from '../../shared/chart/style';
import type { Session } from '../backend/context';
import { defaultChartStyle, prepareChart, renderChartFile, writeChart } from '../export/chart/index';
import { projectOverrides } from './rules';
import type { SectionHandlers } from '../backend/types';
import type { chartsSection } from '../../shared/api/charts';
import { auditExport } from '../backend/audit-export';
import { requestRules } from '../backend/request-rules';
import { recordReleases, releasedFilters } from '../backend/releases';
import type { BannerSpec } from '../../shared/query/table-query';

const STYLE_KIND = 'chart-style';
const STYLE_NAME = 'huisstijl';

/** The open project's saved style; the bundled default without a project or when none is saved. */
export function projectChartStyle(session: Session): ChartStyle {
  let saved: unknown;
  try {
    saved = session
      .store()
      .listSpecs(STYLE_KIND)
      .find((s) => s.name === STYLE_NAME)?.body;
  } catch {
    return defaultChartStyle;
  }
  const parsed = chartStyleSchema.safeParse(saved);
  return parsed.success ? parsed.data : defaultChartStyle;
}

/** A chart of row × col is the banner "Totaal | col" of the row (shared/analysis/table-group.ts via prepareChart). */
function chartBanner(col: string): BannerSpec {
  return { total: true, items: [{ variable: col }] };
}

export const chartHandlers: SectionHandlers<typeof chartsSection> = {
  'chart.render': async (req, ctx) => {
    const session = ctx.session;
    const rules = requestRules(ctx, 'chart.render', req.rules, req.rulesReason, { row: req.row, col: req.col });
    const banner = chartBanner(req.col);
    const released = releasedFilters(ctx, req.dataset, banner);
    const { built, spec, table } = prepareChart(
      session.dataset(req.dataset),
      req,
      req.spec,
      rules,
      projectChartStyle(session),
      projectOverrides(session),
      released,
    );
    const bytes = renderChartFile(req.format, built.option, spec);
    const c = chartCanvas(spec);
    if (req.purpose === 'export') {
      // Copied or saved from the screen: it leaves the app, so it is logged and registered first.
      auditExport(ctx, 'export.chart', {
        dataset: req.dataset,
        format: req.format,
        row: req.row,
        col: req.col,
        filter: req.filter ?? null,
        ruleSet: rules.name,
        spec,
      });
      recordReleases(ctx, 'export.chart', req.dataset, [req.row], banner, req.filter);
    }
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
    const rules = requestRules(ctx, 'chart.export', req.rules, req.rulesReason, { row: req.row, col: req.col });
    const { built, spec, table } = prepareChart(
      ctx.session.dataset(req.dataset),
      req,
      req.spec,
      rules,
      projectChartStyle(ctx.session),
      projectOverrides(ctx.session),
      releasedFilters(ctx, req.dataset, chartBanner(req.col)),
    );
    const out = ctx.session.saveTargets.take(req.target, req.format);
    // The audit entry is written before the file takes its name: no chart without its record.
    const written = await writeChart(out, built.option, spec, () => {
      auditExport(ctx, 'export.chart', {
        dataset: req.dataset,
        out,
        row: req.row,
        col: req.col,
        weight: req.weight ?? null,
        filter: req.filter ?? null,
        ruleSet: rules.name,
        spec,
        suppressed: built.suppressed,
        overrides: table.rules.overrides?.map((o) => o.id) ?? [],
      });
      recordReleases(ctx, 'export.chart', req.dataset, [req.row], chartBanner(req.col), req.filter);
    });
    return { ...written, suppressed: built.suppressed, rules: table.rules };
  },
  'chart.style': async (_req, { session }) => projectChartStyle(session),
  'chart.saveStyle': async ({ style }, { session }) => {
    const store = session.store();
    const existing = store.listSpecs(STYLE_KIND).find((s) => s.name === STYLE_NAME);
    store.saveSpec({ id: existing?.id, kind: STYLE_KIND, name: STYLE_NAME, body: style });
    return style;
  },
};
