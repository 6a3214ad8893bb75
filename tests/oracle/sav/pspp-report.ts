/**
 * Reads the CSV that PSPP wrote for `SYSFILE INFO` and `MRSETS /DISPLAY` (make-fixtures.sh) into
 * plain records, so tests can compare our reader with what PSPP reported about each fixture.
 */

export type Table = string[][];

/** RFC 4180-style CSV with quoted fields that may hold newlines; blank lines end a table. */
export function parseCsvTables(text: string): Map<string, Table> {
  const tables = new Map<string, Table>();
  let current: Table | null = null;
  let i = 0;
  while (i < text.length) {
    const row: string[] = [];
    let field = '';
    for (;;) {
      const c = text[i];
      if (c === '"') {
        i++;
        for (;;) {
          if (text[i] === '"' && text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else if (text[i] === '"' || i >= text.length) {
            i++;
            break;
          } else field += text[i++];
        }
      } else if (c === ',') {
        row.push(field);
        field = '';
        i++;
      } else if (c === '\n' || c === undefined) {
        row.push(field);
        i++;
        break;
      } else field += text[i++];
    }
    if (row.length === 1 && row[0].startsWith('Table: ')) {
      current = [];
      if (!tables.has(row[0].slice(7))) tables.set(row[0].slice(7), current);
    } else if (row.length === 1 && row[0] === '') current = null;
    else current?.push(row);
  }
  return tables;
}

export interface PsppVariable {
  name: string;
  label: string;
  measure: string;
  role: string;
  displayWidth: number;
  alignment: string;
  format: string;
  missing: string;
}

export interface PsppReport {
  info: Map<string, string>;
  variables: PsppVariable[];
  mrSets: { name: string; label: string; type: string; countedValue: string; variables: string[] }[];
}

export function parsePsppReport(text: string): PsppReport {
  const t = parseCsvTables(text);
  const info = new Map((t.get('File Information') ?? []).map((r) => [r[0], r[1]] as [string, string]));
  const vt = t.get('Variables') ?? [];
  const head = vt[0] ?? [];
  const col = (row: string[], name: string): string => (head.indexOf(name) >= 0 ? row[head.indexOf(name)] : '');
  const variables = vt.slice(1).map((r) => ({
    name: col(r, 'Name'),
    label: col(r, 'Label'),
    measure: col(r, 'Measurement Level'),
    role: col(r, 'Role'),
    displayWidth: Number(col(r, 'Width')),
    alignment: col(r, 'Alignment'),
    format: col(r, 'Print Format'),
    missing: col(r, 'Missing Values'),
  }));
  const mrSets = (t.get('Multiple Response Sets') ?? []).slice(1).map((r) => ({
    name: r[0],
    label: r[1],
    type: r[2],
    countedValue: r[3],
    variables: r[4].split('\n'),
  }));
  return { info, variables, mrSets };
}

/** PSPP's rendering of a missing-value set, e.g. `LOWEST THRU -1; 99` or `"XX "; "NA "`. */
export function parsePsppMissing(s: string): { values: (number | string)[]; range: [number, number] | null } {
  const out: { values: (number | string)[]; range: [number, number] | null } = { values: [], range: null };
  if (!s) return out;
  const num = (x: string): number => (x === 'LOWEST' ? -Number.MAX_VALUE : x === 'HIGHEST' ? Number.MAX_VALUE : Number(x));
  for (const part of s.split('; ')) {
    if (part.startsWith('"')) out.values.push(part.slice(1, -1).replace(/""/g, '"').trimEnd());
    else if (part.includes(' THRU ')) {
      const [lo, hi] = part.split(' THRU ');
      out.range = [num(lo), num(hi)];
    } else out.values.push(num(part));
  }
  return out;
}
