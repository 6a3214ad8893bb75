/**
 * Resolves the CLI's DATA argument: `demo` (the bundled demo panel), `PROJECT.duiding#DATASET`, or a
 * data file read into memory (a temporary store is not needed: the dataset lives in typed arrays).
 * The importers and the store are loaded only for the kind of DATA that needs them.
 */
import { existsSync } from 'node:fs';
import type { Dataset } from '../../shared/model/dataset';
import type { RuleSet } from '../../shared/disclosure/index';
import { defaultRuleSet, ruleSetSchema } from '../../shared/disclosure/index';
import { UsageError } from './args';
import { loadDemoDataset } from './demo-cache';

export interface LoadedData {
  dataset: Dataset;
  /** The project's rule set when DATA names a project; plain files and demo use cbs-persons. */
  ruleSet: RuleSet;
  /** The project file when DATA names one (its audit log records loosened rules). */
  projectPath?: string;
}

export async function loadData(spec: string): Promise<LoadedData> {
  if (spec === 'demo') return { dataset: loadDemoDataset(), ruleSet: defaultRuleSet('cbs-persons') };
  const hash = spec.lastIndexOf('#');
  if (hash > 0 && spec.slice(0, hash).endsWith('.duiding')) {
    const path = spec.slice(0, hash);
    const name = spec.slice(hash + 1);
    const { ProjectStore } = await import('../store/project-store');
    const store = ProjectStore.open(path);
    try {
      const stored = store.getSetting<unknown>('ruleSet');
      const parsed = stored ? ruleSetSchema.safeParse(stored) : null;
      return { dataset: store.loadDataset(name), ruleSet: parsed?.success ? (parsed.data as RuleSet) : defaultRuleSet('cbs-persons'), projectPath: path };
    } finally {
      store.close();
    }
  }
  if (spec.endsWith('.duiding')) throw new UsageError(`Name the dataset too: ${spec}#DATASET`);
  if (!existsSync(spec)) throw new UsageError(`${spec}: no such file (DATA is a data file, PROJECT.duiding#DATASET, or demo)`);
  const { readAnyFile } = await import('../import/index');
  return { dataset: await readAnyFile(spec), ruleSet: defaultRuleSet('cbs-persons') };
}
