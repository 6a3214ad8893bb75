/** Handlers for tables and models: the same routes as the CLI, with the project's rule set and overrides. */
import { chooseRuleSet } from '../../shared/analysis/output-rules';
import { runRegress } from '../../shared/analysis/run-models';
import { runCrosstab, runFreq } from '../../shared/analysis/run-tables';
import { groupResult, runTableGroup } from '../../shared/analysis/table-group';
import { ExprError, checkVariables, parseExpr } from '../../shared/transform/expr/index';
import { projectOverrides } from './rules';
import type { SectionHandlers } from '../backend/types';
import type { analysisSection } from '../../shared/api/analysis';

export const analysisHandlers: SectionHandlers<typeof analysisSection> = {
  'analysis.freq': async (req, { session }) => runFreq(session.dataset(req.dataset), req, chooseRuleSet(req.rules, session.ruleSet())),
  // Tables carry the project's recorded overrides (released cells marked `overridden`).
  'analysis.crosstab': async (req, { session }) =>
    runCrosstab(session.dataset(req.dataset), req, chooseRuleSet(req.rules, session.ruleSet()), projectOverrides(session)),
  'analysis.tables': async (req, { session }) =>
    groupResult(
      runTableGroup(session.dataset(req.dataset), req, {
        ruleSet: chooseRuleSet(req.ruleSet, session.ruleSet()),
        overrides: projectOverrides(session),
      }),
    ),
  'analysis.regress': async (req, { session }) => runRegress(session.dataset(req.dataset), req, chooseRuleSet(req.rules, session.ruleSet())),
  'analysis.checkFilter': async ({ dataset, filter }, { session }) => {
    try {
      checkVariables(parseExpr(filter), session.dataset(dataset));
      return { ok: true as const };
    } catch (e) {
      if (e instanceof ExprError) return { ok: false as const, message: e.message, position: e.position, ...(e.detail ? { detail: e.detail } : {}) };
      throw e;
    }
  },
};
