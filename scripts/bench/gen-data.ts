/**
 * Deterministic benchmark data in .bench/ (gitignored), made once and reused by every *.bench.ts:
 * 10M cases with
 *   a    12 categories (1..12), 99 = user-missing, some system-missing      (Int8)
 *   b    5 categories (1..5), 9 = user-missing                              (Int8)
 *   w    fractional weight 0.2–3 (4 decimals), a few zeros                  (Float64)
 *   x1..x5  numeric predictors (4 decimals), y binary outcome (logistic)    (Float64 / Int8)
 *   c01..c20  categorical variables with 2..12 categories                   (Int8)
 * written as one raw typed-array file per column plus manifest.json (what Duiding loads), and data.csv
 * (a,b,w,c02,c03,c05,x1..x5,y; system-missing empty) for R, PSPP, DuckDB and SQLite.
 *
 * Run directly (`npx tsx scripts/bench/gen-data.ts [rows]`) or import `ensureBenchData` / `loadBench`;
 * `medianMs` and `benchLine` keep every bench's timing and output format the same.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Column, type Dataset, type VariableMeta, newVariable } from '../../shared/model/dataset';

export const BENCH_DIR = resolve(process.env.DUIDING_BENCH_DIR ?? '.bench');
/** 10M cases; DUIDING_BENCH_ROWS makes a small set for trying the benches out. */
export const DEFAULT_ROWS = Number(process.env.DUIDING_BENCH_ROWS ?? 10_000_000);
const VERSION = 1;

interface ColumnEntry {
  name: string;
  type: 'i8' | 'f64';
  missing?: number[];
  measure: 'nominal' | 'scale';
}

interface Manifest {
  version: number;
  rows: number;
  columns: ColumnEntry[];
  csv: string;
  csvColumns: string[];
}

/** xorshift128+ as two 32-bit halves: fast, seeded, identical on every machine. */
function rng(seed: number): () => number {
  let s0 = seed >>> 0 || 1;
  let s1 = (seed * 2654435761) >>> 0 || 2;
  let s2 = 0x9e3779b9;
  let s3 = 0x7f4a7c15;
  return () => {
    const t = s0 ^ (s0 << 11);
    s0 = s1;
    s1 = s2;
    s2 = s3;
    s3 = (s3 ^ (s3 >>> 19) ^ (t ^ (t >>> 8))) >>> 0;
    return s3 / 4294967296;
  };
}

/** Category 1..k drawn with unequal (triangular) probabilities. */
function drawCategory(u: number, k: number): number {
  return Math.min(k, 1 + Math.floor(k * Math.sqrt(u)));
}

function generate(rows: number): { cols: Map<string, Int8Array | Float64Array>; entries: ColumnEntry[] } {
  const r = rng(20261125);
  const cols = new Map<string, Int8Array | Float64Array>();
  const entries: ColumnEntry[] = [];
  const i8 = (name: string, missing?: number[]) => {
    const d = new Int8Array(rows);
    cols.set(name, d);
    entries.push({ name, type: 'i8', missing, measure: 'nominal' });
    return d;
  };
  const f64 = (name: string) => {
    const d = new Float64Array(rows);
    cols.set(name, d);
    entries.push({ name, type: 'f64', measure: 'scale' });
    return d;
  };
  const a = i8('a', [99]);
  const b = i8('b', [9]);
  const w = f64('w');
  const xs = [1, 2, 3, 4, 5].map((j) => f64(`x${j}`));
  const y = i8('y');
  const cs = Array.from({ length: 20 }, (_, j) => i8(`c${String(j + 1).padStart(2, '0')}`));
  const beta = [0.4, -0.3, 0.2, 0.1, -0.05];
  for (let i = 0; i < rows; i++) {
    const u = r();
    a[i] = u < 0.005 ? -128 : u < 0.025 ? 99 : drawCategory(r(), 12);
    const v = r();
    b[i] = v < 0.01 ? 9 : 1 + ((drawCategory(r(), 5) + (a[i] % 3)) % 5);
    w[i] = r() < 0.001 ? 0 : Math.round((0.2 + 2.8 * r()) * 1e4) / 1e4;
    let eta = -0.2;
    for (let j = 0; j < 5; j++) {
      // Box–Muller; the predictors share a common factor so the regression is not trivially diagonal.
      const z = Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
      const x = Math.round((z + 0.3 * (j === 0 ? 0 : xs[0][i])) * 1e4) / 1e4;
      xs[j][i] = x;
      eta += beta[j] * x;
    }
    y[i] = r() < 1 / (1 + Math.exp(-eta)) ? 1 : 0;
    for (let j = 0; j < 20; j++) cs[j][i] = drawCategory(r(), 2 + (j % 11));
  }
  return { cols, entries };
}

