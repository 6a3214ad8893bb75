/**
 * .sav import benchmark: 10M cases × 20 numeric variables, bytecode-compressed, written once by our
 * own writer into .bench/ (gitignored). Times our reader (median of 3, each run in a fresh process so
 * peak memory is its own) and R haven's read_sav on the same file (timed inside R, if Rscript exists).
 *   npx tsx scripts/bench/import.bench.ts [--rows N]
 * Prints:
 *   BENCH import duiding_ms=<median> haven_ms=<median> ratio=<haven/duiding>
 *   BENCH import-memory duiding_mb=<peak RSS growth> columns_mb=<stored column bytes>
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Column, Dataset, VariableMeta } from '../../shared/model/dataset';
import { newVariable } from '../../shared/model/dataset';
import { readSav } from '../../electron/import/sav/index';
import { writeSav } from '../../electron/import/sav/write';

const args = process.argv.slice(2);
const rowsArg = args.indexOf('--rows');
const ROWS = rowsArg >= 0 ? Number(args[rowsArg + 1]) : 10_000_000;
const DIR = resolve(process.env.DUIDING_BENCH_DIR ?? '.bench');
const FILE = join(DIR, `import-${ROWS}x20.sav`);
const SELF = fileURLToPath(import.meta.url);

/** Survey-like columns: 14 small codes (some user-missing 9/99, a little system-missing), 6 doubles. */
function benchDataset(rows: number): Dataset {
  let s = 0x9e3779b9;
  const rnd = (): number => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  const variables: VariableMeta[] = [];
  const columns: Column[] = [];
  for (let v = 0; v < 20; v++) {
    const name = v < 14 ? `c${v + 1}` : `x${v - 13}`;
    if (v < 14) {
      const k = 2 + (v % 11);
      const d = new Int8Array(rows);
      for (let i = 0; i < rows; i++) {
        const u = rnd();
        d[i] = u < 0.01 ? -128 : u < 0.03 ? 99 : 1 + Math.floor(rnd() * k);
      }
      variables.push(
        newVariable(name, 'numeric', { measure: 'nominal', missing: { values: [99], range: null }, format: { type: 'F', width: 2, decimals: 0 } }),
      );
      columns.push({ kind: 'numeric', data: d });
    } else {
      const d = new Float64Array(rows);
      for (let i = 0; i < rows; i++) d[i] = rnd() < 0.005 ? NaN : Math.round(rnd() * 1e8) / 1e4;
      variables.push(newVariable(name, 'numeric', { format: { type: 'F', width: 12, decimals: 4 } }));
      columns.push({ kind: 'numeric', data: d });
    }
  }
  return { name: 'bench', rows, variables, columns, weight: null, fileLabel: 'Duiding import benchmark', documents: [], mrSets: [] };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Child mode: one timed read, reporting time, peak RSS growth and the stored column bytes. */
async function readOnce(): Promise<void> {
  const base = process.memoryUsage().rss;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const ds = await readSav(FILE);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const peak = process.resourceUsage().maxRSS * 1024;
  const bytes = ds.columns.reduce((n, c) => n + (c.kind === 'numeric' ? c.data.byteLength : c.codes.byteLength), 0);
  console.log(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, rows: ds.rows, growthMb: (peak - base) / 2 ** 20, columnsMb: bytes / 2 ** 20 }));
}

/** Median wall and CPU milliseconds of haven::read_sav over 3 reads, timed inside R. */
function haven(): { ms: number; cpuMs: number } | null {
  try {
    execFileSync('Rscript', ['--version'], { stdio: 'ignore' });
  } catch {
    return null;
  }
  const r = `suppressMessages(library(haven)); ms <- c(); cpu <- c();
for (i in 1:3) { invisible(gc()); t0 <- proc.time(); d <- read_sav("${FILE}"); t <- proc.time() - t0;
  ms <- c(ms, t[["elapsed"]] * 1000); cpu <- c(cpu, (t[["user.self"]] + t[["sys.self"]]) * 1000); rm(d) }
cat(median(ms), median(cpu))`;
  const [ms, cpuMs] = execFileSync('Rscript', ['-e', r], { encoding: 'utf8', maxBuffer: 1 << 20 })
    .trim()
    .split(/\s+/)
    .map(Number);
  return { ms, cpuMs };
}

async function main(): Promise<void> {
  if (args.includes('--read-once')) return readOnce();
  if (!existsSync(FILE)) {
    mkdirSync(DIR, { recursive: true });
    const t0 = performance.now();
    await writeSav(FILE, benchDataset(ROWS), { compression: 'bytecode' });
    console.log(`# wrote ${FILE} in ${Math.round(performance.now() - t0)} ms`);
  }
  const runs: { ms: number; cpuMs: number; rows: number; growthMb: number; columnsMb: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const out = execFileSync(process.execPath, [...process.execArgv, SELF, '--read-once', '--rows', String(ROWS)], { encoding: 'utf8' });
    runs.push(JSON.parse(out.trim().split('\n').pop()!));
  }
  if (runs.some((r) => r.rows !== ROWS)) throw new Error(`read ${runs.map((r) => r.rows)} rows, expected ${ROWS}`);
  const ours = median(runs.map((r) => r.ms));
  const oursCpu = median(runs.map((r) => r.cpuMs));
  const h = haven();
  const ratio = h === null ? 'NA' : (h.ms / ours).toFixed(2);
  console.log(`BENCH import duiding_ms=${Math.round(ours)} haven_ms=${h === null ? 'NA' : Math.round(h.ms)} ratio=${ratio}`);
  // CPU time is less sensitive than wall time to other work on a shared machine.
  console.log(`# cpu duiding_cpu_ms=${Math.round(oursCpu)} haven_cpu_ms=${h === null ? 'NA' : Math.round(h.cpuMs)}`);
  const growth = Math.max(...runs.map((r) => r.growthMb));
  console.log(`BENCH import-memory duiding_mb=${Math.round(growth)} columns_mb=${Math.round(runs[0].columnsMb)}`);
}

await main();
