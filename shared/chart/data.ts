/**
 * Turns a shared result (crosstab or banner) into the one matrix every chart type draws from:
 * rows = answer categories of the question, cols = groups (the column variable), values[row][col].
 * Suppressed cells stay null and flagged: no chart ever draws them as zero.
 */
import type { Code } from '../model/dataset';
import type { BannerResult, CrosstabTable, MrResult } from '../model/results';
import { meanCI, proportionCI, type Interval } from './ci';
import { chartTexts } from './format';
import type { ChartSpec } from './spec';

export interface CrosstabChartInput {
  kind: 'crosstab';
  table: CrosstabTable;
  /** Variable labels (question text) and measure from the dataset's metadata. */
  meta?: { rowLabel?: string; colLabel?: string; rowMeasure?: 'nominal' | 'ordinal' | 'scale' };
  /** Kish effective base per column; without it CIs use the unweighted column count. */
  effectiveBase?: (number | null)[];
}

export interface BannerChartInput {
  kind: 'banner';
  result: BannerResult;
  /** Header block to draw (e.g. "Gemeente"); the Totaal column is kept alongside. Default: all columns. */
  group?: string;
  /** Draw the Totaal column beside the groups (default true). */
  total?: boolean;
  rowMeasure?: 'nominal' | 'ordinal' | 'scale';
}

/** A multiple-response set's table (shared/engine/mr): the items against Totaal and one column group. */
export interface MrChartInput {
  kind: 'mr';
  result: MrResult;
  /** Header block to draw beside Totaal (e.g. "Gemeente"); default all columns. */
  group?: string;
}

export type ChartInput = CrosstabChartInput | BannerChartInput | MrChartInput;

export interface ChartCategory {
  code: Code;
  label: string;
  /** Unweighted base (groups only). */
  n: number | null;
  isTotal?: boolean;
}

export interface ChartData {
  title: string;
  groupTitle: string;
  rows: ChartCategory[];
  cols: ChartCategory[];
  values: (number | null)[][];
  suppressed: boolean[][];
  /** Interval per cell, in the same unit as values; null where none applies. */
  ci: (Interval | null)[][];
  isPct: boolean;
  isMean: boolean;
  weighted: boolean;
  totalN: number | null;
  ruleSet: string;
  /** Made under rules below the project's (or none): every chart of it says so. */
  unchecked: boolean;
  ordinal: boolean;
  /** Rows of a multiple-response set (percentages of cases that add up to more than 100). */
  multipleResponse?: boolean;
  /** Rows that stay at the end when rows are sorted by value ("Anders", "Weet niet", "Geen van deze"). */
  keepLast?: boolean[];
}

function sumCol(m: (number | null)[][], j: number): number | null {
  let s = 0;
  for (const row of m) {
    const v = row[j];
    if (v == null) return null;
    s += v;
  }
  return s;
}

function rowPctFrom(weighted: (number | null)[][]): (number | null)[][] {
  return weighted.map((row) => {
    if (row.some((v) => v == null)) return row.map(() => null);
    const s = (row as number[]).reduce((a, b) => a + b, 0);
    return row.map((v) => (s > 0 ? ((v as number) / s) * 100 : null));
  });
}

function pctCIs(values: (number | null)[][], bases: (number | null)[], spec: ChartSpec): (Interval | null)[][] {
  return values.map((row) =>
    row.map((v, j) => {
      const n = bases[j];
      if (v == null || n == null) return null;
      const ci = proportionCI(v / 100, n, spec.ci.level, spec.ci.method);
      return ci && { lo: ci.lo * 100, hi: ci.hi * 100 };
    }),
  );
}

