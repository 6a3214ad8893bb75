/**
 * Handlers for the tabellenboek (a job) and the table builder's copy and CSV/HTML: both through the
 * route every published table takes, under the project's rule set and overrides. An export that
 * cannot be written to the project's audit log does not happen: the entry is written first.
 */
import { runTableGroup } from '../../shared/analysis/table-group';
import { findVariable, type Dataset } from '../../shared/model/dataset';
import { groupModels, renderModels } from '../../shared/format/render-tables';
import { TEXTS } from '../../shared/format/texts';
import { writeBook } from '../export/book/index';
import type { AppContext, SectionHandlers } from '../backend/types';
import type { exportsSection } from '../../shared/api/exports';
import { startJob } from '../backend/jobs';
import { auditExport } from '../backend/audit-export';
import { recordReleases, releasedFilters } from '../backend/releases';
import { bookSelectionFilter } from '../../shared/book/compute';
import { requestRules } from '../backend/request-rules';
import { variableFolders } from '../../shared/book/folders';
import { projectOverrides } from './rules';

/** The head of the project's audit hash chain when the store keeps one (printed on the checker's sheet). */
function auditHeadOf(ctx: AppContext): string | undefined {
  const store = ctx.session.store() as { auditHead?: () => string | null };
  return store.auditHead?.() ?? undefined;
}

export function variableLabeller(ds: Dataset): (name: string) => string {
  return (name) => {
    const i = findVariable(ds, name);
    return i >= 0 ? ds.variables[i].label || ds.variables[i].name : name;
  };
}

export const exportHandlers: SectionHandlers<typeof exportsSection> = {
  'export.book': async ({ dataset, spec, target }, ctx) => {
    const ds = ctx.session.dataset(dataset);
    const out = ctx.session.saveTargets.take(target, 'xlsx');
    const ruleSet = requestRules(ctx, 'export.book', spec.ruleSet, spec.rulesReason, { title: spec.title });
    const overrides = projectOverrides(ctx.session);
    const auditHead = ctx.session.isOpen() ? auditHeadOf(ctx) : undefined;
    const jobId = startJob(ctx, 'export.book', async (signal, progress) => {
      const report = await writeBook(ds, spec, out, {
        ruleSet,
        overrides,
        signal,
        folders: variableFolders(ds),
        auditHead,
        released: releasedFilters(ctx, dataset, spec.banner),
        onProgress: (p) => progress(p.done, p.total, 'tables', p.phase),
        // No output without its record: the entry (and the release register) is written before the workbook takes its name.
        beforeCommit: (r) => {
          auditExport(ctx, 'export.book', { dataset, out, ruleSet: ruleSet.name, title: spec.title, spec, tables: r.tables, elapsedMs: r.elapsedMs });
          const published = r.tables.filter((t) => t.status !== 'blocked').map((t) => t.variable);
          recordReleases(ctx, 'export.book', dataset, published, spec.banner, bookSelectionFilter(spec));
        },
      });
      return report;
    });
    return { jobId };
  },
  'export.table': async (req, ctx) => {
    const ds = ctx.session.dataset(req.dataset);
    const ruleSet = requestRules(ctx, 'export.table', req.ruleSet, req.rulesReason, { rows: req.rows });
    const group = runTableGroup(ds, req, { ruleSet, overrides: projectOverrides(ctx.session), released: releasedFilters(ctx, req.dataset, req.banner) });
    const models = groupModels(group.tables, req, req.display, {
      variableLabel: variableLabeller(ds),
      extraNotes: req.source ? [`${TEXTS[req.display.language].source}: ${req.source}`] : [],
    });
    const rendered = renderModels(models, req.format, req.display, req.title ?? (ds.fileLabel || req.dataset));
    const tables = models.map((m) => ({ variable: m.variable, status: m.status, suppressedCells: m.suppressedCells }));
    auditExport(ctx, 'export.table', {
      dataset: req.dataset,
      format: req.format,
      ruleSet: ruleSet.name,
      rows: req.rows,
      banner: req.banner,
      weight: req.weight ?? null,
      filter: req.filter ?? null,
      layers: req.layers,
      tables,
    });
    // Layered tables are other tables (row × column per layer): only banners go into the register.
    if (req.layers.length === 0)
      recordReleases(
        ctx,
        'export.table',
        req.dataset,
        group.tables.filter((t) => t.result).map((t) => t.variable),
        req.banner,
        req.filter,
      );
    return { ...rendered, tables };
  },
};
