#!/usr/bin/env node
// `npm run bench`: makes the benchmark data once (scripts/bench/gen-data.ts, into .bench/), then runs every
// scripts/bench/*.bench.ts with `npx tsx`, one after another (they each want both cores), passing their
// output through. Lines starting with `BENCH ` are the results; a failing bench is reported and the
// run continues. Optional arguments filter benches by name: `npm run bench -- crosstab banner`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'scripts', 'bench');
const only = process.argv.slice(2);

function run(file) {
  const r = spawnSync('npx', ['tsx', join(dir, file)], { cwd: root, stdio: 'inherit' });
  return r.status ?? 1;
}

/** Benches that time something other than the generated data (so `npm run bench -- cli` needs none). */
const NO_DATA = new Set(['cli-startup.bench.ts']);

const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
if (benches.some((f) => !NO_DATA.has(f)) && run('gen-data.ts') !== 0) {
  console.error('bench: generating data failed');
  process.exit(1);
}
let failed = 0;
for (const f of benches) {
  console.log(`# --- ${f}`);
  const status = run(f);
  if (status !== 0) {
    failed++;
    console.log(`# ${f} exited with status ${status}`);
  }
}
process.exit(failed > 0 ? 1 : 0);
