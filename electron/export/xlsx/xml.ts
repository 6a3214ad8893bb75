/** Text and attribute escaping for SpreadsheetML parts, and A1 cell references. */

// eslint-disable-next-line no-control-regex -- XML 1.0 forbids these characters; they are what is found
const SPECIAL = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
// eslint-disable-next-line no-control-regex -- as above
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/**
 * `s` as element text or attribute value: markup characters escaped, characters XML 1.0 forbids
 * dropped (Excel refuses a file with them; exceljs and LibreOffice would read it). Most labels need
 * nothing, so the test comes first.
 */
export function xmlEscape(s: string): string {
  if (!SPECIAL.test(s)) return s;
  return s.replace(FORBIDDEN, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const letters: string[] = [''];

/** Column letters of 1-based column `c` (1 → A, 27 → AA). */
export function colName(c: number): string {
  let name = letters[c];
  if (name === undefined) {
    name = '';
    for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
    letters[c] = name;
  }
  return name;
}

export function cellRef(row: number, col: number): string {
  return colName(col) + row;
}

/** A sheet name inside a formula or link: always quoted, quotes doubled ('Jan''s'). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
