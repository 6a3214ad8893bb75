/**
 * The browser host as users start it (`electron/host/main.ts --host-only`), in a child process, so a
 * test can see whether the process survives. Parses the URL it prints once at start:
 * `Duiding listening on http://127.0.0.1:PORT/#token=TOKEN`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

export interface HostProcess {
  child: ChildProcess;
  port: number;
  token: string;
  url: string;
  /** Everything the process wrote, to check what it logs. */
  output(): string;
  stop(): Promise<void>;
}

export const LISTENING = /Duiding listening on (http:\/\/127\.0\.0\.1:(\d+)\/#token=([\w-]+))/;

export async function startHostProcess(dir: string, projectPath: string): Promise<HostProcess> {
  const renderer = join(dir, 'renderer');
  mkdirSync(renderer, { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Duiding</title>');
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'electron/host/main.ts'), '--host-only', '--project', projectPath], {
    cwd: ROOT,
    env: { ...process.env, DUIDING_HOME: dir, DUIDING_RENDERER: renderer, DUIDING_ACCEL: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c) => (out += String(c)));
  child.stderr!.on('data', (c) => (out += String(c)));
  const m = await new Promise<RegExpExecArray>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start: ${out}`)), 60_000);
    const check = () => {
      const hit = LISTENING.exec(out);
      if (hit) {
        clearTimeout(timer);
        resolveUrl(hit);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => reject(new Error(`host exited (${code}): ${out}`)));
  });
  return {
    child,
    url: m[1],
    port: Number(m[2]),
    token: m[3],
    output: () => out,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
