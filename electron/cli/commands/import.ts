import { existsSync } from 'node:fs';
import { importIntoProject } from '../../import/run-import';
import { ProjectError, ProjectStore } from '../../store/project-store';
import { Flags, oneData, UsageError, type ParsedArgs } from '../args';

function openOrCreate(path: string, replaceEmpty: boolean): ProjectStore {
  if (!existsSync(path)) return ProjectStore.create(path);
  try {
    return ProjectStore.open(path);
  } catch (e) {
    if (e instanceof ProjectError && e.code === 'empty-project') {
      if (replaceEmpty) return ProjectStore.create(path, { replaceEmpty: true });
      throw new ProjectError('empty-project', `${e.message}: add --replace-empty to do so`);
    }
    throw e;
  }
}

/**
 * `duiding import FILE --project P.duiding [--name NAME] [--replace] [--replace-empty]`; creates the
 * project if needed. `--replace-empty` lets an empty file at the project path (left by an interrupted
 * create of an older version) be replaced by a new project; without it that file is refused.
 */
export async function importCommand(args: ParsedArgs): Promise<string> {
  const flags = new Flags(args, ['project', 'name', 'replace', 'replace-empty', 'json']);
  const file = oneData(args);
  if (!existsSync(file)) throw new UsageError(`${file}: no such file`);
  const projectPath = flags.required('project');
  const store = openOrCreate(projectPath, flags.has('replace-empty'));
  try {
    const summary = await importIntoProject(store, file, { name: flags.string('name'), replace: flags.has('replace') });
    if (flags.has('json')) return JSON.stringify(summary);
    const lines = [`Imported ${file} into ${projectPath}#${summary.name}: ${summary.rows} rows, ${summary.variables} variables`];
    if (summary.mrSets?.applied.length) lines.push(`Multiple-response sets restored from the project: ${summary.mrSets.applied.join(', ')}`);
    for (const s of summary.mrSets?.skipped ?? []) lines.push(`Set ${s.name} not restored: ${s.reason}`);
    return lines.join('\n');
  } finally {
    store.close();
  }
}
