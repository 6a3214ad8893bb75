/**
 * Chart export for the CLI (`duiding chart`), the app and the tabellenboek: crosstab through the output
 * rules → chart in the house style → SVG or PNG file.
 */
import { resolve } from 'node:path';
import { buildChart } from '../../../shared/chart/build';
import type { ChartInput } from '../../../shared/chart/data';
import { chartCanvas, chartSpecSchema, type ChartSpecInput, type ChartType } from '../../../shared/chart/spec';
import type { ChartStyle } from '../../../shared/chart/style';
import { defaultRuleSet, type RuleSet } from '../../../shared/disclosure/index';
import { resolveRules } from '../../../shared/analysis/output-rules';
import type { WeightSpec } from '../../../shared/engine/weights';
import type { Dataset } from '../../../shared/model/dataset';
import type { RuleSetName } from '../../../shared/model/results';
import { measureWithBundledFont } from './fonts';
import { defaultChartStyle, prepareChart } from './prepare';
import { renderChartFile, writeChart, type ChartFormat } from './write';

export { renderChartSvg, renderChartPng, svgForPrint } from './render';
export { writeChart, renderChartFile, chartFormatOf, type ChartFormat, type WrittenChart, type ChartFileSize } from './write';
export { readPngInfo, setPngDpi, type PngInfo } from './png';
export { measureWithBundledFont, fontFiles } from './fonts';
export { prepareChart, defaultChartStyle, ChartWithheldError, type ChartTableRequest, type PreparedChart } from './prepare';

export interface RunChartOptions {
  rows: string;
  cols: string;
  /** Weight variable (sampling weight) or a full weight spec. */
  weight?: string | WeightSpec;
  /** Filter expression, e.g. `leeftijd >= 18`. */
  filter?: string;
  type: ChartType;
  /** .svg or .png */
  out: string;
  widthMm?: number;
  heightMm?: number;
  dpi?: number;
  locale?: 'nl' | 'en';
  /** A resolved rule set, or a name (checked against cbs-persons: a looser one needs `rulesReason`). */
  ruleSet?: RuleSet | RuleSetName;
  rulesReason?: string;
  /** Further spec fields (title, source, sort, orientation, focus, multiples, value, ...). */
  spec?: Partial<ChartSpecInput>;
  style?: ChartStyle;
}

export interface RunChartResult {
  path: string;
  widthPx: number;
  heightPx: number;
  /** Drawn cells withheld by the output rules. */
  suppressed: number;
}

export async function runChart(ds: Dataset, opts: RunChartOptions): Promise<RunChartResult> {
  const weight = typeof opts.weight === 'string' ? { variable: opts.weight, type: 'sampling' as const } : opts.weight;
  const rules = typeof opts.ruleSet === 'object' ? opts.ruleSet : resolveRules(opts.ruleSet, defaultRuleSet('cbs-persons'), opts.rulesReason).ruleSet;
  const spec: ChartSpecInput = {
    ...opts.spec,
    type: opts.type,
    widthMm: opts.widthMm ?? opts.spec?.widthMm,
    heightMm: opts.heightMm ?? opts.spec?.heightMm,
    dpi: opts.dpi ?? opts.spec?.dpi,
    locale: opts.locale ?? opts.spec?.locale,
  };
  const { built, spec: parsed } = prepareChart(ds, { row: opts.rows, col: opts.cols, weight, filter: opts.filter }, spec, rules, opts.style);
  const written = await writeChart(resolve(opts.out), built.option, parsed);
  return { path: written.path, widthPx: written.widthPx, heightPx: written.heightPx, suppressed: built.suppressed };
}

/**
 * A chart for a result that already passed the output rules (e.g. a tabellenboek table): the bytes of
 * an .svg or .png, for embedding.
 */
export function renderResultChart(
  input: ChartInput,
  specIn: ChartSpecInput,
  format: ChartFormat,
  style: ChartStyle = defaultChartStyle,
): { bytes: Buffer; widthPx: number; heightPx: number; suppressed: number } {
  const parsed = chartSpecSchema.parse(specIn);
  const built = buildChart(input, parsed, style, parsed.locale, { measureText: measureWithBundledFont });
  const spec = { ...parsed, heightMm: built.heightMm };
  const c = chartCanvas(spec);
  return { bytes: renderChartFile(format, built.option, spec), widthPx: c.pixelWidth, heightPx: c.pixelHeight, suppressed: built.suppressed };
}
