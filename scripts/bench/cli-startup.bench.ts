/**
 * CLI start-up: wall time of a whole `duiding` process, as a script calling it in a loop sees it, for
 * `--help` (start-up alone) and `describe demo --json` (start-up plus the cached demo panel), against a
 * bare `node -e 0`. Targets (issue 15): under 300 ms and 600 ms. Builds the CLI first, as `npm install`
 * and `npm run build` do, and uses a fresh app home so the first describe call (which makes the demo
 * cache) is seen too. Prints `BENCH cli-startup duiding_ms=… node_ms=… target_ms=… call=…`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { medianMs } from './gen-data';

const home = mkdtempSync(join(tmpdir(), 'duiding-bench-cli-'));
const env = { ...process.env, DUIDING_HOME: home };

function run(args: string[], extraEnv: Record<string, string> = {}): void {
  const r = spawnSync(process.execPath, args, { env: { ...env, ...extraEnv }, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited with ${r.status}`);
}

function timeOnce(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

try {
  run(['scripts/build-cli.mjs']);
  const node = await medianMs(() => run(['-e', '0']), 9);
  const first = timeOnce(() => run(['bin/duiding.mjs', 'describe', 'demo', '--json']));
  const calls: [string, string[], number][] = [
    ['help', ['--help'], 300],
    ['describe-demo-json', ['describe', 'demo', '--json'], 600],
  ];
  for (const [name, args, target] of calls) {
    const ms = await medianMs(() => run(['bin/duiding.mjs', ...args]), 9);
    const tsx = await medianMs(() => run(['bin/duiding.mjs', ...args], { DUIDING_CLI_BUILD: '0' }), 3);
    console.log(`# cli-startup ${name}: through tsx (no build, DUIDING_CLI_BUILD=0) ${tsx.toFixed(0)} ms`);
    console.log(`BENCH cli-startup duiding_ms=${ms.toFixed(1)} node_ms=${node.toFixed(1)} target_ms=${target} call=${name}`);
  }
  console.log(`# cli-startup: first describe demo in a fresh app home (generates the demo cache) ${first.toFixed(0)} ms`);
} finally {
  rmSync(home, { recursive: true, force: true });
}
