/** Layered crosstab handler: the same orchestration as `duiding crosstab --layers`, with the project's rule set. */
import { chooseRuleSet } from '../../shared/analysis/output-rules';
import { runLayeredCrosstab } from '../../shared/analysis/run-layers';
import type { SectionHandlers } from '../backend/types';
import type { layersSection } from '../../shared/api/layers';

export const layersHandlers: SectionHandlers<typeof layersSection> = {
  'analysis.layers': async (req, { session }) => runLayeredCrosstab(session.dataset(req.dataset), req, chooseRuleSet(req.rules, session.ruleSet())),
};
