/** Variables per folder (VariableMeta.folder), in dataset order: what `questions: {folder}` and "all questions of a folder" read. */
import type { Dataset } from '../model/dataset';

export function variableFolders(ds: Dataset): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const v of ds.variables) if (v.folder) (out[v.folder] ??= []).push(v.name);
  return out;
}
