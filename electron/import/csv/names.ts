/**
 * Variable names from header cells. Names follow SPSS rules (start with a letter, then letters,
 * digits, _ or ., at most 64 characters, unique ignoring case) so the dataset can be written back to
 * .sav; the original header text is kept as the variable label whenever the name had to change.
 */

export interface NamedColumn {
  name: string;
  label: string;
}

const MAX_NAME = 64;

function clean(text: string): string {
  let n = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_.]+/g, '_')
    .replace(/^_+|[_.]+$/g, '');
  if (n !== '' && !/^[A-Za-z]/.test(n)) n = `v${n}`;
  return n.slice(0, MAX_NAME);
}

export function columnNames(header: string[] | null, count: number): NamedColumn[] {
  const used = new Set<string>();
  const out: NamedColumn[] = [];
  for (let k = 0; k < count; k++) {
    const text = header?.[k]?.trim() ?? '';
    let base = clean(text) || `V${k + 1}`;
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      const suffix = `_${n}`;
      base = base.slice(0, MAX_NAME - suffix.length);
      name = base + suffix;
    }
    used.add(name.toLowerCase());
    out.push({ name, label: text !== name ? text : '' });
  }
  return out;
}
