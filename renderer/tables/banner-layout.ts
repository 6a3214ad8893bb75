/**
 * Header rows for a banner table: a group row (variable labels), then one row per nesting level, with
 * col/row spans so nested columns sit under their outer category. The Totaal column spans all rows.
 */
import type { BannerColumn } from '../../shared/model/results';

export interface HeaderCell {
  key: string;
  text: string;
  letter: string;
  colSpan: number;
  rowSpan: number;
  leaf: boolean;
}

/**
 * Which top header block a column belongs to. Nested columns carry one comparison group per outer
 * category; in the header they share one block named after both variables.
 */
function blockKey(c: BannerColumn): string {
  return c.path.length > 1 ? `nest:${c.path.map((p) => p.variable).join('>')}` : `g:${c.group}`;
}

function samePrefix(a: BannerColumn, b: BannerColumn, depth: number): boolean {
  if (blockKey(a) !== blockKey(b) || a.path.length < depth || b.path.length < depth) return false;
  for (let i = 0; i < depth; i++) {
    if (a.path[i].variable !== b.path[i].variable || a.path[i].code !== b.path[i].code) return false;
  }
  return true;
}

export function headerRows(columns: BannerColumn[], varLabel: (name: string) => string = (n) => n): HeaderCell[][] {
  const depth = Math.max(1, ...columns.map((c) => c.path.length));
  const rows: HeaderCell[][] = Array.from({ length: depth + 1 }, () => []);
  // Row 0: groups; columns without a path (Totaal) span the whole header.
  for (let i = 0; i < columns.length;) {
    const c = columns[i];
    if (c.path.length === 0) {
      rows[0].push({ key: c.key, text: c.label, letter: c.letter, colSpan: 1, rowSpan: depth + 1, leaf: true });
      i++;
      continue;
    }
    let j = i + 1;
    while (j < columns.length && columns[j].path.length > 0 && blockKey(columns[j]) === blockKey(c)) j++;
    const text = c.path.length > 1 ? c.path.map((p) => varLabel(p.variable)).join(' × ') : c.group;
    rows[0].push({ key: `g:${i}`, text, letter: '', colSpan: j - i, rowSpan: 1, leaf: false });
    i = j;
  }
  for (let level = 1; level <= depth; level++) {
    for (let i = 0; i < columns.length;) {
      const c = columns[i];
      if (c.path.length < level) {
        i++;
        continue;
      }
      if (c.path.length === level) {
        rows[level].push({ key: c.key, text: c.path[level - 1].label, letter: c.letter, colSpan: 1, rowSpan: depth - level + 1, leaf: true });
        i++;
        continue;
      }
      let j = i + 1;
      while (j < columns.length && columns[j].path.length > level && samePrefix(c, columns[j], level)) j++;
      rows[level].push({ key: `${c.key}:${level}`, text: c.path[level - 1].label, letter: '', colSpan: j - i, rowSpan: 1, leaf: false });
      i = j;
    }
  }
  return rows;
}
