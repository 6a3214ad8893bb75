/**
 * The chart of a multiple-response set: bars of the % of cases per item (the engine's set table,
 * shared/engine/mr, after the output rules), sorted from the most to the least named item with
 * "Anders", "Weet niet" and "Geen van deze" last, and a footnote that the bars add up to more than
 * 100 %. A spec may ask otherwise (another sort, a line or dot chart); stacked bars are refused, since
 * items overlap.
 */
import { buildChart, type BuildEnv, type BuiltChart } from './build';
import type { MrResult } from '../model/results';
import type { ChartLocale, ChartSpecInput } from './spec';
import type { ChartStyle } from './style';

export function buildMrChart(
  result: MrResult,
  specIn: Partial<ChartSpecInput> = {},
  style: ChartStyle,
  opts: { group?: string; locale?: ChartLocale; env?: BuildEnv } = {},
): BuiltChart {
  const spec: ChartSpecInput = { type: 'bar', sort: 'value-desc', value: 'colPct', ...specIn };
  return buildChart({ kind: 'mr', result, group: opts.group }, spec, style, opts.locale, opts.env);
}
