/**
 * Imports a data file into a project: read it whole into memory (streaming, with progress), then store
 * it in one transaction with the source's name, size and SHA-256 in the audit log. A failure or a
 * cancel at any point leaves the project exactly as it was.
 */
import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { ImportSummary, ReadOptions } from '../../shared/api/import';
import { mergeMrSetRecipes, mrSetSchema } from '../../shared/model/mr-set';
import type { ProjectStore } from '../store/project-store';
import type { Dataset } from '../../shared/model/dataset';
import { readAnyFile } from './index';
import type { ImportOptions } from './types';

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** A dataset name from a file name: letters, digits and underscores. */
export function datasetNameFor(path: string): string {
  const base = basename(path, extname(path))
    .replace(/[^\p{L}\p{N}_]+/gu, '_')
    .replace(/^_+|_+$/g, '');
  return base || 'data';
}

export async function importIntoProject(
  store: ProjectStore,
  path: string,
  /** Reader settings (CSV: encoding, delimiter, decimal, header; Excel: sheet, headerRow) pass through. */
  options: ImportOptions & ReadOptions & { replace?: boolean; read?: (path: string, options: ImportOptions & ReadOptions) => Promise<Dataset> } = {},
): Promise<ImportSummary> {
  const size = statSync(path).size;
  // The app reads in a worker (run-in-worker.ts); the command line reads here.
  const read = options.read ?? readAnyFile;
  const [ds, sha256] = await Promise.all([read(path, options), sha256File(path)]);
  options.signal?.throwIfAborted();
  ds.name = options.name ?? datasetNameFor(path);
  // The project's own set definitions for this dataset come back on the next wave.
  const recipes = store
    .recipes()
    .list({ dataset: ds.name, kind: 'mrset' })
    .flatMap((r) => {
      const parsed = mrSetSchema.safeParse(r.body);
      return parsed.success ? [parsed.data] : [];
    });
  const merged = mergeMrSetRecipes(ds.variables, ds.mrSets, recipes);
  ds.mrSets = merged.mrSets;
  store.saveDataset(ds, {
    source: { name: basename(path), size, sha256 },
    replace: options.replace,
    action: 'import',
    detail: recipes.length > 0 ? { mrSetRecipes: merged.report } : undefined,
  });
  const summary = store.listDatasets().find((d) => d.name === ds.name);
  if (!summary) throw new Error(`Import of ${path} did not store a dataset`);
  return recipes.length > 0 ? { ...summary, mrSets: merged.report } : summary;
}
