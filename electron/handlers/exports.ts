/** Handlers for the tabellenboek (a job) and single-table exports, under the project's output rules. */
import { chooseRuleSet } from '../../shared/analysis/output-rules';
import { parseBookSpec } from '../../shared/book/book';
import type { z } from 'zod';
import type { exportTableRequest } from '../../shared/api/exports';
import { overrideGroupRules, writeBook } from '../export/book/index';
import { renderLayered, renderTables, writeTableFile } from '../export/table/index';
import { writeFileAtomic } from '../export/atomic-write';
import { runLayeredCrosstab } from '../../shared/analysis/run-layers';
import { findVariable } from '../../shared/model/dataset';
import { HandlerError } from '../backend/context';
import { startJob } from '../backend/jobs';
import { projectOverrides } from './rules';
import type { AppContext, SectionHandlers } from '../backend/types';
import type { exportsSection } from '../../shared/api/exports';

/** Exports are logged when a project is open; the built-in demo can be exported without one. */
function audit(ctx: AppContext, action: string, detail: unknown): void {
  try {
    ctx.session.store().audit(action, detail);
  } catch {
    // no project open: nothing to log into
  }
}

function tableSpec(req: z.output<typeof exportTableRequest>, fallbackTitle: string) {
  return parseBookSpec({
    version: 1,
    title: req.title || fallbackTitle,
    source: req.source ?? '',
    dataset: req.dataset,
    weight: req.weight,
    filter: req.filter,
    banner: req.columns,
    questions: req.rows,
    tests: req.tests,
    ruleSet: req.rules,
    symbols: req.symbols,
    decimals: req.decimals,
    language: req.language,
  });
}

export const exportHandlers: SectionHandlers<typeof exportsSection> = {
  'export.book': async ({ dataset, spec, out }, ctx) => {
    const ds = ctx.session.dataset(dataset);
    const ruleSet = chooseRuleSet(spec.ruleSet, ctx.session.ruleSet());
    const applyGroupRules = overrideGroupRules(dataset, projectOverrides(ctx.session));
    const jobId = startJob(ctx, 'export.book', async (signal, progress) => {
      const report = await writeBook(ds, spec, out, {
        ruleSet,
        applyGroupRules,
        signal,
        onProgress: (p) => progress(p.done, p.total, 'tables'),
      });
      audit(ctx, 'export.book', { dataset, out, ruleSet: ruleSet.name, spec, tables: report.tables });
      return report;
    });
    return { jobId };
  },
  'export.table': async (req, ctx) => {
    const ds = ctx.session.dataset(req.dataset);
    const spec = tableSpec(req, ds.fileLabel || req.dataset);
    const ruleSet = chooseRuleSet(req.rules, ctx.session.ruleSet());
    const applyGroupRules = overrideGroupRules(req.dataset, projectOverrides(ctx.session));
    if (req.out) {
      if (req.format === 'clipboard') throw new HandlerError('bad-request', 'the clipboard format is not written to a file');
      const written = await writeTableFile(ds, spec, req.format, req.out, { ruleSet, applyGroupRules });
      audit(ctx, 'export.table', { dataset: req.dataset, out: req.out, format: req.format, ruleSet: ruleSet.name, tables: written.tables });
      return written;
    }
    const rendered = renderTables(ds, spec, req.format, { ruleSet, applyGroupRules });
    audit(ctx, 'export.table', { dataset: req.dataset, format: req.format, ruleSet: ruleSet.name, tables: rendered.tables });
    return rendered;
  },
  'export.layers': async (req, ctx) => {
    const ds = ctx.session.dataset(req.dataset);
    const ruleSet = chooseRuleSet(req.rules, ctx.session.ruleSet());
    // The very call analysis.layers makes, so the file holds what the table builder shows.
    const result = runLayeredCrosstab(ds, req, ruleSet);
    const label = (name: string) => {
      const i = findVariable(ds, name);
      return i >= 0 ? ds.variables[i].label || ds.variables[i].name : name;
    };
    const pair = req.pair ?? `${label(req.row)} × ${label(req.col)}`;
    const rendered = renderLayered(result, req.format, { language: req.language, stats: req.stats, pair, title: req.title });
    const detail = { dataset: req.dataset, format: req.format, ruleSet: ruleSet.name, row: req.row, col: req.col, layers: req.layers, tables: rendered.tables };
    if (req.out) {
      if (req.format === 'clipboard') throw new HandlerError('bad-request', 'the clipboard format is not written to a file');
      await writeFileAtomic(req.out, rendered.text);
      audit(ctx, 'export.layers', { ...detail, out: req.out });
      return { ...rendered, path: req.out };
    }
    audit(ctx, 'export.layers', detail);
    return rendered;
  },
};
