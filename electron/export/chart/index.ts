/**
 * `duiding chart`: crosstab → output rules → chart → file. The CLI and the chart handler call runChart.
 */
import { resolve } from 'node:path';
import { buildChart } from '../../../shared/chart/build';
import { chartSpecSchema, type ChartSpecInput, type ChartType } from '../../../shared/chart/spec';
import { chartStyleSchema, type ChartStyle } from '../../../shared/chart/style';
import { applyRulesToCrosstab } from '../../../shared/disclosure/apply-crosstab';
import { defaultRuleSet, type RuleSet } from '../../../shared/disclosure/rules';
import { crosstab } from '../../../shared/engine/crosstab';
import { weightArray, type WeightSpec } from '../../../shared/engine/weights';
import { findVariable, newVariable, type Dataset } from '../../../shared/model/dataset';
import type { CrosstabTable, RuleSetName } from '../../../shared/model/results';
import defaultStyleJson from '../../../resources/styles/chart-default.json';
import { measureWithBundledFont } from './fonts';
import { writeChart } from './write';

export { renderChartSvg, renderChartPng, svgForPrint } from './render';
export { writeChart, renderChartFile, chartFormatOf, type WrittenChart, type ChartFileSize } from './write';
export { readPngInfo, setPngDpi } from './png';
export { measureWithBundledFont } from './fonts';

export const defaultChartStyle: ChartStyle = chartStyleSchema.parse(defaultStyleJson);

export interface RunChartOptions {
  rows: string;
  cols: string;
  weight?: string | WeightSpec;
  filter?: Uint8Array;
  type: ChartType;
  out: string;
  widthMm?: number;
  heightMm?: number;
  dpi?: number;
  locale?: 'nl' | 'en';
  ruleSet?: RuleSet | RuleSetName;
  /** Further spec fields (title, source, sort, orientation, focus, multiples, ...). */
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

function weightSpec(w: RunChartOptions['weight']): WeightSpec | undefined {
  if (w == null) return undefined;
  return typeof w === 'string' ? { variable: w, type: 'sampling' } : w;
}

/**
 * Kish effective base per column, (Σw)² / Σw², over the same valid cases as the table: the engine's
 * crosstab run once more with w² as a frequency weight gives Σw² per column.
 */
export function effectiveColumnBase(ds: Dataset, table: CrosstabTable, opts: { row: string; col: string; weight: WeightSpec; filter?: Uint8Array }): (number | null)[] {
  const w = weightArray(ds, opts.weight);
  const w2 = new Float64Array(w.length);
  for (let i = 0; i < w.length; i++) w2[i] = w[i] > 0 ? w[i] * w[i] : NaN;
  const name = '__duiding_w2';
  const withW2: Dataset = { ...ds, variables: [...ds.variables, newVariable(name, 'numeric')], columns: [...ds.columns, { kind: 'numeric', data: w2 }] };
  const sq = crosstab(withW2, { row: opts.row, col: opts.col, weight: { variable: name, type: 'frequency' }, filter: opts.filter });
  return table.cols.map((c, j) => {
    const k = sq.cols.findIndex((x) => String(x.code) === String(c.code));
    const sw = table.colTotals[j];
    const sw2 = k >= 0 ? sq.colTotals[k] : null;
    return sw == null || sw2 == null || !(sw2 > 0) ? null : (sw * sw) / sw2;
  });
}

export async function runChart(ds: Dataset, opts: RunChartOptions): Promise<RunChartResult> {
  const weight = weightSpec(opts.weight);
  const rules = typeof opts.ruleSet === 'object' ? opts.ruleSet : defaultRuleSet(opts.ruleSet ?? 'cbs-persons');
  const raw = crosstab(ds, { row: opts.rows, col: opts.cols, weight, filter: opts.filter });
  const table = applyRulesToCrosstab(raw, rules);
  if (table.rules.status === 'blocked') {
    throw new Error(`chart withheld by output rules (${rules.name}): ${table.rules.reasons.join('; ')}`);
  }
  const spec = chartSpecSchema.parse({
    ...opts.spec,
    type: opts.type,
    widthMm: opts.widthMm ?? opts.spec?.widthMm,
    heightMm: opts.heightMm ?? opts.spec?.heightMm,
    dpi: opts.dpi ?? opts.spec?.dpi,
    locale: opts.locale ?? opts.spec?.locale,
  });
  const rowMeta = ds.variables[findVariable(ds, opts.rows)];
  const colMeta = ds.variables[findVariable(ds, opts.cols)];
  const effectiveBase = weight && spec.type === 'dot' ? effectiveColumnBase(ds, raw, { row: opts.rows, col: opts.cols, weight, filter: opts.filter }) : undefined;
  const style = { ...(opts.style ?? defaultChartStyle), suppressedSymbol: rules.symbol || (opts.style ?? defaultChartStyle).suppressedSymbol };
  const built = buildChart(
    { kind: 'crosstab', table, meta: { rowLabel: rowMeta?.label || rowMeta?.name, colLabel: colMeta?.label || colMeta?.name, rowMeasure: rowMeta?.measure }, effectiveBase },
    spec,
    style,
    spec.locale,
    { measureText: measureWithBundledFont },
  );
  const written = await writeChart(resolve(opts.out), built.option, spec);
  return { path: written.path, widthPx: written.widthPx, heightPx: written.heightPx, suppressed: built.suppressed };
}
