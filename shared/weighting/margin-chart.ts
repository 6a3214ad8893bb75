/**
 * One margin before and after weighting, as grouped horizontal bars in the house style: per category
 * the share under the base weights ("before"), the target share and the achieved share. Pure: the
 * backend renders the option to SVG with the bundled font, as every Duiding chart.
 */
import type { EChartsOption } from 'echarts';
import { groupedBars } from '../chart/bars';
import type { ChartData } from '../chart/data';
import { chartContext, type MeasureText } from '../chart/layout';
import { chartSpecSchema, type ChartSpec } from '../chart/spec';
import type { ChartStyle } from '../chart/style';
import type { WeightMarginReport } from './report';

const TEXTS = {
  nl: {
    title: (v: string) => `${v}: voor en na weging`,
    series: ['Voor weging', 'Doel', 'Na weging'],
    note: 'Percentages van het totaal. Voor weging: met de basisgewichten.',
  },
  en: {
    title: (v: string) => `${v}: before and after weighting`,
    series: ['Before weighting', 'Target', 'After weighting'],
    note: 'Percentages of the total. Before weighting: with the base weights.',
  },
};

export function marginChart(
  margin: WeightMarginReport,
  style: ChartStyle,
  locale: 'nl' | 'en',
  measure: MeasureText,
): { option: EChartsOption; spec: ChartSpec } {
  const t = TEXTS[locale];
  // Shares of the population total (the targets' sum, which the scaled base weights also add up to), so a
  // category whose base the output rules withheld does not shift the others' bars.
  const total = margin.categories.reduce((s, c) => s + c.target, 0);
  const share = (key: 'base' | 'target' | 'achieved') => margin.categories.map((c) => (total > 0 && c[key] !== null ? (c[key] / total) * 100 : null));
  const columns = [share('base'), share('target'), share('achieved')];
  const spec = chartSpecSchema.parse({
    type: 'bar',
    orientation: 'horizontal',
    baseInLabels: false,
    multiples: false,
    decimals: 1,
    locale,
    widthMm: 170,
    heightMm: Math.min(250, 40 + margin.categories.length * 11),
  });
  const data: ChartData = {
    title: t.title(margin.variable),
    groupTitle: '',
    rows: margin.categories.map((c) => ({ code: c.code, label: c.label, n: null })),
    cols: t.series.map((label, j) => ({ code: j, label, n: null })),
    values: margin.categories.map((_, i) => columns.map((col) => col[i])),
    suppressed: margin.categories.map((c) => [c.base === null, false, false]),
    ci: margin.categories.map(() => [null, null, null]),
    isPct: true,
    isMean: false,
    weighted: false,
    totalN: null,
    ruleSet: '',
    // The sample behind "before" went through the output rules with the report (shared/analysis/weight-rules.ts).
    unchecked: false,
    ordinal: true,
  };
  const ctx = chartContext(spec, style, measure, 1, true);
  const option = groupedBars(ctx, data);
  // footnotes() has nothing to say here (no base, no suppression): the chart's own note instead.
  const titles = (Array.isArray(option.title) ? option.title : [option.title]).filter(Boolean) as { text?: string }[];
  option.aria = { enabled: true, label: { description: `${titles.map((x) => x.text).join('. ')}. ${t.note}` } };
  return { option, spec };
}