function fromCrosstab(input: CrosstabChartInput, spec: ChartSpec): ChartData {
  const t = input.table;
  const colN = t.cols.map((_, j) => t.colCounts?.[j] ?? sumCol(t.count, j));
  const matrix = spec.value === 'mean' ? null : t[spec.value];
  if (!matrix) throw new Error("value 'mean' needs a banner result with means");
  const isPct = spec.value === 'colPct' || spec.value === 'rowPct';
  const weighted = !!t.weight;
  // Unweighted, the effective base is the count itself; weighted without one we fall back to it.
  const eff = input.effectiveBase ?? colN;
  // Everything drawn derives from the masked matrix, so no interval can hint at a withheld value.
  const values = matrix.map((row, i) => row.map((v, j) => (t.suppressed[i]?.[j] ? null : v)));
  return {
    title: input.meta?.rowLabel || t.rowVariable || '',
    groupTitle: input.meta?.colLabel || t.colVariable || '',
    rows: t.rows.map((r) => ({ code: r.code, label: r.label, n: null })),
    cols: t.cols.map((c, j) => ({ code: c.code, label: c.label, n: colN[j] })),
    values,
    suppressed: values.map((row) => row.map((v) => v == null)),
    ci: spec.value === 'colPct' ? pctCIs(values, eff, spec) : values.map((r) => r.map(() => null)),
    isPct,
    isMean: false,
    weighted,
    totalN: t.n ?? (t.colCounts ? sumNonNull(t.colCounts) : null),
    ruleSet: t.rules.ruleSet,
    unchecked: t.rules.status === 'unchecked',
    ordinal: input.meta?.rowMeasure !== 'nominal',
  };
}

function sumNonNull(xs: (number | null)[]): number | null {
  let s = 0;
  for (const x of xs) {
    if (x == null) return null;
    s += x;
  }
  return s;
}

function fromBanner(input: BannerChartInput, spec: ChartSpec): ChartData {
  const r = input.result;
  const idx = r.columns
    .map((c, j) => ({ c, j }))
    .filter(({ c }) => input.group == null || c.group === input.group || c.path.length === 0)
    .filter(({ c }) => input.total !== false || c.path.length > 0)
    // Row percentages across groups leave the Totaal column out: it would count everyone twice.
    .filter(({ c }) => !(spec.value === 'rowPct' && c.path.length === 0))
    .map(({ j }) => j);
  const texts = chartTexts(spec.locale);
  const cols: ChartCategory[] = idx.map((j) => {
    const c = r.columns[j];
    const total = c.path.length === 0;
    return { code: c.key, label: total ? texts.total : c.label, n: r.base.count[j], isTotal: total };
  });
  const eff = idx.map((j) => r.base.effective[j] ?? r.base.count[j]);
  const totalIdx = r.columns.findIndex((c) => c.path.length === 0);
  const totalN = totalIdx >= 0 ? r.base.count[totalIdx] : null;
  const common = {
    title: r.rowVariable.label || r.rowVariable.name,
    groupTitle: input.group ?? '',
    cols,
    weighted: !!r.weight,
    totalN,
    ruleSet: r.rules.ruleSet,
    unchecked: r.rules.status === 'unchecked',
  };
  if (spec.value === 'mean') {
    if (!r.means) throw new Error("value 'mean' needs a banner result computed with means");
    const m = r.means;
    const values = [idx.map((j) => m.mean[j])];
    return {
      ...common,
      rows: [{ code: 'mean', label: texts.mean, n: null }],
      values,
      suppressed: [idx.map((j) => m.mean[j] == null)],
      ci: [idx.map((j) => (m.mean[j] == null || m.se[j] == null ? null : meanCI(m.mean[j]!, m.se[j]!, spec.ci.level)))],
      isPct: false,
      isMean: true,
      ordinal: false,
    };
  }
  const cell = (i: number, j: number) => r.cells[i][j];
  const weightedM = r.rows.map((_, i) => idx.map((j) => (cell(i, j).suppressed ? null : cell(i, j).weighted)));
  let values: (number | null)[][];
  if (spec.value === 'colPct') values = r.rows.map((_, i) => idx.map((j) => (cell(i, j).suppressed ? null : cell(i, j).pct)));
  else if (spec.value === 'count') values = r.rows.map((_, i) => idx.map((j) => (cell(i, j).suppressed ? null : cell(i, j).count)));
  else if (spec.value === 'weighted') values = weightedM;
  else values = rowPctFrom(weightedM);
  return {
    ...common,
    rows: r.rows.map((x) => ({ code: x.code, label: x.label, n: null })),
    values,
    suppressed: values.map((row, i) => row.map((v, k) => cell(i, idx[k]).suppressed || v == null)),
    ci: spec.value === 'colPct' ? pctCIs(values, eff, spec) : values.map((row) => row.map(() => null)),
    isPct: spec.value === 'colPct' || spec.value === 'rowPct',
    isMean: false,
    ordinal: input.rowMeasure !== 'nominal',
  };
}

