/**
 * Weighted 12×5 crosstab over 10M cases (counts, Σw and Σw² per cell, user-missing excluded) in Duiding
 * and every installed peer, on the same generated data. Compute is timed apart from loading; each peer
 * returns Σw of the valid table so the run can say that all engines agree.
 *   limit       a bare typed-array loop that only adds the weights
 *   duckdb      @duckdb/node-api, in-memory table, GROUP BY
 *   r_xtabs     xtabs(w ~ a + b, subset) on a data.frame from data.table::fread
 *   r_datatable data.table DT[valid, .(.N, sum(w), sum(w^2)), by = .(a, b)]
 *   pspp        (GET DATA + CROSSTABS) − (GET DATA + EXECUTE): PSPP reads the file for every procedure
 *   sqlite      better-sqlite3 in-memory table, GROUP BY
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { crosstab } from '../../shared/engine/crosstab';
import { describeEngine, setUpEngine } from './engine-setup';
import { BENCH_DIR, benchLine, ensureBenchData, haveCommand, loadBench, medianMs } from './gen-data';

const manifest = ensureBenchData();
const CSV = manifest.csv;
const SQL = `SELECT a, b, count(*) AS n, sum(w) AS sw, sum(w * w) AS sw2 FROM t
  WHERE a BETWEEN 1 AND 12 AND b BETWEEN 1 AND 5 AND w > 0 GROUP BY a, b`;

interface PeerResult {
  ms: number;
  loadMs: number;
  total: number;
}

function say(line: string): void {
  console.log(line);
}

async function duiding(): Promise<{ ms: number; limitMs: number; total: number }> {
  const ds = loadBench(['a', 'b', 'w']);
  const opts = { row: 'a', col: 'b', weight: { variable: 'w', type: 'frequency' as const } };
  const w = (ds.columns[2] as { data: Float64Array }).data;
  const limit = () => {
    let s = 0;
    for (let i = 0; i < w.length; i++) s += w[i];
    return s;
  };
  await describeEngine('crosstab', () => crosstab(ds, opts), 5);
  await setUpEngine();
  const ms = await medianMs(() => crosstab(ds, opts), 9);
  const limitMs = await medianMs(limit, 9);
  return { ms, limitMs, total: crosstab(ds, opts).total ?? NaN };
}

async function duckdb(): Promise<PeerResult> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const inst = await DuckDBInstance.create(':memory:');
  const con = await inst.connect();
  const t0 = performance.now();
  await con.run(`CREATE TABLE t AS SELECT * FROM read_csv('${CSV}', header = true)`);
  const loadMs = performance.now() - t0;
  const query = async () => (await con.runAndReadAll(SQL)).getRowObjects();
  const ms = await medianMs(query, 5);
  const rows = await query();
  const total = rows.reduce((s, r) => s + Number(r.sw), 0);
  con.closeSync();
  return { ms, loadMs, total };
}

function sqlite(): PeerResult {
  const Database = createRequire(import.meta.url)('better-sqlite3') as typeof import('better-sqlite3');
  const db = new Database(':memory:');
  const ds = loadBench(['a', 'b', 'w']);
  const [a, b, w] = ds.columns.map((c) => (c as { data: Int8Array | Float64Array }).data);
  const t0 = performance.now();
  db.exec('CREATE TABLE t (a INTEGER, b INTEGER, w REAL)');
  const ins = db.prepare('INSERT INTO t VALUES (?, ?, ?)');
  db.transaction(() => {
    for (let i = 0; i < a.length; i++) ins.run(a[i] === -128 ? null : a[i], b[i] === -128 ? null : b[i], w[i]);
  })();
  const loadMs = performance.now() - t0;
  const stmt = db.prepare(SQL);
  const ms = medianTimeSync(() => stmt.all(), 3);
  const total = (stmt.all() as Array<{ sw: number }>).reduce((s, r) => s + r.sw, 0);
  db.close();
  return { ms, loadMs, total };
}

function medianTimeSync(fn: () => unknown, runs: number): number {
  const t: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return t.sort((x, y) => x - y)[Math.floor(runs / 2)];
}

/** R peers in one R process: returns {load, xtabs, datatable, total_x, total_dt} in ms. */
function rPeers(): Record<string, number> | null {
  if (!haveCommand('Rscript')) return null;
  const script = join(BENCH_DIR, 'crosstab.R');
  writeFileSync(
    script,
    `suppressPackageStartupMessages(library(data.table))
t0 <- proc.time()[["elapsed"]]
DT <- fread("${CSV}", select = c("a", "b", "w"))
df <- as.data.frame(DT)
load <- proc.time()[["elapsed"]] - t0
# Median of k runs, fewer when one run takes over 20 s (R xtabs on a busy machine).
tm <- function(f, k) { x <- c(); for (i in seq_len(k)) { s <- proc.time()[["elapsed"]]; f(); x <- c(x, proc.time()[["elapsed"]] - s); if (x[i] > 20) break }; median(x) * 1000 }
fx <- function() xtabs(w ~ a + b, data = df, subset = a >= 1 & a <= 12 & b >= 1 & b <= 5 & w > 0)
fd <- function() DT[a >= 1 & a <= 12 & b >= 1 & b <= 5 & w > 0, .(n = .N, sw = sum(w), sw2 = sum(w^2)), by = .(a, b)]
x <- tm(fx, 3); d <- tm(fd, 5)
tx <- sum(fx()); td <- sum(fd()$sw)
cat(sprintf('{"load":%f,"xtabs":%f,"datatable":%f,"total_x":%.10f,"total_dt":%.10f}\\n', load * 1000, x, d, tx, td))
`,
  );
  const out = execFileSync('Rscript', [script], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!);
}

