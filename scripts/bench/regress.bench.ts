/**
 * Regression benchmark: OLS and binary logit with 5 numeric predictors over the 10M-case bench data
 * (scripts/bench/gen-data.ts), Duiding's engine against R's lm and glm on the same data.
 * Compute time only: both sides load the data first (R with data.table::fread) and time the fit alone.
 * Prints `BENCH ols duiding_ms=.. r_lm_ms=.. ratio=..` and `BENCH logit duiding_ms=.. r_glm_ms=.. ratio=..`
 * (ratio = peer / duiding, medians of BENCH_REPS runs, default 3) and how far the coefficients differ;
 * `BENCH ols_rules` / `logit_rules`: the same fits with the diagnostics the output rules need (hat
 * values in the residual or scores pass), as every published model is computed.
 *
 * Run: npx tsx scripts/bench/regress.bench.ts [rows]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { regress, type RegressOptions } from '../../shared/engine/regression/index';
import { BENCH_DIR, DEFAULT_ROWS, ensureBenchData, loadBench } from './gen-data';

const REPS = Number(process.env.BENCH_REPS ?? 3);
const PREDICTORS = ['x1', 'x2', 'x3', 'x4', 'x5'];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const R_SCRIPT = `
suppressMessages(library(data.table))
args <- commandArgs(TRUE); reps <- as.integer(args[2])
d <- fread(args[1], select = c("x1", "x2", "x3", "x4", "x5", "y"))
setDF(d)
f <- y ~ x1 + x2 + x3 + x4 + x5
time_it <- function(expr) {
  gc(); t0 <- proc.time(); v <- expr; t <- proc.time() - t0
  list(ms = 1000 * t[["elapsed"]], cpu = 1000 * (t[["user.self"]] + t[["sys.self"]]), v = v)
}
lm_runs <- lapply(seq_len(reps), function(i) time_it(lm(f, data = d)))
glm_runs <- lapply(seq_len(reps), function(i) time_it(glm(f, family = binomial, data = d)))
cat("lm_ms", vapply(lm_runs, function(r) r$ms, 0), "\\n")
cat("glm_ms", vapply(glm_runs, function(r) r$ms, 0), "\\n")
cat("lm_cpu", vapply(lm_runs, function(r) r$cpu, 0), "\\n")
cat("glm_cpu", vapply(glm_runs, function(r) r$cpu, 0), "\\n")
cat("lm_b", sprintf("%.17g", coef(lm_runs[[1]]$v)), "\\n")
cat("glm_b", sprintf("%.17g", coef(glm_runs[[1]]$v)), "\\n")
`;

function runR(csv: string): Record<string, number[]> {
  const dir = join(BENCH_DIR, 'regress');
  mkdirSync(dir, { recursive: true });
  const script = join(dir, 'regress.R');
  writeFileSync(script, R_SCRIPT);
  const out = execFileSync('Rscript', [script, csv, String(REPS)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const res: Record<string, number[]> = {};
  for (const line of out.trim().split('\n')) {
    const [key, ...vals] = line.trim().split(/\s+/);
    res[key] = vals.map(Number);
  }
  return res;
}

function timeDuiding(opts: RegressOptions, ds: ReturnType<typeof loadBench>): { ms: number; cpu: number; b: number[] } {
  const times: number[] = [];
  const cpus: number[] = [];
  let b: number[] = [];
  for (let i = 0; i < REPS; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = regress(ds, opts);
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1000);
    b = r.coefficients.map((c) => c.b);
  }
  return { ms: median(times), cpu: median(cpus), b };
}

function maxRelDiff(a: number[], b: number[]): number {
  return Math.max(...a.map((v, j) => Math.abs(v - b[j]) / Math.abs(b[j])));
}

const manifest = ensureBenchData(Number(process.argv[2] ?? DEFAULT_ROWS));
const ds = loadBench([...PREDICTORS, 'y']);
const ols = timeDuiding({ dependent: 'y', predictors: PREDICTORS, model: 'ols', se: 'classical' }, ds);
const logit = timeDuiding({ dependent: 'y', predictors: PREDICTORS, model: 'logit', se: 'classical' }, ds);
const olsRules = timeDuiding({ dependent: 'y', predictors: PREDICTORS, model: 'ols', se: 'classical', diagnostics: {} }, ds);
const logitRules = timeDuiding({ dependent: 'y', predictors: PREDICTORS, model: 'logit', se: 'classical', diagnostics: {} }, ds);
console.log(`# regress bench: ${manifest.rows} cases, ${PREDICTORS.length} predictors, median of ${REPS}`);
const r = runR(manifest.csv);
const rLm = median(r.lm_ms);
const rGlm = median(r.glm_ms);
console.log(`BENCH ols duiding_ms=${ols.ms.toFixed(0)} r_lm_ms=${rLm.toFixed(0)} ratio=${(rLm / ols.ms).toFixed(1)}`);
console.log(`BENCH logit duiding_ms=${logit.ms.toFixed(0)} r_glm_ms=${rGlm.toFixed(0)} ratio=${(rGlm / logit.ms).toFixed(1)}`);
console.log(`BENCH ols_rules duiding_ms=${olsRules.ms.toFixed(0)} plain_ms=${ols.ms.toFixed(0)} ratio=${(olsRules.ms / ols.ms).toFixed(2)}`);
console.log(`BENCH logit_rules duiding_ms=${logitRules.ms.toFixed(0)} plain_ms=${logit.ms.toFixed(0)} ratio=${(logitRules.ms / logit.ms).toFixed(2)}`);
// On a shared machine wall time includes waiting for a core; CPU time shows the work itself.
console.log(
  `# cpu_ms (user+sys): ols duiding=${ols.cpu.toFixed(0)} r_lm=${median(r.lm_cpu).toFixed(0)}; logit duiding=${logit.cpu.toFixed(0)} r_glm=${median(r.glm_cpu).toFixed(0)}`,
);
console.log(
  `# max relative coefficient difference vs R: ols ${maxRelDiff(ols.b, r.lm_b).toExponential(1)}, logit ${maxRelDiff(logit.b, r.glm_b).toExponential(1)} (glm stops at deviance change 1e-8)`,
);
