/** Handlers for tables and models: the same routes as the CLI, with the project's rule set and overrides. */
import { runRegress } from '../../shared/analysis/run-models';
import { runCrosstab, runFreq } from '../../shared/analysis/run-tables';
import { groupResult, runTableGroup } from '../../shared/analysis/table-group';
import { ExprError, checkVariables, parseExpr } from '../../shared/transform/expr/index';
import { assertNoIdentifierInExpr } from '../../shared/transform/identifiers';
import { projectOverrides } from './rules';
import type { SectionHandlers } from '../backend/types';
import type { analysisSection } from '../../shared/api/analysis';
import { requestRules } from '../backend/request-rules';
import { releasedFilters } from '../backend/releases';

export const analysisHandlers: SectionHandlers<typeof analysisSection> = {
  'analysis.freq': async (req, ctx) =>
    runFreq(ctx.session.dataset(req.dataset), req, requestRules(ctx, 'analysis.freq', req.rules, req.rulesReason, { variable: req.variable })),
  // Tables carry the project's recorded overrides (released cells marked `overridden`).
  'analysis.crosstab': async (req, ctx) =>
    runCrosstab(
      ctx.session.dataset(req.dataset),
      req,
      requestRules(ctx, 'analysis.crosstab', req.rules, req.rulesReason, { row: req.row, col: req.col }),
      projectOverrides(ctx.session),
    ),
  'analysis.tables': async (req, ctx) =>
    groupResult(
      runTableGroup(ctx.session.dataset(req.dataset), req, {
        ruleSet: requestRules(ctx, 'analysis.tables', req.ruleSet, req.rulesReason, { rows: req.rows }),
        overrides: projectOverrides(ctx.session),
        released: releasedFilters(ctx, req.dataset, req.banner),
      }),
    ),
  'analysis.regress': async (req, ctx) =>
    runRegress(ctx.session.dataset(req.dataset), req, requestRules(ctx, 'analysis.regress', req.rules, req.rulesReason, { dependent: req.dependent })),
  // Identifiers are refused as the routes refuse them, so the filter field says so while typing.
  'analysis.checkFilter': async ({ dataset, filter }, { session }) => {
    try {
      const ds = session.dataset(dataset);
      const ast = parseExpr(filter);
      checkVariables(ast, ds);
      assertNoIdentifierInExpr(ast, ds, session.ruleSet());
      return { ok: true as const };
    } catch (e) {
      if (e instanceof ExprError) return { ok: false as const, message: e.message, position: e.position, ...(e.detail ? { detail: e.detail } : {}) };
      throw e;
    }
  },
};
