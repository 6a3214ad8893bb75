/**
 * Every fixture in tests/fixtures/sav (written by PSPP, R haven and our writer) is read with our
 * reader and compared with what R haven (expected/*.haven.json) and PSPP (expected/*.pspp.csv)
 * reported about the same file; both made by tests/oracle/sav/make-fixtures.sh.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Dataset, numericAt, type VariableMeta } from '../../../shared/model/dataset';
import { parsePsppMissing, parsePsppReport } from '../../../tests/oracle/sav/pspp-report';
import { readSav } from './index';

const FIX = join(__dirname, '../../../tests/fixtures/sav');
const EXP = join(__dirname, '../../../tests/oracle/sav/expected');
const files = readdirSync(FIX)
  .filter((f) => /\.z?sav$/.test(f))
  .sort();

interface HavenVar {
  name: string;
  label: string;
  type: 'numeric' | 'string';
  format: string;
  displayWidth: number | null;
  valueLabels: Record<string, string> | [];
  naValues: (number | string)[] | null;
  naRange: (number | string)[] | null;
}
interface HavenDoc {
  rows: number;
  fileLabel: string | null;
  variables: HavenVar[];
  firstRows: Record<string, (number | string | null)[]>;
}

const inf = (x: number | string): number => (x === '-Inf' ? -Number.MAX_VALUE : x === 'Inf' ? Number.MAX_VALUE : Number(x));

/** PSPP's spelling of a print format: decimals shown for formats that can have them. */
function psppFormat(v: VariableMeta): string {
  const f = v.format;
  const noDecimals = ['A', 'AHEX', 'DATE', 'ADATE', 'EDATE', 'JDATE', 'SDATE', 'QYR', 'MOYR', 'WKYR', 'WKDAY', 'MONTH'];
  return noDecimals.includes(f.type) ? `${f.type}${f.width}` : `${f.type}${f.width}.${f.decimals}`;
}

function close(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
}

function compareHaven(ds: Dataset, doc: HavenDoc): void {
  expect(ds.rows).toBe(doc.rows);
  if (doc.fileLabel !== null) expect(ds.fileLabel).toBe(doc.fileLabel);
  expect(ds.variables.map((v) => v.name)).toEqual(doc.variables.map((v) => v.name));
  doc.variables.forEach((h, i) => {
    const v = ds.variables[i];
    const where = `${v.name}`;
    expect(v.label, where).toBe(h.label);
    expect(v.type, where).toBe(h.type);
    const m = /^([A-Z]+)(\d+)(?:\.(\d+))?$/.exec(h.format);
    expect(m, where).not.toBeNull();
    expect([v.format.type, v.format.width, v.format.decimals], where).toEqual([m![1], Number(m![2]), Number(m![3] ?? 0)]);
    if (h.displayWidth !== null) expect(v.displayWidth, where).toBe(h.displayWidth);
    const labels = Array.isArray(h.valueLabels) ? {} : h.valueLabels;
    const expected = Object.fromEntries(Object.entries(labels).map(([k, l]) => [h.type === 'numeric' ? String(Number(k)) : k.trimEnd(), l]));
    expect(v.valueLabels, where).toEqual(expected);
    const na = (h.naValues ?? []).map((x) => (typeof x === 'string' && h.type === 'string' ? x.trimEnd() : inf(x)));
    expect(v.missing.values, where).toEqual(na);
    expect(v.missing.range, where).toEqual(h.naRange ? [inf(h.naRange[0]), inf(h.naRange[1])] : null);
    const col = ds.columns[i];
    if (h.type !== 'string') expect(col.kind).toBe('numeric');
    doc.firstRows[h.name].forEach((want, r) => {
      if (col.kind === 'string') expect(col.dict[col.codes[r]], `${where}[${r}]`).toBe(String(want).trimEnd());
      else {
        const got = numericAt(col, r);
        if (want === null) expect(got, `${where}[${r}]`).toBeNaN();
        else expect(close(got, Number(want)), `${where}[${r}] ${got} vs ${want}`).toBe(true);
      }
    });
  });
}

function comparePspp(ds: Dataset, csv: string, hasHaven: boolean): void {
  const r = parsePsppReport(csv);
  const cases = r.info.get('Cases');
  if (cases !== 'Unknown') expect(ds.rows).toBe(Number(cases));
  expect(ds.fileLabel).toBe(r.info.get('Label') ?? '');
  const weight = ds.weight === null ? 'Not weighted' : ds.variables.find((v) => v.name === ds.weight)!;
  expect(typeof weight === 'string' ? weight : weight.label || weight.name).toBe(r.info.get('Weight'));
  expect(ds.documents.join('\n')).toBe(r.info.get('Documents') ?? '');
  expect(ds.variables.length).toBe(r.variables.length);
  r.variables.forEach((p, i) => {
    const v = ds.variables[i];
    expect(v.name).toBe(p.name);
    expect(v.label, v.name).toBe(p.label);
    expect(v.measure, v.name).toBe(p.measure.toLowerCase());
    expect(v.role === 'none' ? 'None' : 'Input', v.name).toBe(p.role === 'None' ? 'None' : 'Input');
    expect(v.displayWidth, v.name).toBe(p.displayWidth);
    expect(v.alignment, v.name).toBe(p.alignment.toLowerCase());
    expect(psppFormat(v), v.name).toBe(p.format);
    // PSPP 1.6 misreads SPSS-style long string missing values; haven is the oracle where it can read the file.
    if (!hasHaven) expect(v.missing, v.name).toEqual(parsePsppMissing(p.missing));
  });
  // PSPP lists the sets sorted by name.
  const byName = [...ds.mrSets].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  expect(
    byName.map((m) => ({
      name: m.name,
      label: m.label,
      type: m.type === 'categories' ? 'Categories' : 'Dichotomies',
      countedValue: m.countedValue === undefined ? '' : String(m.countedValue),
      variables: m.variables,
    })),
  ).toEqual(r.mrSets);
}

describe('readSav agrees with R haven and PSPP on every fixture', () => {
  it('has fixtures', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
  });
  for (const f of files) {
    it(f, async () => {
      const ds = await readSav(join(FIX, f));
      const haven = join(EXP, `${f}.haven.json`);
      const pspp = join(EXP, `${f}.pspp.csv`);
      if (existsSync(haven)) compareHaven(ds, JSON.parse(readFileSync(haven, 'utf8')) as HavenDoc);
      expect(existsSync(pspp)).toBe(true);
      comparePspp(ds, readFileSync(pspp, 'utf8'), existsSync(haven));
      // Tiny chunks put every record and case boundary across a refill; the result must not change.
      const small = await readSav(join(FIX, f), { chunkSize: 263 });
      expect(small).toEqual(ds);
    });
  }
});
