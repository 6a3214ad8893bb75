/**
 * A multiple-response set against banner columns (Totaal | stacked variables | nested pairs), as SPSS
 * CTABLES and MULT RESPONSE tabulate it:
 *
 *   base_c   = cases in column c with a valid value on at least one member (unweighted, Σw, and Kish's
 *              effective base (Σw)²/Σw²);
 *   item_kc  = (weighted) cases in column c with the counted value on member k (dichotomies), or with
 *              category k in any member (categories); % of cases = item_kc / base_c, so a column's
 *              items add up to more than 100;
 *   any_c    = cases with at least one item (the net of the set); responses_c = Σ_k item_kc, and
 *              optionally % of responses = item_kc / responses_c.
 *
 * Letters: each item (and "any") is its own proportion, compared between the columns of one group by
 * the column-proportion z-test of the banner (column-tests.ts), with the effective base for sampling
 * weights and Bonferroni or BH within one row of one group.
 *
 * No chi-square: a case can hold several items, so the item × column counts are not a contingency
 * table of independent observations (they do not even add up to the base) and Pearson's statistic has
 * no chi-square distribution; each item's comparison is its own 2 × k table, which the letters test.
 *
 * With a sampling weight or a design, `se` is the design-based standard error of each percentage
 * (item-se.ts). Cases without a positive weight are left out of weighted tables.
 */
import type { Dataset } from '../../model/dataset';
import type { MultipleResponseSet } from '../../model/mr-set';
import type { MrCell, MrResult, WeightInfo } from '../../model/results';
import type { Adjust } from '../adjust';
import { type BannerSpec, bannerVariables } from '../../query/table-query';
import { bannerPartLookups, describeBannerColumns } from '../banner-columns';
import { columnProportionTests } from '../column-tests';
import { designIndex } from '../crosstab';
import { EngineError } from '../errors';
import { placeholderRules } from '../rules';
import { variable } from '../vars';
import { type WeightSpec, weightArray } from '../weights';
import { itemStandardErrors } from './item-se';
import { findMrSet, namesSet, readSet } from './resolve-set';
import { tallyMr } from './tally';

export interface MrTableOptions {
  /** The set, or the name of one of the dataset's sets. */
  set: string | MultipleResponseSet;
  columns: BannerSpec;
  weight?: WeightSpec;
  design?: { strata?: string; cluster?: string };
  filter?: Uint8Array;
  tests?: { adjust: Adjust; alpha: number };
  /** Add % of responses to every cell. */
  responsePct?: boolean;
  /**
   * Also list labelled column categories and (categories sets) labelled codes that do not occur, as
   * banners do; default true. A crosstab lists what occurs.
   */
  includeLabelled?: boolean;
}

/** Dense stratum ids of the design's cases (filter passed, weight > 0); a missing stratum there is an error. */
function stratumIndex(strata: Int32Array, w: Float64Array | null, rows: number, filter?: Uint8Array): { index: Int32Array; n: number } {
  const ids = new Map<number, number>();
  const index = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    if ((filter !== undefined && filter[i] === 0) || (w !== null && !(w[i] > 0))) continue;
    const raw = strata[i];
    if (raw < 0) throw new EngineError('bad-design', { code: 'engine-design-missing', strataOnly: true });
    let h = ids.get(raw);
    if (h === undefined) ids.set(raw, (h = ids.size));
    index[i] = h;
  }
  return { index, n: Math.max(1, ids.size) };
}

export function mrTable(ds: Dataset, opts: MrTableOptions): MrResult {
  const set = typeof opts.set === 'string' ? findMrSet(ds, opts.set) : opts.set;
  // A set by a set (items by items) is not tabulated: refuse it before a set name is read as a variable.
  const other = bannerVariables(opts.columns).find((v) => namesSet(ds, v));
  if (other !== undefined) throw new EngineError('bad-set', { code: 'engine-set-by-set', set: set.name, col: other });
  const includeLabelled = opts.includeLabelled ?? true;
  const reader = readSet(ds, set, { filter: opts.filter, includeLabelled });
  const parts = bannerPartLookups(ds, opts.columns, { filter: opts.filter, includeLabelled });
  const { columns, groups } = describeBannerColumns(ds, opts.columns, parts);
  const hasDesign = !!(opts.design?.strata || opts.design?.cluster);
  const sampling = opts.weight?.type === 'sampling' || hasDesign;
  const w = opts.weight ? weightArray(ds, opts.weight) : null;
  const design = hasDesign ? designIndex(ds, opts.design) : { strata: null, cluster: null };
  const strata = design.strata && !design.cluster ? stratumIndex(design.strata, w, ds.rows, opts.filter) : undefined;
  const t = tallyMr({ reader, parts, total: opts.columns.total, w, rows: ds.rows, filter: opts.filter, strata });
  const { ncol, nItems } = t;
  if (!t.base.count.some((n) => n > 0)) {
    throw new EngineError('empty-table', { code: 'engine-set-empty-table', set: set.name });
  }
  const effective = Float64Array.from(t.base.sw, (s, c) => (t.base.sw2[c] > 0 ? (s * s) / t.base.sw2[c] : 0));
  const testN = sampling ? effective : opts.weight?.type === 'frequency' ? t.base.sw : t.base.count;
  const sig = opts.tests
    ? columnProportionTests({ nr: nItems + 1, ncol, sw: t.sw, colW: t.base.sw, colN: testN, groups, adjust: opts.tests.adjust, alpha: opts.tests.alpha })
    : null;
  const se = sampling ? itemStandardErrors({ reader, parts, total: opts.columns.total, w, rows: ds.rows, filter: opts.filter, design, tally: t }) : null;
  const responses = { count: new Array<number>(ncol).fill(0), weighted: new Array<number>(ncol).fill(0) };
  for (let k = 0; k < nItems; k++) {
    for (let c = 0; c < ncol; c++) {
      responses.count[c] += t.count[k * ncol + c];
      responses.weighted[c] += t.sw[k * ncol + c];
    }
  }
  const share = (part: number, whole: number) => (whole > 0 ? (100 * part) / whole : null);
  const cell = (r: number, c: number): MrCell => {
    const k = r * ncol + c;
    const out: MrCell = { count: t.count[k], weighted: t.sw[k], pct: share(t.sw[k], t.base.sw[c]), sig: sig ? sig[r][c] : '', suppressed: false };
    if (opts.responsePct) out.responsePct = share(t.sw[k], responses.weighted[c]);
    if (se) out.se = Number.isFinite(se[k]) ? 100 * se[k] : null;
    return out;
  };
  const weight: WeightInfo | null = opts.weight
    ? { variable: variable(ds, opts.weight.variable).meta.name, type: sampling ? 'sampling' : opts.weight.type, excluded: t.weightExcluded }
    : null;
  return {
    kind: 'mr',
    set: reader.ref,
    items: reader.items,
    columns,
    cells: reader.items.map((_item, r) => columns.map((_col, c) => cell(r, c))),
    any: columns.map((_col, c) => cell(nItems, c)),
    base: { count: Array.from(t.base.count), weighted: Array.from(t.base.sw), effective: Array.from(effective) },
    responses,
    weight,
    tests: opts.tests ? { method: 'z', adjust: opts.tests.adjust, alpha: opts.tests.alpha } : { method: 'none', adjust: 'none', alpha: 0.05 },
    design: hasDesign
      ? {
          strata: opts.design?.strata ? variable(ds, opts.design.strata).meta.name : null,
          cluster: opts.design?.cluster ? variable(ds, opts.design.cluster).meta.name : null,
        }
      : null,
    rules: placeholderRules(),
  };
}
