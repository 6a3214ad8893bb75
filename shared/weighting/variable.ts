/**
 * The new weight variable's metadata: role weight (so tables, the book and the output rules treat it as
 * a sampling weight), scale, and a label that says how it was made: method, date, margins and total.
 */
import { newVariable, type VariableMeta } from '../model/dataset';
import { formatNumber, NUMBER_STYLES } from '../format/number';
import type { WeightReport } from './report';

export function weightVariableMeta(report: WeightReport, date: Date, lang: 'nl' | 'en' = 'nl'): VariableMeta {
  const day = date.toISOString().slice(0, 10);
  const margins = report.margins.map((m) => m.variable.replace(/,/g, ' × ')).join(', ');
  const total = formatNumber(report.total, Number.isInteger(report.total) ? 0 : 2, NUMBER_STYLES[lang]);
  const label =
    lang === 'nl' ? `Weging (${report.method}, ${day}) naar ${margins}; totaal ${total}` : `Weight (${report.method}, ${day}) to ${margins}; total ${total}`;
  return newVariable(report.variable, 'numeric', {
    label,
    measure: 'scale',
    role: 'weight',
    format: { type: 'F', width: 12, decimals: 4 },
    derivedFrom: `weight:${report.method}`,
  });
}
