/**
 * `npm start` where Electron cannot run: start the browser host on 127.0.0.1 with the demo project (or
 * the last project) open, print the URL with its token, and open Chromium in app mode when installed.
 *   --host-only   start the host without opening a window (for scripts and tests)
 *   --port N      listen on port N (default: a free port)
 *   --project P   open this project instead of the demo
 * DUIDING_CHROMIUM names the browser to open (default: the first Chromium or Chrome found). Stopping
 * the host (Ctrl+C, SIGTERM) closes that window; a window it could not close says the host stopped.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDemoProject } from '../startup/demo-project';
import { appHome, rendererDir } from '../startup/paths';
import { installEngineAccelerator } from '../engine/install-accelerator';
import { startHost } from './server';

interface HostArgs {
  hostOnly: boolean;
  port: number;
  project: string | null;
}

export function parseHostArgs(argv: string[]): HostArgs {
  const out: HostArgs = { hostOnly: false, port: 0, project: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--host-only') out.hostOnly = true;
    else if (a === '--port') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port needs a port number, got "${argv[i]}"`);
      out.port = n;
    } else if (a === '--project') out.project = argv[++i] ?? null;
    else throw new Error(`Unknown option ${a}`);
  }
  return out;
}

const CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];

/**
 * A local page (readable by the user only, removed after a minute) that forwards to the tokenised
 * URL: a command line is visible to every user of the machine (ps, /proc), a file in a private
 * folder is not. The token stays in the fragment, so no server sees it on the way.
 */
function launcherPage(dir: string, url: string): string {
  const file = join(dir, 'open.html');
  const target = JSON.stringify(url).replace(/</g, '\\u003c');
  writeFileSync(file, `<!doctype html><meta charset="utf-8"><title>Duiding</title><script>location.replace(${target})</script>`, { mode: 0o600 });
  setTimeout(() => rmSync(file, { force: true }), 60_000).unref();
  return `file://${file}`;
}

/** Opens the app window; returns what closes it again, or null when there is no Chromium. */
function openWindow(url: string): (() => void) | null {
  const exe = process.env.DUIDING_CHROMIUM ?? CHROMIUMS.find((p) => existsSync(p));
  if (!exe) {
    console.log('No Chromium found: open the URL above in a browser on this machine.');
    return null;
  }
  const profile = mkdtempSync(join(tmpdir(), 'duiding-chromium-'));
  const child = spawn(
    exe,
    [
      `--app=${launcherPage(profile, url)}`,
      `--user-data-dir=${profile}`,
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
    { stdio: 'ignore', detached: true },
  );
  child.unref();
  child.on('error', (e) => console.log(`Could not open ${exe} (${e.message}): open the URL above in a browser on this machine.`));
  child.on('exit', () => rmSync(profile, { recursive: true, force: true, maxRetries: 3 }));
  return () => {
    // Chromium runs in a process group of its own (detached, so that it is not tied to the terminal):
    // end the whole group, or its helper processes keep the window open on a host that is gone.
    try {
      if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, 'SIGTERM');
      else child.kill('SIGTERM');
    } catch {
      // Already closed by the user.
    }
  };
}

async function main(): Promise<void> {
  const args = parseHostArgs(process.argv.slice(2));
  installEngineAccelerator();
  const home = appHome();
  const project = args.project ?? ensureDemoProject(home);
  const host = await startHost({ projectPath: project, port: args.port, configDir: home, staticDir: rendererDir() });
  console.log(`Duiding listening on ${host.url}`);
  const closeWindow = args.hostOnly ? null : openWindow(host.url);
  // The window goes with the host, however the host ends (Ctrl+C in `npm start`, a kill, a crash).
  process.on('exit', () => closeWindow?.());
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    closeWindow?.();
    void host.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('SIGHUP', stop);
}

main().catch((e: unknown) => {
  console.error(`duiding: ${(e as Error).message}`);
  process.exit(1);
});
