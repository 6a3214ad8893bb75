// `npm start`: opens the workbench on the demo project. Uses Electron where its binary is installed;
// otherwise starts the browser host on 127.0.0.1 (and opens Chromium in app mode when there is one).
// Options after `--` go to the host: --host-only, --port N, --project P.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

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

/**
 * The Electron binary, downloaded on first use as Electron's own `require('electron')` would do, but
 * quietly: where it cannot be fetched (no network, a proxy) `npm start` says so in one line and starts
 * the browser host, instead of printing @electron/get's stack trace. ELECTRON_SKIP_BINARY_DOWNLOAD=1
 * does not try.
 */
function electronBinary() {
  let dir;
  try {
    dir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const installed = () => {
    try {
      const p = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(dir, 'dist'), readFileSync(join(dir, 'path.txt'), 'utf8'));
      return existsSync(p) ? p : null;
    } catch {
      return null;
    }
  };
  const found = installed();
  if (found) return found;
  if (['1', 'true'].includes(process.env.ELECTRON_SKIP_BINARY_DOWNLOAD ?? '')) {
    console.log('duiding: Electron is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD is set): starting the browser host.');
    return null;
  }
  process.stdout.write('duiding: downloading Electron (once)… ');
  const r = spawnSync(process.execPath, [join(dir, 'install.js')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const binary = r.status === 0 ? installed() : null;
  if (binary) {
    console.log('done.');
    return binary;
  }
  const why = `${r.stderr ?? ''}${r.stdout ?? ''}`.split('\n').find((l) => l.trim()) ?? `exit status ${r.status}`;
  console.log(`not possible here (${why.trim()}): starting the browser host instead.`);
  return null;
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
