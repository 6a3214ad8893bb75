/**
 * The columns of a banner (Totaal | stacked variables | nested pairs), for every table that is
 * tabulated against one: category lookups per banner part, the column descriptions (key, path, label,
 * header group, test letter) with the comparison groups, and, for kernels that visit each case once,
 * the columns a case falls in. The banner kernel (banner-tally.ts) and the multiple-response tables
 * (mr/) use the same lookups and descriptions, so their columns are the same columns.
 */
import type { Dataset } from '../model/dataset';
import type { BannerColumn } from '../model/results';
import type { BannerSpec } from '../query/table-query';
import type { BannerPartLookup } from './banner-tally';
import { type CategoryLookup, categoryLookup } from './categorize';
import { letterFor } from './column-tests';
import { variable } from './vars';

export interface BannerLookupOptions {
  filter?: Uint8Array;
  /**
   * List labelled codes that do not occur (CTABLES does, which keeps a yearly tabellenboek's layout
   * stable); default true. Crosstabs list observed categories only.
   */
  includeLabelled?: boolean;
}

export interface DescribedColumns {
  columns: BannerColumn[];
  /** Column indices per comparison group (the categories of one variable, or the inner ones under one outer category). */
  groups: number[][];
}

function varLabel(ds: Dataset, name: string): string {
  const m = variable(ds, name).meta;
  return m.label || m.name;
}

/** One category lookup per banner part (two for a nest), in the spec's order. */
export function bannerPartLookups(ds: Dataset, spec: BannerSpec, opts: BannerLookupOptions = {}): BannerPartLookup[] {
  const look = (name: string): CategoryLookup => {
    const { meta, col } = variable(ds, name);
    return categoryLookup(col, meta, { includeLabelled: opts.includeLabelled ?? true, filter: opts.filter });
  };
  return spec.items.map((item) =>
    'variable' in item ? { kind: 'single', look: look(item.variable) } : { kind: 'nest', outer: look(item.nest[0]), inner: look(item.nest[1]) },
  );
}

/** Column descriptions and comparison groups, in the kernels' column order (Totaal first, then the parts). */
export function describeBannerColumns(ds: Dataset, spec: BannerSpec, parts: BannerPartLookup[]): DescribedColumns {
  const columns: BannerColumn[] = [];
  const groups: number[][] = [];
  if (spec.total) columns.push({ key: 'total', path: [], label: 'Totaal', group: 'Totaal', letter: '' });
  spec.items.forEach((item, g) => {
    const part = parts[g];
    if ('variable' in item && part.kind === 'single') {
      const name = variable(ds, item.variable).meta.name;
      const group: number[] = [];
      part.look.categories.forEach((cat, k) => {
        group.push(columns.length);
        columns.push({
          key: `${name}=${cat.code}`,
          path: [{ variable: name, code: cat.code, label: cat.label }],
          label: cat.label,
          group: varLabel(ds, name),
          letter: letterFor(k),
        });
      });
      groups.push(group);
    } else if ('nest' in item && part.kind === 'nest') {
      const [on, inn] = item.nest.map((v) => variable(ds, v).meta.name);
      for (const oc of part.outer.categories) {
        const group: number[] = [];
        part.inner.categories.forEach((ic, k) => {
          group.push(columns.length);
          columns.push({
            key: `${on}=${oc.code}|${inn}=${ic.code}`,
            path: [
              { variable: on, code: oc.code, label: oc.label },
              { variable: inn, code: ic.code, label: ic.label },
            ],
            label: ic.label,
            group: `${varLabel(ds, on)}: ${oc.label}`,
            letter: letterFor(k),
          });
        });
        groups.push(group);
      }
    }
  });
  return { columns, groups };
}

/**
 * For kernels that visit each case once: writes the banner columns case i falls in into `out` (Totaal
 * when shown, then at most one column per part) and returns how many. Same column order as
 * describeBannerColumns; a case missing on a part's variable(s) is in none of its columns.
 */
export function columnLocator(
  parts: readonly BannerPartLookup[],
  total: boolean,
): { ncol: number; maxPerCase: number; columnsOf: (i: number, out: Int32Array) => number } {
  const start: number[] = [];
  let ncol = total ? 1 : 0;
  for (const p of parts) {
    start.push(ncol);
    ncol += p.kind === 'single' ? p.look.categories.length : p.outer.categories.length * p.inner.categories.length;
  }
  const at = (l: CategoryLookup, i: number) => l.lut[l.data[i] + l.offset];
  const columnsOf = (i: number, out: Int32Array): number => {
    let n = 0;
    if (total) out[n++] = 0;
    for (let g = 0; g < parts.length; g++) {
      const p = parts[g];
      if (p.kind === 'single') {
        const c = at(p.look, i);
        if (c >= 0) out[n++] = start[g] + c;
      } else {
        const a = at(p.outer, i);
        const b = at(p.inner, i);
        if (a >= 0 && b >= 0) out[n++] = start[g] + a * p.inner.categories.length + b;
      }
    }
    return n;
  };
  return { ncol, maxPerCase: parts.length + (total ? 1 : 0), columnsOf };
}
