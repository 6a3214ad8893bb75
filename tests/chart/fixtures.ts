/**
 * Hand-built inputs for the chart tests. Percentages are derived from the counts here only to fill
 * the table shape; the tests check what is drawn, not these numbers.
 */
import type { CrosstabTable } from '../../shared/model/results';

export function table(rowLabels: string[], colLabels: string[], count: number[][], suppressed: [number, number][] = []): CrosstabTable {
  const colTot = colLabels.map((_, j) => count.reduce((s, r) => s + r[j], 0));
  const rowTot = count.map((r) => r.reduce((s, v) => s + v, 0));
  const total = rowTot.reduce((s, v) => s + v, 0);
  const isSup = (i: number, j: number) => suppressed.some(([a, b]) => a === i && b === j);
  const m = (f: (v: number, i: number, j: number) => number) => count.map((r, i) => r.map((v, j) => (isSup(i, j) ? null : f(v, i, j))));
  return {
    rowVariable: 'q',
    colVariable: 'g',
    rows: rowLabels.map((label, i) => ({ code: i + 1, label })),
    cols: colLabels.map((label, j) => ({ code: j + 1, label })),
    count: m((v) => v),
    weighted: m((v) => v),
    colPct: m((v, _i, j) => (100 * v) / colTot[j]),
    rowPct: m((v, i) => (100 * v) / rowTot[i]),
    rowTotals: rowTot,
    colTotals: colTot,
    colCounts: colTot,
    rowCounts: rowTot,
    total,
    n: total,
    chi2: null,
    suppressed: count.map((r, i) => r.map((_, j) => isSup(i, j))),
    weight: null,
    rules: { ruleSet: 'cbs-persons', status: suppressed.length ? 'suppressed' : 'safe', primary: suppressed.length, secondary: 0, reasons: [] },
  };
}

export interface SvgElement {
  tag: string;
  attrs: Record<string, string>;
  text: string;
}

/** A flat list of the SVG's elements (ECharts writes one element per line, no nesting of text). */
export function parseSvg(svg: string): SvgElement[] {
  const out: SvgElement[] = [];
  const re = /<([a-zA-Z]+)\b([^>]*?)(\/?)>(?:([^<]*)<\/\1>)?/g;
  for (let m = re.exec(svg); m; m = re.exec(svg)) {
    const attrs: Record<string, string> = {};
    for (const a of m[2].matchAll(/([\w:-]+)="([^"]*)"/g)) attrs[a[1]] = a[2];
    out.push({ tag: m[1], attrs, text: decode(m[4] ?? '') });
  }
  return out;
}

function decode(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

export function texts(els: SvgElement[]): string[] {
  return els.filter((e) => e.tag === 'text').map((e) => e.text);
}

/** Data elements (bars, points) ECharts tagged with their series, as SSR does. */
export function dataShapes(els: SvgElement[], series: number): SvgElement[] {
  return els.filter((e) => e.attrs.ecmeta_series_index === String(series) && e.attrs.ecmeta_ssr_type === 'chart' && e.tag !== 'text');
}
