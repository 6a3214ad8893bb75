/** Turn a RowPage (column-major friendly arrays) into the row objects AG Grid's infinite model wants. */
import type { RowPage } from '../../shared/api/project';

export interface GridRow {
  /** 0-based row index in the dataset. */
  i: number;
  v: (number | string | null)[];
  /** 'u' user-missing, 's' system-missing, '' valid. */
  m: string[];
}

/** Rows of a page, with each value placed at the index of its variable in `variableOrder`. */
export function pageToRows(page: RowPage, variableOrder: string[]): GridRow[] {
  const pos = page.columns.map((c) => variableOrder.indexOf(c));
  return page.values.map((vals, r) => {
    const v: (number | string | null)[] = new Array(variableOrder.length).fill(null);
    const m: string[] = new Array(variableOrder.length).fill('');
    const miss = page.missing[r] ?? [];
    for (let c = 0; c < pos.length; c++) {
      if (pos[c] < 0) continue;
      v[pos[c]] = vals[c];
      m[pos[c]] = miss[c] ?? '';
    }
    return { i: page.start + r, v, m };
  });
}
