/**
 * Two-way crosstab over valid cases (SPSS CROSSTABS semantics): rows and columns are the observed valid
 * categories; counts, Σw, row/column/total percentages (0–100), margins and tests.
 *
 * Tests: unweighted → Pearson, LR (+ Yates and Fisher for 2×2) on counts. Frequency weight → the same on
 * Σw, as SPSS and PSPP do (a case stands for w cases; Fisher only when those are whole numbers). Sampling
 * weight or a design → Rao–Scott F (see raoscott.ts); Pearson/LR are then reported on the weighted table
 * rescaled to the number of valid cases, without a p-value, because on raw weights they are no test.
 */
import type { Dataset } from '../model/dataset';
import type { Chi2Block, CrosstabTable, WeightInfo } from '../model/results';
import { type CategoryLookup, categorize, categoryLookup } from './categorize';
import { chiSquares } from './chi2';
import { EngineError } from './errors';
import type { Chi2NoteMessage } from '../i18n/message-types';
import { fisherExact2x2 } from './fisher';
import { type DesignIndex, raoScottF } from './raoscott';
import { placeholderRules } from './rules';
import { tally2 } from './tally';
import { tallyInt8Pair } from './tally-int8';
import { type VarRef, variable } from './vars';
import { type WeightSpec, weightArray } from './weights';

export interface CrosstabOptions {
  row: string;
  col: string;
  weight?: WeightSpec;
  design?: { strata?: string; cluster?: string };
  filter?: Uint8Array;
  /** Testing hook: take the Int8 one-pass tally even for small data. */
  onePass?: boolean;
}

function matrix<T>(r: number, c: number, f: (i: number, j: number) => T): T[][] {
  return Array.from({ length: r }, (_, i) => Array.from({ length: c }, (_, j) => f(i, j)));
}

/** Indices of categories with a positive unweighted margin. */
function usedIndices(count: Int32Array, nr: number, nc: number, byRow: boolean): number[] {
  const out: number[] = [];
  const outer = byRow ? nr : nc;
  const inner = byRow ? nc : nr;
  for (let a = 0; a < outer; a++) {
    let s = 0;
    for (let b = 0; b < inner; b++) s += count[byRow ? a * nc + b : b * nc + a];
    if (s > 0) out.push(a);
  }
  return out;
}

/** Stratum and cluster index per row (categories of the design variables), or null when not given. */
export function designIndex(ds: Dataset, design: CrosstabOptions['design']): DesignIndex {
  const idx = (name?: string) => {
    if (!name) return null;
    const { meta, col } = variable(ds, name);
    return Int32Array.from(categorize(col, meta).index);
  };
  return { strata: idx(design?.strata), cluster: idx(design?.cluster) };
}

/** Per-row reduced cell index and design membership for the Rao–Scott test. */
function cellsForDesign(
  rl: CategoryLookup,
  cl: CategoryLookup,
  rowMap: Int32Array,
  colMap: Int32Array,
  c: number,
  w: Float64Array,
  filter?: Uint8Array,
): { cell: Int32Array; inDesign: Uint8Array } {
  const n = rl.data.length;
  const cell = new Int32Array(n);
  const inDesign = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if ((filter && filter[i] === 0) || !(w[i] > 0)) continue;
    inDesign[i] = 1;
    const a = rl.lut[rl.data[i] + rl.offset];
    const b = cl.lut[cl.data[i] + cl.offset];
    const ra = a < 0 ? -1 : rowMap[a];
    const cb = b < 0 ? -1 : colMap[b];
    cell[i] = ra < 0 || cb < 0 ? -1 : ra * c + cb;
  }
  return { cell, inDesign };
}

/** Below this many rows the one-pass path's fixed cost (a 256×256 value table) outweighs its gain. */
const ONE_PASS_MIN_ROWS = 1 << 18;

/** Lookups and tally; two large Int8 columns take the one-pass path (tally-int8.ts). */
function tabulate(rv: VarRef, cv: VarRef, w: Float64Array | null, filter?: Uint8Array, forceOnePass = false) {
  if (
    rv.col.kind === 'numeric' &&
    cv.col.kind === 'numeric' &&
    rv.col.data instanceof Int8Array &&
    cv.col.data instanceof Int8Array &&
    (forceOnePass || rv.col.data.length >= ONE_PASS_MIN_ROWS)
  ) {
    const r = tallyInt8Pair(rv.col.data, rv.meta, cv.col.data, cv.meta, w, filter);
    return { rl: r.row, cl: r.col, t: r.tally };
  }
  const rl = categoryLookup(rv.col, rv.meta, { filter });
  const cl = categoryLookup(cv.col, cv.meta, { filter });
  return { rl, cl, t: tally2(rl, cl, w, filter) };
}

