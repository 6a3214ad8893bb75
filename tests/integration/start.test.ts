/**
 * `npm start` as a newcomer sees it where Electron cannot be downloaded: one line saying so (no stack
 * trace from @electron/get), the browser host, the app window; and Ctrl+C closes that window with the host.
 * The download is made to fail on any machine: an unreachable mirror, an empty download cache, and an
 * Electron dist folder that does not exist. The "Chromium" is a script that records its process ids.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureRendererBuilt } from '../e2e/harness';
import { appRoot } from '../../electron/startup/paths';

const dir = mkdtempSync(join(tmpdir(), 'duiding-start-'));
const pids = join(dir, 'browser.pids');
/** Every window ever opened here, one a line: its pid and its helper's (browser.pids holds the newest). */
const allPids = join(dir, 'all-browsers.pids');
const browser = join(dir, 'fake-chromium.sh');
writeFileSync(browser, `#!/bin/sh\nsleep 300 &\necho $$ $! >> "${allPids}"\nprintf '%s\\n%s\\n' $$ $! > "${pids}"\nwait\n`);
chmodSync(browser, 0o755);

beforeAll(() => ensureRendererBuilt());
/** Every `npm start` this file ran, ended in afterAll whatever an assertion did before its Ctrl+C. */
const started: ChildProcess[] = [];

afterAll(() => {
  for (const child of started) {
    try {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // ended
    }
  }
  // Should a host have left its window open (the failure this file tests for), do not leave it running.
  const windows = existsSync(allPids) ? readFileSync(allPids, 'utf8').split(/\s+/).filter(Boolean).map(Number) : [];
  for (const pid of windows) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // ended
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

/** Gone or a zombie (killed, waiting for a parent that no longer exists to reap it). */
function ended(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return / Z /.test(stat.slice(stat.lastIndexOf(')')));
}

async function until(what: string, ok: () => boolean, ms = 30_000): Promise<void> {
  for (const t0 = Date.now(); !ok(); await new Promise((r) => setTimeout(r, 100))) {
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
  }
}

function start(env: Record<string, string>): { child: ChildProcess; out: () => string; err: () => string } {
  const base = { ...process.env };
  delete base.ELECTRON_SKIP_BINARY_DOWNLOAD;
  // Detached: its own process group, so that the test can send SIGINT to the group as a terminal's Ctrl+C does.
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: appRoot(),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...base,
      DUIDING_HOME: join(dir, 'home'),
      DUIDING_CHROMIUM: browser,
      ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'no-electron'),
      ELECTRON_MIRROR: 'http://127.0.0.1:9/',
      electron_config_cache: join(dir, 'electron-cache'),
      ...env,
    },
  });
  started.push(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (err += b.toString()));
  return { child, out: () => out, err: () => err };
}

describe('npm start without Electron', () => {
  it('says so in one line, opens the window, and Ctrl+C closes it with the host', async () => {
    const run = start({});
    await until('the host', () => run.out().includes('Duiding listening on'));
    const lines = run.out().trim().split('\n');
    const electronLines = lines.filter((l) => /electron/i.test(l));
    expect(electronLines).toHaveLength(1);
    expect(electronLines[0]).toMatch(/^duiding: downloading Electron \(once\)… not possible here \(.+\): starting the browser host instead\.$/);
    expect(run.err()).not.toMatch(/^\s+at /m);
    expect(run.err()).not.toMatch(/TypeError/);

    await until('the app window', () => existsSync(pids) && readFileSync(pids, 'utf8').trim().split('\n').length === 2);
    const window = readFileSync(pids, 'utf8').trim().split('\n').map(Number);
    expect(window.some(ended)).toBe(false);

    const exited = new Promise<number | null>((r) => run.child.on('exit', (code) => r(code)));
    process.kill(-run.child.pid!, 'SIGINT');
    expect(await exited).toBe(0);
    // The browser and the helper it started (its process group) are gone with the host.
    await until('the window to close', () => window.every(ended), 10_000);
  });

  it('does not try to download when told not to', async () => {
    const run = start({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    await until('the host', () => run.out().includes('Duiding listening on'));
    expect(run.out()).toContain('duiding: Electron is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD is set): starting the browser host.');
    expect(run.out()).not.toContain('downloading');
    const exited = new Promise((r) => run.child.on('exit', r));
    process.kill(-run.child.pid!, 'SIGINT');
    await exited;
  });
});
