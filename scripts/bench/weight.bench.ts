/**
 * Raking 10M cases to 3 margins with 5, 10 and 12 categories (b, c09, a of the bench data; cases
 * missing on a or b get no weight) in Duiding and in R `survey::rake` on the same data and targets, in
 * the same run. Both start from equal weights and iterate to a relative precision of 1e-10 (R: change of
 * the weighted table below 1e-10 of the total). Duiding's time is the whole run (classify, rake, write
 * the weights, report); R's is svydesign + rake on the data.frame. The two agree on the weights.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runWeighting, type Targets } from '../../shared/weighting/index';
import { BENCH_DIR, benchLine, benchManifest, ensureBenchData, haveCommand, loadBench, medianMs } from './gen-data';

const MARGINS = [
  { variable: 'b', k: 5 },
  { variable: 'c09', k: 10 },
  { variable: 'a', k: 12 },
];
/** An invented population, larger than the sample, with shares unlike the sample's. */
const POPULATION = 17_900_000;

/** Targets: shares falling off with the code (1, 1/2, 1/3, … reweighted) times the population. */
function targets(): Targets {
  return {
    total: POPULATION,
    margins: MARGINS.map(({ variable, k }) => {
      const raw = Array.from({ length: k }, (_, j) => 1 + 1 / (j + 1));
      const s = raw.reduce((x, y) => x + y, 0);
      return { variable, targets: Object.fromEntries(raw.map((v, j) => [String(j + 1), (v / s) * POPULATION])) };
    }),
  };
}

/** The three columns as CSV for R, written once next to the bench data (system-missing empty). */
function csvFor(ds: ReturnType<typeof loadBench>): string {
  const path = join(BENCH_DIR, 'weight.csv');
  const manifest = join(BENCH_DIR, 'manifest.json');
  if (existsSync(path) && statSync(path).mtimeMs >= statSync(manifest).mtimeMs) return path;
  const cols = ds.columns.map((c) => (c as { data: Int8Array }).data);
  const lines: string[] = ['a,b,c09'];
  const parts: string[] = [];
  for (let i = 0; i < ds.rows; i++) {
    lines.push(cols.map((d) => (d[i] === -128 ? '' : String(d[i]))).join(','));
    if (lines.length >= 500_000) {
      parts.push(lines.join('\n'));
      lines.length = 0;
    }
  }
  parts.push(lines.join('\n'));
  writeFileSync(path, parts.join('\n') + '\n');
  return path;
}

function rSurvey(csv: string, t: Targets): { ms: number; cpuMs: number; loadMs: number; n: number; sumW2: number; head: number[] } {
  const script = join(BENCH_DIR, 'weight.R');
  const vec = (m: { targets: Record<string, number> }) =>
    `c(${Object.values(m.targets)
      .map((v) => v.toPrecision(17))
      .join(', ')})`;
  const [mb, mc, ma] = t.margins!;
  writeFileSync(
    script,
    `suppressPackageStartupMessages({ library(data.table); library(survey) })
t0 <- proc.time()[["elapsed"]]
DT <- fread("${csv}")
d <- as.data.frame(DT[a %in% 1:12 & b %in% 1:5])
d$w0 <- ${POPULATION} / nrow(d)
load <- proc.time()[["elapsed"]] - t0
s <- proc.time()[["elapsed"]]; cpu0 <- sum(proc.time()[c("user.self", "sys.self")])
des <- svydesign(ids = ~1, weights = ~w0, data = d)
r <- rake(des, list(~b, ~c09, ~a),
  list(data.frame(b = 1:5, Freq = ${vec(mb)}), data.frame(c09 = 1:10, Freq = ${vec(mc)}), data.frame(a = 1:12, Freq = ${vec(ma)})),
  control = list(maxit = 100, epsilon = 1e-10))
ms <- (proc.time()[["elapsed"]] - s) * 1000; cpu <- (sum(proc.time()[c("user.self", "sys.self")]) - cpu0) * 1000
w <- weights(r)
cat(sprintf('{"ms":%f,"cpu":%f,"load":%f,"n":%d,"sumW2":%.17g,"head":[%s]}\\n', ms, cpu, load * 1000, length(w), sum(w^2), paste(sprintf("%.17g", w[1:5]), collapse = ",")))
`,
  );
  const out = execFileSync('Rscript', [script], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const r = JSON.parse(out.trim().split('\n').pop()!);
  return { ms: r.ms, cpuMs: r.cpu, loadMs: r.load, n: r.n, sumW2: r.sumW2, head: r.head };
}

async function main(): Promise<void> {
  ensureBenchData();
  const ds = loadBench(['a', 'b', 'c09']);
  const t = targets();
  const spec = { method: 'rake' as const, targets: t };
  const run = () => runWeighting(ds, spec);
  const ms = await medianMs(run, 5);
  const cpu0 = process.cpuUsage();
  const { weights, report } = run();
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  let sumW2 = 0;
  const head: number[] = [];
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (w !== w) continue;
    sumW2 += w * w;
    if (head.length < 5) head.push(w);
  }
  console.log(
    `# duiding weight: ${report.n} of ${benchManifest().rows} cases weighted (${report.excluded} missing a or b), ${report.iterations} sweeps, largest relative margin difference ${report.difference.toExponential(1)}`,
  );
  if (!haveCommand('Rscript')) {
    console.log('# skip r_survey: Rscript not installed');
    return;
  }
  const r = rSurvey(csvFor(ds), t);
  const agree = r.n === report.n && Math.abs(r.sumW2 - sumW2) <= 1e-8 * sumW2 && r.head.every((w, k) => Math.abs(w - head[k]) <= 1e-8 * w);
  console.log(`# r_survey: fread + subset ${r.loadMs.toFixed(0)} ms; ${r.n} weights, Σw² ${agree ? 'and the first weights agree' : 'DISAGREE'} with duiding`);
  console.log(`# CPU time of one run: duiding ${cpuMs.toFixed(0)} ms, R svydesign + rake ${r.cpuMs.toFixed(0)} ms (ratio ${(r.cpuMs / cpuMs).toFixed(1)})`);
  console.log(benchLine('weight', ms, 'r_survey', r.ms));
}

void main();
