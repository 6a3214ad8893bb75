/**
 * Banner items that name a multiple-response set: their item columns (mr/set-columns.ts) merged with
 * the one-pass tally of the plain parts (banner-tally.ts), in the banner's order. A set stands beside
 * Totaal and the plain variables; inside a nest it is refused (a nest's inner columns partition their
 * outer column, which overlapping items do not), and so is a banner without Totaal.
 *
 * A set's columns get no letters and join no comparison group: the column-proportion z-test assumes
 * independent samples, and two item columns share every case that holds both items.
 */
import type { Dataset } from '../model/dataset';
import type { BannerColumn, BannerSetGroup } from '../model/results';
import type { BannerItem, BannerSpec } from '../query/table-query';
import type { BannerTally } from './banner-tally';
import type { CategoryLookup } from './categorize';
import { EngineError } from './errors';
import { findMrSet, namesSet } from './mr/resolve-set';
import { tallySetColumns } from './mr/set-columns';

/** The banner without its set items, and which items were sets (null for a plain item). */
export function splitSetItems(ds: Dataset, spec: BannerSpec): { plain: BannerSpec; sets: (string | null)[] } {
  const sets = spec.items.map((item: BannerItem) => {
    if ('nest' in item) {
      const set = item.nest.find((v) => namesSet(ds, v));
      if (set !== undefined) throw new EngineError('bad-set', { code: 'engine-set-in-nest', set });
      return null;
    }
    return namesSet(ds, item.variable) ? item.variable : null;
  });
  // The output rules bound a set's overlapping columns by Totaal's cells (secondary/banner-layout.ts);
  // without Totaal the other banner groups would tie them to an unpublished total the audit cannot see.
  const first = sets.find((s) => s !== null);
  if (first && !spec.total) throw new EngineError('bad-set', { code: 'engine-set-needs-total', set: first });
  return { plain: { total: spec.total, items: spec.items.filter((_it, g) => sets[g] === null) }, sets };
}

export interface MergedBanner {
  tally: BannerTally;
  columns: BannerColumn[];
  /** Comparison groups (plain parts only). */
  groups: number[][];
  sets: BannerSetGroup[];
}

/**
 * The plain tally and columns with each set's item columns inserted where the set stands in the spec.
 * `plainColumns`/`plainGroups` describe `plain` (describeBannerColumns), `tally` is its tally.
 */
export function mergeSetColumns(
  ds: Dataset,
  spec: BannerSpec,
  sets: readonly (string | null)[],
  plain: { tally: BannerTally; columns: BannerColumn[]; groups: number[][] },
  row: CategoryLookup,
  w: Float64Array | null,
  filter?: Uint8Array,
): MergedBanner {
  const t = plain.tally;
  const nr = t.nr;
  // Source of every output column: a plain column index, or [set part, item].
  const source: ({ plain: number } | { part: number; item: number })[] = [];
  const newIndex = new Int32Array(t.ncol);
  const columns: BannerColumn[] = [];
  const groupsOut: BannerSetGroup[] = [];
  const tallies: ReturnType<typeof tallySetColumns>[] = [];
  const take = (k: number) => {
    newIndex[k] = columns.length;
    source.push({ plain: k });
    columns.push(plain.columns[k]);
  };
  if (spec.total) take(0);
  let plainPart = 0;
  sets.forEach((name) => {
    if (name === null) {
      const from = t.partBase[plainPart];
      const to = plainPart + 1 < t.partBase.length ? t.partBase[plainPart + 1] : t.ncol;
      for (let k = from; k < to; k++) take(k);
      plainPart++;
      return;
    }
    const set = tallySetColumns(ds, findMrSet(ds, name), row, w, filter);
    const part = tallies.length;
    tallies.push(set);
    const indices: number[] = [];
    set.items.forEach((it, j) => {
      indices.push(columns.length);
      source.push({ part, item: j });
      columns.push({
        key: `${set.set.name}=${String(it.code)}`,
        path: [{ variable: set.set.name, code: it.code, label: it.label }],
        label: it.label,
        group: set.set.label,
        letter: '',
      });
    });
    groupsOut.push({ set: set.set.name, kind: set.set.kind, maxPerCase: set.maxPerCase, columns: indices });
  });
  const ncol = columns.length;
  const count = new Int32Array(nr * ncol);
  const sw = new Float64Array(nr * ncol);
  const sw2 = new Float64Array(nr * ncol);
  source.forEach((s, c) => {
    for (let r = 0; r < nr; r++) {
      if ('plain' in s) {
        const k = r * t.ncol + s.plain;
        count[r * ncol + c] = t.count[k];
        sw[r * ncol + c] = t.sw[k];
        sw2[r * ncol + c] = t.sw2[k];
      } else {
        const x = tallies[s.part];
        const k = r * x.items.length + s.item;
        count[r * ncol + c] = x.count[k];
        sw[r * ncol + c] = x.sw[k];
        sw2[r * ncol + c] = x.sw2[k];
      }
    }
  });
  return {
    tally: { ...t, ncol, partBase: [], count, sw, sw2 },
    columns,
    groups: plain.groups.map((grp) => grp.map((k) => newIndex[k])),
    sets: groupsOut,
  };
}
