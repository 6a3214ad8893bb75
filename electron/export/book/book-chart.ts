/**
 * The chart beside a tabellenboek table: drawn from the very banner the table shows (after the output
 * rules, group audit and overrides), never from engine output, so a withheld cell is a gap marked with
 * the book's suppression symbol. Blocked tables get no chart.
 */
import type { Dataset } from '../../../shared/model/dataset';
import { findVariable } from '../../../shared/model/dataset';
import type { BannerResult } from '../../../shared/model/results';
import { CSS_DPI } from '../../../shared/chart/spec';
import type { BookChartsSpec, BookSpec } from '../../../shared/book/book';
import type { TableModel } from '../../../shared/format/table-model';
import { defaultChartStyle, renderResultChart } from '../chart/index';
import type { ComputedTable } from '../../../shared/book/compute';
import { blockLayout, tableWidth } from './table-sheet';

/** Excel's default row height (15 pt) in CSS px: what a chart's height is counted in rows by. */
const ROW_PX = 20;

export interface ChartSize {
  widthMm: number;
  heightMm: number;
  /** Displayed size in the sheet, CSS px. */
  widthPx: number;
  heightPx: number;
}

/** Bars grow the chart: one per banner column, plus room for title, legend and notes. */
export function bookChartSize(charts: BookChartsSpec, result: Pick<BannerResult, 'columns'>): ChartSize {
  const heightMm = charts.heightMm ?? Math.min(250, Math.max(60, 40 + 5 * result.columns.length));
  const px = (mm: number) => Math.round((mm / 25.4) * CSS_DPI);
  return { widthMm: charts.widthMm, heightMm, widthPx: px(charts.widthMm), heightPx: px(heightMm) };
}

/** Sheet rows the chart covers (used to keep blocks from running into the next chart). */
export function chartRows(size: ChartSize): number {
  return Math.ceil(size.heightPx / ROW_PX);
}

/** Zero-based top-left cell of a chart for a table whose block starts at 1-based row `top`. */
export function chartAnchor(charts: BookChartsSpec, model: TableModel, top: number, width = tableWidth(model)): { col: number; row: number } {
  const layout = blockLayout(top, model);
  // Right: one empty column after the table, level with the header. Below: one empty row after the
  // notes (`next` is the 1-based row after that empty one, so `next - 1` zero-based).
  return charts.placement === 'right' ? { col: width + 1, row: layout.headerTop - 1 } : { col: 0, row: layout.next - 1 };
}

export interface BookChartImage extends ChartSize {
  png: Buffer;
  description: string;
}

export function enabledCharts(spec: BookSpec): BookChartsSpec | null {
  return spec.charts?.enabled ? spec.charts : null;
}

export function renderBookChart(table: ComputedTable, spec: BookSpec, charts: BookChartsSpec, ds: Dataset): BookChartImage | null {
  const shown = table.result ?? table.mr;
  if (!shown || table.status === 'blocked') return null;
  const size = bookChartSize(charts, shown);
  const meta = table.result ? ds.variables[findVariable(ds, table.variable)] : undefined;
  const style = { ...defaultChartStyle, suppressedSymbol: spec.symbols.suppressed || defaultChartStyle.suppressedSymbol };
  try {
    // A set's items overlap, so its chart is plain bars of % of cases (stacking would draw more than the whole).
    const chart = renderResultChart(
      table.mr ? { kind: 'mr', result: table.mr } : { kind: 'banner', result: table.result!, rowMeasure: meta?.measure },
      {
        type: table.mr ? 'bar' : charts.type,
        title: table.label,
        source: spec.source || undefined,
        widthMm: size.widthMm,
        heightMm: size.heightMm,
        dpi: charts.dpi,
        locale: spec.language,
      },
      'png',
      style,
    );
    // A chart of many categories can come out taller than asked (labels never overprint): show it at its size.
    const heightPx = Math.round((chart.heightPx / charts.dpi) * CSS_DPI);
    return { ...size, heightPx, png: chart.bytes, description: table.label };
  } catch (e) {
    throw new Error(`chart for '${table.variable}' could not be drawn: ${e instanceof Error ? e.message : String(e)}`);
  }
}
