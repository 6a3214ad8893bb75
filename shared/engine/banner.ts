/**
 * Banner tables (SPSS CTABLES style): one row variable against Totaal | stacked variables | nested pairs.
 * Per column: counts, Σw, column %, unweighted base, Σw base and Kish effective base (Σw)²/Σw²; optional
 * column-proportion z-tests with letters (column-tests.ts) and the mean of the row variable per column.
 * Rows and columns list observed and labelled valid categories (CTABLES shows labelled empty categories,
 * which keeps a yearly tabellenboek's layout stable). All cells come from one pass (banner-tally.ts).
 */
import type { Code, Dataset } from '../model/dataset';
import { groupMembers } from '../model/column-groups';
import type { BannerCell, BannerColumn, BannerResult, WeightInfo } from '../model/results';
import type { BannerSpec } from '../query/table-query';
import type { Adjust } from './adjust';
import { bannerPartLookups, describeBannerColumns } from './banner-columns';
import { tallyBanner } from './banner-tally';
import { mergeSetColumns, splitSetItems } from './banner-set-parts';
import { categoryLookup } from './categorize';
import { columnMeanTests } from './column-mean-tests';
import { columnProportionTests } from './column-tests';
import { type ColumnMeans, columnMeans } from './banner-means';
import { placeholderRules } from './rules';
import { variable } from './vars';
import { type WeightSpec, weightArray } from './weights';

export interface BannerOptions {
  row: string;
  columns: BannerSpec;
  weight?: WeightSpec;
  filter?: Uint8Array;
  tests?: { adjust: Adjust; alpha: number };
  means?: boolean;
  /** Nets: table-level categories that sum categories of the row variable (codes not present are ignored). */
  nets?: readonly { label: string; codes: readonly Code[]; instead?: boolean }[];
}

/** Row indices of a net's codes among the row categories; null when the row variable has none of them. */
function netMembers(categories: readonly { code: Code }[], codes: readonly Code[]): number[] | null {
  const wanted = new Set(codes.map(String));
  const members = categories.flatMap((c, i) => (wanted.has(String(c.code)) ? [i] : []));
  return members.length > 0 ? members : null;
}

/**
 * The tally with one row per net appended: counts, Σw and Σw² of a net are the sums over its
 * members (a case is in one category of the row variable, so the members are disjoint).
 */
function withNets(t: { nr: number; ncol: number; count: ArrayLike<number>; sw: ArrayLike<number>; sw2: ArrayLike<number> }, nets: readonly number[][]) {
  const { nr, ncol } = t;
  const rows = nr + nets.length;
  const grow = (a: ArrayLike<number>) => {
    const out = new Float64Array(rows * ncol);
    for (let k = 0; k < nr * ncol; k++) out[k] = a[k];
    nets.forEach((members, n) => {
      for (const m of members) for (let c = 0; c < ncol; c++) out[(nr + n) * ncol + c] += a[m * ncol + c];
    });
    return out;
  };
  return { nr: rows, ncol, count: grow(t.count), sw: grow(t.sw), sw2: grow(t.sw2) };
}

const LOOK = { includeLabelled: true } as const;

/**
 * Per cell, the denominators of its row and total percentages: the sum of Σw over the row's cells in
 * the same column group, and the sum of the group's column bases (Totaal is a group of its own).
 */
function groupTotals(columns: BannerColumn[], nr: number, sw: Float64Array, colW: Float64Array) {
  const ncol = columns.length;
  const groupOf = groupMembers(columns);
  const row = Array.from({ length: nr }, (_, r) => groupOf.map((g) => g.reduce((s, k) => s + sw[r * ncol + k], 0)));
  const total = groupOf.map((g) => g.reduce((s, k) => s + colW[k], 0));
  return { row, total };
}