/** Answers that close a list whatever their size. */
const CLOSING_ANSWER = /\b(geen van (deze|de bovenstaande|beide)|weet (ik )?niet|anders|overige?|none of (these|the above)|don'?t know|other)\b/i;

function fromMr(input: MrChartInput, spec: ChartSpec): ChartData {
  const r = input.result;
  if (spec.value === 'mean' || spec.value === 'rowPct') throw new Error(`a multiple-response chart draws % of cases, counts or Σw, not '${spec.value}'`);
  const idx = r.columns.map((c, j) => ({ c, j })).filter(({ c }) => input.group == null || c.group === input.group || c.path.length === 0);
  const texts = chartTexts(spec.locale);
  const cols: ChartCategory[] = idx.map(({ c, j }) => ({
    code: c.key,
    label: c.path.length === 0 ? texts.total : c.label,
    n: r.base.count[j],
    isTotal: c.path.length === 0,
  }));
  const cell = (i: number, j: number) => r.cells[i][j];
  const pick = (i: number, j: number) => {
    const c = cell(i, j);
    if (c.suppressed) return null;
    return spec.value === 'colPct' ? c.pct : spec.value === 'count' ? c.count : c.weighted;
  };
  const values = r.items.map((_, i) => idx.map(({ j }) => pick(i, j)));
  const eff = idx.map(({ j }) => r.base.effective[j] ?? r.base.count[j]);
  const totalIdx = r.columns.findIndex((c) => c.path.length === 0);
  return {
    title: r.set.label || r.set.name,
    groupTitle: input.group ?? '',
    rows: r.items.map((x) => ({ code: x.code, label: x.label, n: null })),
    cols,
    values,
    suppressed: values.map((row, i) => row.map((v, k) => cell(i, idx[k].j).suppressed || v == null)),
    ci: spec.value === 'colPct' ? pctCIs(values, eff, spec) : values.map((row) => row.map(() => null)),
    isPct: spec.value === 'colPct',
    isMean: false,
    weighted: !!r.weight,
    totalN: totalIdx >= 0 ? r.base.count[totalIdx] : null,
    ruleSet: r.rules.ruleSet,
    unchecked: r.rules.status === 'unchecked',
    ordinal: false,
    multipleResponse: true,
    keepLast: r.items.map((x) => CLOSING_ANSWER.test(x.label)),
  };
}

export function toChartData(input: ChartInput, spec: ChartSpec): ChartData {
  const data = input.kind === 'crosstab' ? fromCrosstab(input, spec) : input.kind === 'banner' ? fromBanner(input, spec) : fromMr(input, spec);
  if (!spec.focus || spec.focus.length === 0) return data;
  const keep = data.rows.map((r, i) => ({ r, i })).filter(({ r }) => spec.focus!.some((f) => String(f) === String(r.code)));
  const pick = <T>(m: T[][]) => keep.map(({ i }) => m[i]);
  return {
    ...data,
    rows: keep.map(({ r }) => r),
    values: pick(data.values),
    suppressed: pick(data.suppressed),
    ci: pick(data.ci),
    ...(data.keepLast ? { keepLast: keep.map(({ i }) => data.keepLast![i]) } : {}),
  };
}
