/**
 * End-to-end harness: a fresh copy of the demo project, the browser host on a free port, and headless
 * Debian Chromium driven by playwright-core. Missing Chromium is a failure, never a skip: CI must not
 * pass without having run these tests.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startHost, type RunningHost } from '../../electron/host/server';
import { ensureDemoProject } from '../../electron/startup/demo-project';
import { ProjectStore } from '../../electron/store/project-store';
import { numericAt, type Dataset } from '../../shared/model/dataset';

export const CHROMIUM = process.env.DUIDING_CHROMIUM ?? '/usr/bin/chromium';
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const RENDERER_SRC = join(ROOT, 'renderer');
const RENDERER_OUT = join(ROOT, 'dist', 'renderer');
export const SCREENSHOTS = join(ROOT, 'tests', 'e2e', 'screenshots');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    const m = entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs;
    if (m > newest) newest = m;
  }
  return newest;
}

function rendererStale(): boolean {
  const index = join(RENDERER_OUT, 'index.html');
  return !existsSync(index) || statSync(index).mtimeMs < Math.max(newestMtime(RENDERER_SRC), statSync(join(ROOT, 'vite.config.ts')).mtimeMs);
}

/**
 * Build the renderer when the build is missing or older than its sources (npm test builds first
 * anyway). Test files run in parallel, so one builds under a lock directory and the others wait.
 */
export async function ensureRendererBuilt(): Promise<void> {
  const lock = join(ROOT, 'dist', '.renderer-build.lock');
  mkdirSync(dirname(lock), { recursive: true });
  for (let waited = 0; rendererStale(); waited += 500) {
    try {
      mkdirSync(lock);
    } catch {
      if (waited > 180_000) throw new Error(`Renderer build lock ${lock} held for over 3 minutes; remove it if no build is running.`);
      await new Promise((r) => setTimeout(r, 500));
      continue;
    }
    try {
      if (rendererStale()) {
        execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
      }
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

export interface E2E {
  host: RunningHost;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  dir: string;
  projectPath: string;
  /** Every URL the page requested, for the network guard. */
  requests: string[];
  /** Console errors and page errors seen so far. */
  errors: string[];
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export interface E2EOptions {
  /** Changes the fresh demo project before the host opens it (e.g. adds a second dataset). */
  prepare?(store: ProjectStore): void;
  viewport?: { width: number; height: number };
}

/** Start host + browser on a fresh demo project and open the app at its tokenised URL. */
export async function startE2E(options: E2EOptions = {}): Promise<E2E> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: end-to-end tests need it (apt-get install chromium).`);
  await ensureRendererBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'duiding-e2e-'));
  const projectPath = ensureDemoProject(dir);
  if (options.prepare) {
    const store = ProjectStore.open(projectPath);
    try {
      options.prepare(store);
    } finally {
      store.close();
    }
  }
  const host = await startHost({ projectPath, port: 0, configDir: dir, staticDir: RENDERER_OUT });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1400, height: 900 }, locale: 'nl-NL', acceptDownloads: true });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && errors.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(host.url);
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    host,
    browser,
    context,
    page,
    dir,
    projectPath,
    requests,
    errors,
    screenshot: async (name) => {
      const path = join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path, fullPage: false });
      return path;
    },
    close: async () => {
      await browser.close().catch(() => undefined);
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The first dataset of a project file, read directly from the store (not through the UI or host). */
export function loadProjectDataset(projectPath: string): Dataset {
  const store = ProjectStore.open(projectPath);
  try {
    return store.loadDataset(store.listDatasets()[0].name);
  } finally {
    store.close();
  }
}

/** The rows of `ds` for which `keep(i)` holds, every column cut alike (a wave of a panel, say). */
export function keepRows(ds: Dataset, keep: (row: number) => boolean): Dataset {
  const rows: number[] = [];
  for (let i = 0; i < ds.rows; i++) if (keep(i)) rows.push(i);
  const columns = ds.columns.map((c) =>
    c.kind === 'numeric'
      ? { kind: 'numeric' as const, data: Float64Array.from(rows, (i) => numericAt(c, i)) }
      : { kind: 'string' as const, codes: Int32Array.from(rows, (i) => c.codes[i]), dict: c.dict },
  );
  return { ...ds, rows: rows.length, columns };
}

/** The table builder folds its options into a summary line once a table is set: open them (idempotent). */
export async function openTableOptions(page: Page): Promise<void> {
  const options = page.getByTestId('tb-options');
  if (!(await options.evaluate((el) => (el as HTMLDetailsElement).open))) await options.locator('summary').click();
}
