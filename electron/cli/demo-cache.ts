/**
 * The demo panel for the CLI: generated once (about 0.1 s) and kept in the app home as a dataset
 * snapshot, `cache/demo-<key>.snap`, which reads back in a few milliseconds. The key is a SHA-256 of the
 * generator's sources, so an edited generator makes a new file (and the old ones are removed). A cache
 * that cannot be read or written costs only the time: the panel is then generated for this call.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '../../shared/model/dataset';
import { generateDemo } from '../../resources/demo/generate';
import { appHome, appRoot } from '../startup/paths';
import { decodeSnapshot, encodeSnapshot } from './dataset-snapshot';

/** Every file the generator is built from (its import closure; a test holds this list to it). */
export const DEMO_SOURCES = ['resources/demo/generate.ts', 'resources/demo/areas.ts', 'resources/demo/rng.ts', 'shared/model/dataset.ts'];

/** Raised when the snapshot format changes, so that old caches are not read as the new one. */
const FORMAT = 'demo-snapshot-1';

export interface DemoCacheOptions {
  /** Folder of the cache files (default: `cache` in the app home). */
  dir?: string;
  /** Where DEMO_SOURCES are found (default: the app root). */
  root?: string;
  generate?: () => Dataset;
}

/** The cache key, or null when the sources are not there to hash (an installed app without them). */
export function demoCacheKey(root = appRoot()): string | null {
  const h = createHash('sha256').update(FORMAT);
  try {
    for (const f of DEMO_SOURCES) h.update(`\0${f}\0`).update(readFileSync(join(root, f)));
  } catch {
    return null;
  }
  return h.digest('hex').slice(0, 16);
}

export function loadDemoDataset(opts: DemoCacheOptions = {}): Dataset {
  const generate = opts.generate ?? generateDemo;
  const key = demoCacheKey(opts.root);
  if (key === null) return generate();
  const dir = opts.dir ?? join(appHome(), 'cache');
  const file = join(dir, `demo-${key}.snap`);
  try {
    return decodeSnapshot(readFileSync(file));
  } catch {
    // Not made yet, or damaged: make it below.
  }
  const dataset = generate();
  try {
    mkdirSync(dir, { recursive: true });
    // Written under a temporary name and renamed: two calls at once never read half a file.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, encodeSnapshot(dataset));
    renameSync(tmp, file);
    for (const f of readdirSync(dir)) if (/^demo-[0-9a-f]+\.snap$/.test(f) && join(dir, f) !== file) rmSync(join(dir, f), { force: true });
  } catch {
    // A read-only home: the next call generates again.
  }
  return dataset;
}
