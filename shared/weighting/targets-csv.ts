/**
 * Targets kept the way CBS StatLine users keep them: one line per category, `variable;code;target`.
 * The column separator is a tab (pasted from Excel), `;` or `,` — whichever the first line uses; an
 * optional header line (its target column is no number); double quotes around fields are allowed; a
 * line `total;;N` (or `totaal`) gives the population total, which makes margins that sum to 1
 * proportions of it; blank lines and lines starting with # are skipped. Numbers follow
 * target-number.ts (decimal comma or point). Every problem names its line.
 */
import { WeightingError } from './errors';
import { parseTargetNumber } from './target-number';
import { parseTargetsJson, toTargetSet, type MarginTargets, type TargetSet } from './targets';

type Separator = ',' | ';' | '\t';

/** Splits one line into fields; a field may be quoted ("a;b", "" for a quote). */
export function splitFields(line: string, sep: Separator): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (line[i] === '"') {
      i++;
      for (; i < line.length; i++) {
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            field += '"';
            i++;
          } else {
            i++;
            break;
          }
        } else field += line[i];
      }
      while (i < line.length && line[i] !== sep) field += line[i++];
    } else {
      const end = line.indexOf(sep, i);
      field = end < 0 ? line.slice(i) : line.slice(i, end);
      i = end < 0 ? line.length : end;
    }
    out.push(field.trim());
    if (i >= line.length) return out;
    i++; // the separator
  }
}

function separatorOf(line: string): Separator {
  if (line.includes('\t')) return '\t';
  if (line.includes(';')) return ';';
  return ',';
}

const TOTAL = new Set(['total', 'totaal']);

export function parseTargetsCsv(text: string): TargetSet {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  let sep: Separator | null = null;
  let total: number | null = null;
  const margins = new Map<string, MarginTargets>();
  const seen = new Set<string>();
  let firstData = true;
  lines.forEach((raw, k) => {
    const line = k + 1;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
    sep ??= separatorOf(raw);
    const fields = splitFields(raw, sep);
    while (fields.length > 3 && fields[fields.length - 1] === '') fields.pop();
    if (fields.length !== 3) throw new WeightingError({ code: 'weight-targets', line, problem: 'csv-columns', value: raw.trim().slice(0, 80) });
    const [variable, code, targetText] = fields;
    const target = parseTargetNumber(targetText, sep);
    const header = firstData;
    firstData = false;
    if (Number.isNaN(target)) {
      if (header) return; // a header line such as variable;code;target
      throw new WeightingError({ code: 'weight-targets', line, problem: 'csv-number', value: targetText });
    }
    if (target < 0) throw new WeightingError({ code: 'weight-targets', line, problem: 'negative', value: targetText });
    if (variable === '') throw new WeightingError({ code: 'weight-targets', line, problem: 'csv-variable' });
    if (code === '' && TOTAL.has(variable.toLowerCase())) {
      if (!(target > 0)) throw new WeightingError({ code: 'weight-targets', line, problem: 'total', value: targetText });
      total = target;
      return;
    }
    if (code === '') throw new WeightingError({ code: 'weight-targets', line, problem: 'csv-code' });
    const key = variable.toLowerCase();
    const dup = `${key}\u0000${code}`;
    if (seen.has(dup)) throw new WeightingError({ code: 'weight-targets', line, problem: 'duplicate-code', value: `${variable} ${code}` });
    seen.add(dup);
    let m = margins.get(key);
    if (!m) margins.set(key, (m = { variables: [variable], entries: [] }));
    m.entries.push({ codes: [code], target, line });
  });
  if (margins.size === 0) throw new WeightingError({ code: 'weight-targets', problem: 'csv-empty' });
  return { total, margins: [...margins.values()] };
}

/** A targets file by its name: .json is the JSON form, anything else the CSV form. */
export function parseTargetsFile(name: string, text: string): TargetSet {
  return /\.json$/i.test(name) ? toTargetSet(parseTargetsJson(text)) : parseTargetsCsv(text);
}