/** PSPP: elapsed time of running a syntax body after `prelude`. */
function psppRun(prelude: string, body: string, name: string): number {
  const sps = join(BENCH_DIR, name);
  writeFileSync(sps, `${prelude}\n${body}\n`);
  const t0 = performance.now();
  execFileSync('pspp', ['-o', join(BENCH_DIR, `${name}.txt`), sps], { stdio: 'ignore' });
  return performance.now() - t0;
}

/**
 * PSPP reads its data source for every procedure, so compute = (GET + CROSSTABS) − (GET + EXECUTE), each
 * the median of 3 runs, on a .sav written once from the CSV (reading a system file is much cheaper and
 * steadier than parsing CSV, so the difference is not drowned in parse time).
 */
function pspp(): { ms: number; loadMs: number; csvMs: number } | null {
  if (!haveCommand('pspp')) return null;
  const sav = join(BENCH_DIR, 'crosstab.sav');
  const csvMs = psppRun(
    `GET DATA /TYPE=TXT /FILE='${CSV}' /ARRANGEMENT=DELIMITED /DELCASE=LINE /FIRSTCASE=2 /DELIMITERS=','
  /VARIABLES=a F3.0 b F2.0 w F8.4.`,
    `SAVE OUTFILE='${sav}'.`,
    'to-sav.sps',
  );
  const prelude = `GET FILE='${sav}'.\nMISSING VALUES a (99) b (9).\nWEIGHT BY w.`;
  const med = (f: () => number) => [f(), f(), f()].sort((x, y) => x - y)[1];
  const loadMs = med(() => psppRun(prelude, 'EXECUTE.', 'load.sps'));
  const full = med(() => psppRun(prelude, 'CROSSTABS /TABLES=a BY b /CELLS=COUNT /STATISTICS=CHISQ.', 'crosstab.sps'));
  return { ms: full - loadMs, loadMs, csvMs };
}

async function main(): Promise<void> {
  const d = await duiding();
  const { ms, limitMs } = d;
  say(`# duiding crosstab a×b weighted, 10M rows: total Σw = ${d.total.toFixed(4)}`);
  say(benchLine('crosstab', ms, 'limit', limitMs));
  const check = (peer: string, total: number) => {
    const ok = Math.abs(total - d.total) <= 1e-6 * d.total;
    say(`# ${peer}: Σw = ${total.toFixed(4)} ${ok ? 'agrees' : 'DISAGREES'} with duiding`);
  };
  try {
    const r = await duckdb();
    say(`# duckdb load ${r.loadMs.toFixed(0)} ms`);
    check('duckdb', r.total);
    say(benchLine('crosstab', ms, 'duckdb', r.ms));
  } catch (e) {
    say(`# skip duckdb: ${(e as Error).message.split('\n')[0]}`);
  }
  const r = rPeers();
  if (!r) say('# skip r_xtabs, r_datatable: Rscript not installed');
  else {
    say(`# R fread load ${r.load.toFixed(0)} ms`);
    check('r_xtabs', r.total_x);
    check('r_datatable', r.total_dt);
    say(benchLine('crosstab', ms, 'r_xtabs', r.xtabs));
    say(benchLine('crosstab', ms, 'r_datatable', r.datatable));
  }
  const p = pspp();
  if (!p) say('# skip pspp: not installed');
  else {
    say(`# pspp: CSV to .sav ${p.csvMs.toFixed(0)} ms; GET FILE + EXECUTE ${p.loadMs.toFixed(0)} ms; compute = difference`);
    if (p.ms > 0) say(benchLine('crosstab', ms, 'pspp', p.ms));
    else say('# skip pspp: compute time not separable from load time in this run (machine too noisy)');
  }
  if (!existsSync(join('node_modules', 'better-sqlite3'))) say('# skip sqlite: better-sqlite3 not installed');
  else {
    try {
      const s = sqlite();
      say(`# sqlite load ${s.loadMs.toFixed(0)} ms`);
      check('sqlite', s.total);
      say(benchLine('crosstab', ms, 'sqlite', s.ms));
    } catch (e) {
      say(`# skip sqlite: ${(e as Error).message.split('\n')[0]}`);
    }
  }
}

void main();
