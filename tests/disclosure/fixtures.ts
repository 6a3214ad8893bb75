/**
 * Hand-built results for the disclosure tests. The counts written in tests are inputs; derived
 * fields (totals, percentages) are computed here from them the way the engine defines them.
 */
import type { BannerColumn, BannerResult, CrosstabTable } from '../../shared/model/results';
import type { RuleSetName } from '../../shared/model/results';

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

export function crosstabFrom(counts: number[][], weights?: number[][]): CrosstabTable {
  const r = counts.length;
  const c = counts[0].length;
  const w = weights ?? counts;
  const rowW = w.map(sum);
  const colW = Array.from({ length: c }, (_, j) => sum(w.map((row) => row[j])));
  const tw = sum(rowW);
  const pct = (a: number, b: number) => (b > 0 ? (100 * a) / b : null);
  const none: RuleSetName = 'none';
  return {
    rowVariable: 'regio',
    colVariable: 'leeftijd',
    rows: Array.from({ length: r }, (_, i) => ({ code: i + 1, label: `R${i + 1}` })),
    cols: Array.from({ length: c }, (_, j) => ({ code: j + 1, label: `C${j + 1}` })),
    count: counts.map((row) => [...row]),
    weighted: w.map((row) => [...row]),
    colPct: w.map((row) => row.map((v, j) => pct(v, colW[j]))),
    rowPct: w.map((row, i) => row.map((v) => pct(v, rowW[i]))),
    totalPct: w.map((row) => row.map((v) => pct(v, tw))),
    rowTotals: rowW,
    colTotals: colW,
    rowCounts: counts.map(sum),
    colCounts: Array.from({ length: c }, (_, j) => sum(counts.map((row) => row[j]))),
    total: tw,
    n: sum(counts.map(sum)),
    chi2: { pearson: { value: 1, df: 1, p: 0.3 }, lr: { value: 1, df: 1, p: 0.3 } },
    suppressed: counts.map((row) => row.map(() => false)),
    weight: weights ? 'gewicht' : null,
    rules: { ruleSet: none, status: 'safe', primary: 0, secondary: 0, reasons: [] },
  };
}

/**
 * A banner: Totaal plus groups of columns. `groups[g][i][k]` are the counts of row i in column k of
 * group g; the Totaal column is the sum over the first group's columns plus `missing[i]` (cases
 * missing on that banner variable, default 0) — each later group must sum to the same Totaal.
 */
export function bannerFrom(groups: number[][][], names: string[] = ['Gemeente', 'Geslacht']): BannerResult {
  const r = groups[0].length;
  const totalCol = Array.from({ length: r }, (_, i) => sum(groups[0][i]));
  const columns: BannerColumn[] = [{ key: 'total', path: [], label: 'Totaal', group: '', letter: '' }];
  const cols: number[][] = [totalCol]; // cols[k][i]
  groups.forEach((g, gi) => {
    g[0].forEach((_v, k) => {
      const variable = names[gi] ?? `v${gi}`;
      columns.push({
        key: `${variable}=${k + 1}`,
        path: [{ variable, code: k + 1, label: `${variable} ${k + 1}` }],
        label: `${variable} ${k + 1}`,
        group: variable,
        letter: String.fromCharCode(65 + k),
      });
      cols.push(g.map((row) => row[k]));
    });
  });
  const bases = cols.map(sum);
  return {
    kind: 'banner',
    rowVariable: { name: 'oordeel', label: 'Oordeel' },
    rows: Array.from({ length: r }, (_, i) => ({ code: i + 1, label: `A${i + 1}` })),
    columns,
    cells: Array.from({ length: r }, (_, i) =>
      cols.map((col, k) => ({
        count: col[i],
        weighted: col[i],
        pct: bases[k] > 0 ? (100 * col[i]) / bases[k] : null,
        sig: k === 1 ? 'B' : '',
        suppressed: false,
      })),
    ),
    base: { count: [...bases], weighted: [...bases], effective: [...bases] },
    weight: null,
    tests: { method: 'z', adjust: 'none', alpha: 0.05 },
    rules: { ruleSet: 'none', status: 'safe', primary: 0, secondary: 0, reasons: [] },
  };
}