export function banner(ds: Dataset, opts: BannerOptions): BannerResult {
  const rv = variable(ds, opts.row);
  const row = categoryLookup(rv.col, rv.meta, { ...LOOK, filter: opts.filter });
  const split = splitSetItems(ds, opts.columns);
  const parts = bannerPartLookups(ds, split.plain, { filter: opts.filter });
  const w = opts.weight ? weightArray(ds, opts.weight) : null;
  const plainTally = tallyBanner(row, split.plain.total, parts, w, opts.filter);
  const described = describeBannerColumns(ds, split.plain, parts);
  const merged = split.sets.some((s) => s !== null)
    ? mergeSetColumns(ds, opts.columns, split.sets, { tally: plainTally, ...described }, row, w, opts.filter)
    : { tally: plainTally, ...described, sets: [] };
  const { tally: t, columns, groups, sets } = merged;
  const inSet = new Set(sets.flatMap((s) => s.columns));
  const { nr, ncol } = t;
  const colN = new Float64Array(ncol);
  const colW = new Float64Array(ncol);
  const colW2 = new Float64Array(ncol);
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < ncol; c++) {
      colN[c] += t.count[r * ncol + c];
      colW[c] += t.sw[r * ncol + c];
      colW2[c] += t.sw2[r * ncol + c];
    }
  }
  const effective = Float64Array.from(colW, (s, c) => (colW2[c] > 0 ? (s * s) / colW2[c] : 0));
  const type = opts.weight?.type;
  const testN = type === 'sampling' ? effective : type === 'frequency' ? colW : colN;
  // Nets are rows of their own after the categories, tested like any row; the base stays the categories'.
  const nets = (opts.nets ?? []).flatMap((n) => {
    const members = netMembers(row.categories, n.codes);
    return members ? [{ label: n.label, members, instead: n.instead === true }] : [];
  });
  const rt =
    nets.length > 0
      ? withNets(
          t,
          nets.map((n) => n.members),
        )
      : t;
  const sig = opts.tests
    ? columnProportionTests({ nr: rt.nr, ncol, sw: rt.sw, colW, colN: testN, groups, adjust: opts.tests.adjust, alpha: opts.tests.alpha })
    : null;
  // A set's item columns overlap: no row or total percentage within them (their sums count cases twice).
  const within = groupTotals(
    columns.map((c, k) => (inSet.has(k) ? { ...c, group: `\u0000set${k}` } : c)),
    rt.nr,
    rt.sw,
    colW,
  );
  const share = (part: number, whole: number) => (whole > 0 ? (100 * part) / whole : null);
  const cells: BannerCell[][] = Array.from({ length: rt.nr }, (_, r) =>
    Array.from({ length: ncol }, (_, c) => ({
      count: rt.count[r * ncol + c],
      weighted: rt.sw[r * ncol + c],
      pct: share(rt.sw[r * ncol + c], colW[c]),
      rowPct: inSet.has(c) ? null : share(rt.sw[r * ncol + c], within.row[r][c]),
      totalPct: inSet.has(c) ? null : share(rt.sw[r * ncol + c], within.total[c]),
      sig: sig ? sig[r][c] : '',
      suppressed: false,
    })),
  );
  const weight: WeightInfo | null = opts.weight
    ? { variable: variable(ds, opts.weight.variable).meta.name, type: opts.weight.type, excluded: t.weightExcluded }
    : null;
  const result: BannerResult = {
    kind: 'banner',
    rowVariable: { name: rv.meta.name, label: rv.meta.label || rv.meta.name },
    rows: [...row.categories.map((c) => ({ code: c.code, label: c.label })), ...nets.map((n, i) => ({ code: `net:${i + 1}`, label: n.label }))],
    ...(nets.length > 0 ? { nets: nets.map((n, i) => ({ row: nr + i, members: n.members, instead: n.instead })) } : {}),
    columns,
    ...(sets.length > 0 ? { sets } : {}),
    cells,
    base: { count: Array.from(colN), weighted: Array.from(colW), effective: Array.from(effective) },
    weight,
    tests: opts.tests ? { method: 'z', adjust: opts.tests.adjust, alpha: opts.tests.alpha } : { method: 'none', adjust: 'none', alpha: 0.05 },
    rules: placeholderRules(),
  };
  if (opts.means) {
    const m: ColumnMeans = columnMeans(row.categories, t, type ?? null);
    result.means = { mean: m.mean, se: m.se, n: m.n };
    // Mean comparisons need a variance model per case; defined for unweighted and frequency weights.
    if (opts.tests && type !== 'sampling') {
      result.means.sig = columnMeanTests({ mean: m.mean, n: m.testN, ss: m.ss, groups, adjust: opts.tests.adjust, alpha: opts.tests.alpha });
    }
  }
  return result;
}
