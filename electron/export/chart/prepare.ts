/**
 * From dataset + request to a built chart: the crosstab comes through the same gate as every table
 * (shared/analysis/run-tables: linking-key check, engine, output rules), then the chart is built.
 */
import { runCrosstab } from '../../../shared/analysis/run-tables';
import { filterMask } from '../../../shared/analysis/filter';
import { buildChart, type BuiltChart } from '../../../shared/chart/build';
import { chartSpecSchema, type ChartSpec, type ChartSpecInput } from '../../../shared/chart/spec';
import { chartStyleSchema, type ChartStyle } from '../../../shared/chart/style';
import type { RuleSet } from '../../../shared/disclosure/index';
import type { OverrideRecord } from '../../../shared/disclosure/index';
import { crosstab } from '../../../shared/engine/crosstab';
import { weightArray, type WeightSpec } from '../../../shared/engine/weights';
import { findVariable, newVariable, type Dataset } from '../../../shared/model/dataset';
import type { CrosstabTable, DisclosureSummary } from '../../../shared/model/results';
import { reasonMessages, reasonTexts, type DisclosureMessage } from '../../../shared/i18n/messages';
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
function withheld(rules: RuleSet, summary: DisclosureSummary, locale: ChartSpec['locale']): ChartWithheldError {
  const why = reasonTexts(summary, locale).join('; ');
  const head = locale === 'nl' ? `Grafiek niet getoond volgens de outputregels (${rules.name})` : `Chart withheld by output rules (${rules.name})`;
  return new ChartWithheldError(`${head}: ${why}`, reasonMessages(summary));
}

/**
 * Kish effective base per column, (Σw)² / Σw², over the same valid cases as the table: the engine's
 * crosstab run once more with w² as a frequency weight gives Σw² per column.
 */
export function effectiveColumnBase(ds: Dataset, req: ChartTableRequest & { weight: WeightSpec }): { code: string; neff: number | null }[] {
  const w = weightArray(ds, req.weight);
  const w2 = new Float64Array(w.length);
  for (let i = 0; i < w.length; i++) w2[i] = w[i] > 0 ? w[i] * w[i] : NaN;
  const name = '__duiding_w2';
  const withW2: Dataset = { ...ds, variables: [...ds.variables, newVariable(name, 'numeric')], columns: [...ds.columns, { kind: 'numeric', data: w2 }] };
  const filter = filterMask(ds, req.filter);
  const sw = crosstab(ds, { row: req.row, col: req.col, weight: req.weight, filter });
  const sq = crosstab(withW2, { row: req.row, col: req.col, weight: { variable: name, type: 'frequency' }, filter });
  return sw.cols.map((c, j) => {
    const k = sq.cols.findIndex((x) => String(x.code) === String(c.code));
    const a = sw.colTotals[j];
    const b = k >= 0 ? sq.colTotals[k] : null;
    return { code: String(c.code), neff: a == null || b == null || !(b > 0) ? null : (a * a) / b };
  });
}

function alignBase(table: CrosstabTable, bases: { code: string; neff: number | null }[]): (number | null)[] {
  return table.cols.map((c) => bases.find((b) => b.code === String(c.code))?.neff ?? null);
}

export interface PreparedChart {
  built: BuiltChart;
  spec: ChartSpec;
  table: CrosstabTable;
}

/** `overrides`: the project's recorded overrides, so a released cell is drawn as the table shows it. */
export function prepareChart(
  ds: Dataset,
  req: ChartTableRequest,
  specIn: ChartSpecInput,
  rules: RuleSet,
  styleIn?: ChartStyle,
  overrides: readonly OverrideRecord[] = [],
): PreparedChart {
  const spec = chartSpecSchema.parse(specIn);
  const table = runCrosstab(ds, req, rules, overrides);
  if (table.rules.status === 'blocked') {
    throw withheld(rules, table.rules, spec.locale);
  }
  const rowMeta = ds.variables[findVariable(ds, req.row)];
  const colMeta = ds.variables[findVariable(ds, req.col)];
  const effectiveBase = req.weight && spec.type === 'dot' ? alignBase(table, effectiveColumnBase(ds, { ...req, weight: req.weight })) : undefined;
  const base = styleIn ?? defaultChartStyle;
  // The rule set's symbol wins, so chart, tabellenboek and checker's sheet all say the same.
  const style = { ...base, suppressedSymbol: rules.symbol || base.suppressedSymbol };
  const built = buildChart(
    {
      kind: 'crosstab',
      table,
      meta: { rowLabel: rowMeta?.label || rowMeta?.name, colLabel: colMeta?.label || colMeta?.name, rowMeasure: rowMeta?.measure },
      effectiveBase,
    },
    spec,
    style,
    spec.locale,
    { measureText: measureWithBundledFont },
  );
  return { built, spec, table };
}
