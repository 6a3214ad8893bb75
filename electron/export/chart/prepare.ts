/**
 * From dataset + request to a built chart: row × col is the banner "Totaal | col" of the row, through
 * the route every published table takes (shared/analysis/table-group.ts: identifiers refused, engine,
 * output rules with the project's overrides), so a chart shows exactly the cells the table shows.
 * The chart draws the column variable's categories; a withheld cell is a gap, never zero.
 */
import { runTableGroup } from '../../../shared/analysis/table-group';
import { buildChart, type BuiltChart } from '../../../shared/chart/build';
import { chartSpecSchema, type ChartSpec, type ChartSpecInput } from '../../../shared/chart/spec';
import { chartStyleSchema, type ChartStyle } from '../../../shared/chart/style';
import type { OverrideRecord, RuleSet } from '../../../shared/disclosure/index';
import type { WeightSpec } from '../../../shared/engine/weights';
import { findVariable, type Dataset } from '../../../shared/model/dataset';
import type { BannerResult, MrResult } from '../../../shared/model/results';
import { DEFAULT_STATISTICS } from '../../../shared/query/table-query';
import { renderMessage, type DisclosureMessage } from '../../../shared/i18n/messages';
import defaultStyleJson from '../../../resources/styles/chart-default.json';
import { measureWithBundledFont } from './fonts';
import { DuidingError } from '../../../shared/errors';

export const defaultChartStyle: ChartStyle = chartStyleSchema.parse(defaultStyleJson);

export interface ChartTableRequest {
  row: string;
  col: string;
  weight?: WeightSpec;
  /** Filter expression in Duiding's expression language. */
  filter?: string;
}

export class ChartWithheldError extends DuidingError {
  /** The rules' reasons as codes (shared/i18n/messages.ts). */
  readonly messages: DisclosureMessage[];

  /** `message` is already in the chart's language (see `withheld` below). */
  constructor(message: string, messages: DisclosureMessage[] = []) {
    super('chart-withheld', message);
    this.name = 'ChartWithheldError';
    this.messages = messages;
  }
}

/** The withheld chart's message in the chart's language. */
function withheld(rules: RuleSet, messages: DisclosureMessage[], locale: ChartSpec['locale']): ChartWithheldError {
  const why = messages.map((m) => renderMessage(m, locale)).join('; ');
  const head = locale === 'nl' ? `Grafiek niet getoond volgens de outputregels (${rules.name})` : `Chart withheld by output rules (${rules.name})`;
  return new ChartWithheldError(`${head}: ${why}`, messages);
}

export interface PreparedChart {
  built: BuiltChart;
  spec: ChartSpec;
  /** The published banner (or set table) the chart is drawn from; its `rules` is the verdict shown beside the chart. */
  table: BannerResult | MrResult;
}

/** `overrides`: the project's recorded overrides, so a released cell is drawn as the table shows it. */
export function prepareChart(
  ds: Dataset,
  req: ChartTableRequest,
  specIn: ChartSpecInput,
  rules: RuleSet,
  styleIn?: ChartStyle,
  overrides: readonly OverrideRecord[] = [],
  released?: (row: string) => string[],
): PreparedChart {
  const parsedSpec = chartSpecSchema.parse(specIn);
  const group = runTableGroup(
    ds,
    {
      dataset: ds.name,
      rows: [req.row],
      banner: { total: true, items: [{ variable: req.col }] },
      weight: req.weight,
      filter: req.filter,
      statistics: { ...DEFAULT_STATISTICS, means: parsedSpec.value === 'mean' },
      tests: { display: 'none', adjust: 'none', alpha: 0.05, chi2: false },
      layers: [],
      nets: [],
      sort: 'none',
      hideEmpty: false,
    },
    { ruleSet: rules, overrides, released },
  );
  const published = group.tables[0];
  if (published.mr) {
    // A set: bars of % of cases per item (its items overlap, so never stacked), sorted.
    const colGroup = published.mr.columns.find((c) => c.path.length > 0)?.group;
    const style = { ...(styleIn ?? defaultChartStyle), suppressedSymbol: rules.symbol || (styleIn ?? defaultChartStyle).suppressedSymbol };
    const built = buildChart({ kind: 'mr', result: published.mr, group: colGroup }, parsedSpec, style, parsedSpec.locale, {
      measureText: measureWithBundledFont,
    });
    return { built, spec: { ...parsedSpec, heightMm: built.heightMm }, table: published.mr };
  }
  if (!published.result) throw withheld(rules, published.messages, parsedSpec.locale);
  const table = published.result;
  const spec = parsedSpec;
  const rowMeta = ds.variables[findVariable(ds, req.row)];
  const base = styleIn ?? defaultChartStyle;
  // The rule set's symbol wins, so chart, tabellenboek and checker's sheet all say the same.
  const style = { ...base, suppressedSymbol: rules.symbol || base.suppressedSymbol };
  const colGroup = table.columns.find((c) => c.path.length > 0)?.group;
  const built = buildChart({ kind: 'banner', result: table, group: colGroup, total: false, rowMeasure: rowMeta?.measure }, spec, style, spec.locale, {
    measureText: measureWithBundledFont,
  });
  // Drawn at the height the chart needs (small multiples grow with their categories).
  return { built, spec: { ...spec, heightMm: built.heightMm }, table };
}