const CSV_COLUMNS = ['a', 'b', 'w', 'c02', 'c03', 'c05', 'x1', 'x2', 'x3', 'x4', 'x5', 'y'];

function writeCsv(path: string, cols: Map<string, Int8Array | Float64Array>, rows: number): void {
  const fd = openSync(path, 'w');
  writeSync(fd, CSV_COLUMNS.join(',') + '\n');
  const data = CSV_COLUMNS.map((n) => cols.get(n)!);
  const chunk = 200_000;
  for (let s = 0; s < rows; s += chunk) {
    const lines: string[] = [];
    const e = Math.min(rows, s + chunk);
    for (let i = s; i < e; i++) {
      let line = '';
      for (let j = 0; j < data.length; j++) {
        const v = data[j][i];
        if (j > 0) line += ',';
        if (!(data[j] instanceof Int8Array && v === -128)) line += v;
      }
      lines.push(line);
    }
    writeSync(fd, lines.join('\n') + '\n');
  }
  closeSync(fd);
}

function readManifest(): Manifest | null {
  const p = join(BENCH_DIR, 'manifest.json');
  if (!existsSync(p)) return null;
  const m = JSON.parse(readFileSync(p, 'utf8')) as Manifest;
  return m.version === VERSION ? m : null;
}

/** Makes the data unless a manifest of this version and size exists; returns the manifest. */
export function ensureBenchData(rows = DEFAULT_ROWS): Manifest {
  const have = readManifest();
  if (have && have.rows === rows) return have;
  mkdirSync(BENCH_DIR, { recursive: true });
  const t0 = performance.now();
  const { cols, entries } = generate(rows);
  for (const [name, d] of cols) writeFileSync(join(BENCH_DIR, `${name}.bin`), new Uint8Array(d.buffer, d.byteOffset, d.byteLength));
  const csv = join(BENCH_DIR, 'data.csv');
  writeCsv(csv, cols, rows);
  const manifest: Manifest = { version: VERSION, rows, columns: entries, csv, csvColumns: CSV_COLUMNS };
  writeFileSync(join(BENCH_DIR, 'manifest.json'), JSON.stringify(manifest, null, 1));
  console.log(`# bench data: ${rows} rows written to ${BENCH_DIR} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return manifest;
}

/** Reads a column file straight into its typed array: no intermediate Buffer, so memory is the data. */
function readColumn(e: ColumnEntry, rows: number): Column {
  const data = e.type === 'i8' ? new Int8Array(rows) : new Float64Array(rows);
  const bytes = new Uint8Array(data.buffer);
  const fd = openSync(join(BENCH_DIR, `${e.name}.bin`), 'r');
  let off = 0;
  while (off < bytes.length) {
    const got = readSync(fd, bytes, off, Math.min(1 << 26, bytes.length - off), off);
    if (got <= 0) throw new Error(`short bench column file ${e.name}`);
    off += got;
  }
  closeSync(fd);
  return { kind: 'numeric', data };
}

/** Loads the named columns (default: all) as a Dataset, the way Duiding holds data in memory. */
export function loadBench(names?: string[]): Dataset {
  const m = readManifest();
  if (!m) throw new Error('no bench data: run scripts/bench/gen-data.ts first');
  const entries = names ? names.map((n) => m.columns.find((c) => c.name === n)!) : m.columns;
  const variables: VariableMeta[] = entries.map((e) =>
    newVariable(e.name, 'numeric', { measure: e.measure, missing: { values: e.missing ?? [], range: null } }),
  );
  return {
    name: 'bench',
    rows: m.rows,
    variables,
    columns: entries.map((e) => readColumn(e, m.rows)),
    weight: null,
    fileLabel: '',
    documents: [],
    mrSets: [],
  };
}

export function benchManifest(): Manifest {
  const m = readManifest();
  if (!m) throw new Error('no bench data: run scripts/bench/gen-data.ts first');
  return m;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('gen-data.ts')) {
  ensureBenchData(Number(process.argv[2] ?? DEFAULT_ROWS));
}

/** Median wall time in ms of `runs` calls (after one untimed warm-up call when `warm`). */
export async function medianMs(fn: () => unknown, runs: number, warm = true): Promise<number> {
  if (warm) await fn();
  const t: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    await fn();
    t.push(performance.now() - t0);
  }
  t.sort((x, y) => x - y);
  return t[Math.floor(t.length / 2)];
}

/** One `BENCH` line in the format every bench prints. */
export function benchLine(task: string, duidingMs: number, peer: string, peerMs: number): string {
  return `BENCH ${task} duiding_ms=${duidingMs.toFixed(1)} ${peer}_ms=${peerMs.toFixed(1)} ratio=${(peerMs / duidingMs).toFixed(2)}`;
}

/** Whether a peer's command (Rscript, pspp) is installed. */
export function haveCommand(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
