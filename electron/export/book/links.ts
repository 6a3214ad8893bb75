/**
 * Links between sheets of one workbook. exceljs' streaming writer stores every hyperlink as an
 * external relationship, which Excel treats as a file to open; a jump to another sheet must be a
 * `location` attribute instead. This hooks the one sheet's link list so links given as "#Sheet!A1"
 * are written that way (the non-streaming writer does the same), and leaves other links alone.
 */
import type { Worksheet } from 'exceljs';

interface LinkRecord {
  address: string;
  target?: string;
  rId?: string;
}

interface RelsWriter {
  addHyperlink(h: { address: string; target: string }): void;
  _hyperlinks: LinkRecord[];
}

export function enableInternalLinks(ws: Worksheet): void {
  const rels = (ws as unknown as { _sheetRelsWriter?: RelsWriter })._sheetRelsWriter;
  if (!rels || !Array.isArray(rels._hyperlinks)) return; // another exceljs: links stay external ("#..." still works in Excel)
  const external = rels.addHyperlink.bind(rels);
  rels.addHyperlink = (h) => {
    if (h.target.startsWith('#')) rels._hyperlinks.push({ address: h.address, target: h.target.slice(1) });
    else external(h);
  };
}

/** "#'Sheet name'!A1" for a cell of another sheet. */
export function sheetLink(sheet: string, row = 1, col = 'A'): string {
  return `#'${sheet.replace(/'/g, "''")}'!${col}${row}`;
}

const FORBIDDEN = /[\\/?*[\]:!]/g;

/** Excel sheet names: at most 31 characters, none of \ / ? * [ ] :, unique without regard to case. */
export function uniqueSheetName(wanted: string, taken: Set<string>): string {
  const base =
    wanted
      .replace(FORBIDDEN, '_')
      .replace(/^'+|'+$/g, '')
      .slice(0, 31) || 'Tabel';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) {
    const suffix = ` (${i})`;
    name = base.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}
