/**
 * Every fixture in tests/fixtures/dta is read by R haven (ReadStat) in tests/oracle/dta/make.R and
 * dumped to JSON; our reader must agree on names, labels, formats (dates), value labels, every value,
 * and which values are Stata's extended missing `.a`–`.z` (mapped to codes EXT_BASE + 0..25 that are
 * declared user-missing). Formats 114, 115, 117, 118 and 119 from haven; byte/int/float storage,
 * Windows-1252 text and big-endian from the 114 writer in make.R; a Stata-written 118 file (iris).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isUserMissing, numericAt } from '../../../shared/model/dataset';
import { ImportError } from '../import-error';
import { readDta } from './read';
import { EXT_BASE } from './missing';

const root = join(__dirname, '../../..');
const DAY = 86400;
const UNIX_TO_SPSS = 141428 * DAY;

interface OracleVar {
  name: string;
  label: string;
  format: string;
  kind: 'numeric' | 'string' | 'date' | 'datetime';
  values: (number | string | null)[];
  tags: (string | null)[] | null;
  labels: { value: number | null; tag: string | null; label: string }[];
}
interface Oracle {
  rows: number;
  label: string;
  variables: OracleVar[];
}

const ext = (tag: string): number => EXT_BASE + tag.charCodeAt(0) - 97;
const files = ['panel-113', 'panel-114', 'panel-115', 'panel-117', 'panel-118', 'panel-119', 'types-114-lsf', 'types-114-msf', 'iris-stata-118'];

describe.each(files)('%s.dta agrees with R haven', (file) => {
  const oracle = JSON.parse(readFileSync(join(root, 'tests/oracle/dta', `${file}.json`), 'utf8')) as Oracle;

  it('dictionary, values and missing codes', async () => {
    const ds = await readDta(join(root, 'tests/fixtures/dta', `${file}.dta`));
    expect(ds.rows).toBe(oracle.rows);
    expect(ds.fileLabel).toBe(oracle.label);
    expect(ds.variables.map((v) => v.name)).toEqual(oracle.variables.map((v) => v.name));
    oracle.variables.forEach((ov, k) => {
      const meta = ds.variables[k];
      const col = ds.columns[k];
      expect(meta.label, ov.name).toBe(ov.label);
      if (ov.kind === 'string') {
        expect(col.kind).toBe('string');
        if (col.kind !== 'string') return;
        expect(
          Array.from(col.codes, (c) => col.dict[c]),
          ov.name,
        ).toEqual(ov.values);
        return;
      }
      expect(col.kind).toBe('numeric');
      if (col.kind !== 'numeric') return;
      if (ov.kind === 'date') expect(meta.format.type).toBe('DATE');
      if (ov.kind === 'datetime') expect(meta.format.type).toBe('DATETIME');
      const scale = ov.kind === 'date' ? DAY : 1;
      const offset = ov.kind === 'numeric' ? 0 : UNIX_TO_SPSS;
      ov.values.forEach((want, i) => {
        const got = numericAt(col, i);
        const tag = ov.tags?.[i];
        if (tag) {
          expect(got, `${ov.name}[${i}]`).toBe(ext(tag));
          expect(isUserMissing(meta.missing, got)).toBe(true);
        } else if (want === null) {
          expect(got, `${ov.name}[${i}]`).toBeNaN();
        } else {
          const w = (want as number) * scale + offset;
          expect(Math.abs(got - w), `${ov.name}[${i}] ${got} vs ${w}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(w)));
          expect(isUserMissing(meta.missing, got)).toBe(false);
        }
      });
      const labels: Record<string, string> = {};
      for (const l of ov.labels) labels[String(l.tag ? ext(l.tag) : l.value)] = l.label;
      // Unlabelled extended codes that occur get ".b"-style labels; all of R's labels must be there.
      for (const tag of ov.tags ?? []) if (tag && labels[String(ext(tag))] === undefined) labels[String(ext(tag))] = `.${tag}`;
      expect(meta.valueLabels, ov.name).toEqual(labels);
      const anyExt = Object.keys(labels).some((c) => Number(c) >= EXT_BASE);
      expect(meta.missing.range !== null, ov.name).toBe(anyExt);
    });
  });
});

describe('bad Stata input', () => {
  const dir = join(root, 'tests/fixtures/dta');
  const tmp = (name: string, bytes: Uint8Array): string => {
    const p = join(tmpdir(), `dta-bad-${process.pid}-${name}`);
    writeFileSync(p, bytes);
    return p;
  };
  async function fails(p: string): Promise<ImportError> {
    try {
      await readDta(p);
    } catch (e) {
      expect(e).toBeInstanceOf(ImportError);
      return e as ImportError;
    }
    throw new Error('expected an ImportError');
  }

  it('rejects a wrong format byte at offset 0', async () => {
    const e = await fails(tmp('magic.dta', Uint8Array.from([99, 2, 1, 0, 0, 0, 0, 0])));
    expect(e.offset).toBe(0);
  });

  it('rejects a header that claims more rows than the file holds, before allocating', async () => {
    const bytes = Uint8Array.from(readFileSync(join(dir, 'panel-114.dta')));
    new DataView(bytes.buffer).setUint32(6, 0xffffffff, true);
    const e = await fails(tmp('rows.dta', bytes));
    expect(e.reason).toContain('4294967295 rows');
    const big = Uint8Array.from(readFileSync(join(dir, 'panel-118.dta')));
    const at = Buffer.from(big).indexOf('<N>') + 3;
    new DataView(big.buffer).setBigUint64(at, 10n ** 12n, true);
    expect((await fails(tmp('rows118.dta', big))).reason).toContain('1000000000000 rows');
  });

  it('reports truncation with the offset where data ran out', async () => {
    const bytes = readFileSync(join(dir, 'panel-118.dta'));
    const e = await fails(tmp('trunc.dta', bytes.subarray(0, 2000)));
    expect(e.offset).not.toBeNull();
  });
});

describe('progress and cancel', () => {
  it('reports cases read and stops when aborted', async () => {
    const file = join(root, 'tests/fixtures/dta/iris-stata-118.dta');
    const seen: number[] = [];
    await readDta(file, { onProgress: (p) => seen.push(p.cases) });
    expect(seen.at(-1)).toBe(150);
    const ac = new AbortController();
    ac.abort();
    await expect(readDta(file, { signal: ac.signal })).rejects.toThrow('Import cancelled');
  });
});
