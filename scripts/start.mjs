// `npm start`: opens the workbench on the demo project. Uses Electron where its binary is installed;
// otherwise starts the browser host on 127.0.0.1 (and opens Chromium in app mode when there is one).
// Options after `--` go to the host: --host-only, --port N, --project P.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const args = process.argv.slice(2);
const require = createRequire(import.meta.url);

if (!existsSync('node_modules')) {
  console.error('duiding: run `npm install` first.');
  process.exit(1);
}

function newestMtime(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return t;
}

const built = 'dist/renderer/index.html';
const stale = !existsSync(built) || newestMtime('renderer') > statSync(built).mtimeMs;
if (stale) {
  const r = spawnSync(process.execPath, ['scripts/build.mjs', 'renderer'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function electronBinary() {
  try {
    const p = require('electron'); // the path of the binary, or a throw when it was never downloaded
    return typeof p === 'string' && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

const electron = args.includes('--host-only') ? null : electronBinary();
if (electron) {
  const b = spawnSync(process.execPath, ['scripts/build.mjs', 'electron'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
  spawn(electron, ['.'], { stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0));
} else {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/host/main.ts', ...args], { stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}
