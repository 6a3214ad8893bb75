/** The engine does not judge disclosure; the disclosure layer replaces this summary afterwards. */
import type { DisclosureSummary } from '../model/results';

export function placeholderRules(): DisclosureSummary {
  return { ruleSet: 'none', status: 'safe', primary: 0, secondary: 0, reasons: [] };
}