export function crosstab(ds: Dataset, opts: CrosstabOptions): CrosstabTable {
  const rv = variable(ds, opts.row);
  const cv = variable(ds, opts.col);
  const hasDesign = !!(opts.design?.strata || opts.design?.cluster);
  const sampling = opts.weight?.type === 'sampling' || hasDesign;
  let w = opts.weight ? weightArray(ds, opts.weight) : null;
  const { rl, cl, t } = tabulate(rv, cv, w, opts.filter, opts.onePass);
  const rowsUsed = usedIndices(t.count, t.nr, t.nc, true);
  const colsUsed = usedIndices(t.count, t.nr, t.nc, false);
  const r = rowsUsed.length;
  const c = colsUsed.length;
  if (r === 0 || c === 0) {
    throw new EngineError('empty-table', { code: 'engine-empty-table', row: rv.meta.name, col: cv.meta.name });
  }
  const at = (arr: ArrayLike<number>, i: number, j: number) => arr[rowsUsed[i] * t.nc + colsUsed[j]];
  const count = matrix(r, c, (i, j) => at(t.count, i, j));
  const weighted = matrix(r, c, (i, j) => at(t.sw, i, j));
  const rowTotals = weighted.map((row) => row.reduce((s, v) => s + v, 0));
  const colTotals = Array.from({ length: c }, (_, j) => weighted.reduce((s, row) => s + row[j], 0));
  const rowCounts = count.map((row) => row.reduce((s, v) => s + v, 0));
  const colCounts = Array.from({ length: c }, (_, j) => count.reduce((s, row) => s + row[j], 0));
  const total = rowTotals.reduce((s, v) => s + v, 0);
  const n = rowCounts.reduce((s, v) => s + v, 0);
  const weightInfo: WeightInfo | null = opts.weight
    ? { variable: variable(ds, opts.weight.variable).meta.name, type: sampling ? 'sampling' : opts.weight.type, excluded: t.weightExcluded }
    : null;

  let chi2: Chi2Block | null = null;
  if (r >= 2 && c >= 2) {
    const flat = weighted.flat();
    if (!sampling) {
      const cs = chiSquares(flat, r, c);
      chi2 = { pearson: cs.pearson, lr: cs.lr };
      if (cs.yates) {
        chi2.yates = cs.yates;
        if (flat.every((v) => Number.isInteger(v))) chi2.fisher = { p: fisherExact2x2(flat[0], flat[1], flat[2], flat[3]) };
        else chi2.notes = [{ code: 'chi2-fisher-fractional' }];
      }
    } else {
      const scaled = flat.map((v) => (v * n) / total);
      const cs = chiSquares(scaled, r, c);
      const notes: Chi2NoteMessage[] = [{ code: 'chi2-sampling' }];
      chi2 = { pearson: { ...cs.pearson, p: NaN }, lr: { ...cs.lr, p: NaN }, notes };
      if (!w) {
        w = new Float64Array(rl.data.length).fill(1);
      }
      const rowMap = new Int32Array(t.nr).fill(-1);
      rowsUsed.forEach((k, i) => (rowMap[k] = i));
      const colMap = new Int32Array(t.nc).fill(-1);
      colsUsed.forEach((k, j) => (colMap[k] = j));
      const { cell, inDesign } = cellsForDesign(rl, cl, rowMap, colMap, c, w, opts.filter);
      const rs = raoScottF({ cell, inDesign, w, r, c, design: designIndex(ds, opts.design) });
      chi2.raoScott = { F: rs.F, ndf: rs.ndf, ddf: rs.ddf, p: rs.p };
      if (Number.isNaN(rs.F)) notes.push({ code: 'chi2-raoscott-empty' });
      if (rs.lonelyStrata > 0) notes.push({ code: 'chi2-lonely-strata', n: rs.lonelyStrata });
    }
  }

  return {
    rowVariable: rv.meta.name,
    colVariable: cv.meta.name,
    rows: rowsUsed.map((k) => ({ code: rl.categories[k].code, label: rl.categories[k].label })),
    cols: colsUsed.map((k) => ({ code: cl.categories[k].code, label: cl.categories[k].label })),
    count,
    weighted,
    colPct: matrix(r, c, (i, j) => (colTotals[j] > 0 ? (100 * weighted[i][j]) / colTotals[j] : null)),
    rowPct: matrix(r, c, (i, j) => (rowTotals[i] > 0 ? (100 * weighted[i][j]) / rowTotals[i] : null)),
    totalPct: matrix(r, c, (i, j) => (total > 0 ? (100 * weighted[i][j]) / total : null)),
    rowTotals,
    colTotals,
    rowCounts,
    colCounts,
    total,
    n,
    chi2,
    suppressed: matrix(r, c, () => false),
    weight: weightInfo ? weightInfo.variable : null,
    weightInfo,
    rules: placeholderRules(),
  };
}
