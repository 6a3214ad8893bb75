/** Sheet names of a workbook: what Excel accepts, unique without regard to case. */

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
