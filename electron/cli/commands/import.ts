import { existsSync } from 'node:fs';
import { importIntoProject } from '../../import/run-import';
import { ProjectStore } from '../../store/project-store';
import { Flags, oneData, UsageError, type ParsedArgs } from '../args';

/** `duiding import FILE --project P.duiding [--name NAME] [--replace]`; creates the project if needed. */
export async function importCommand(args: ParsedArgs): Promise<string> {
  const flags = new Flags(args, ['project', 'name', 'replace', 'json']);
  const file = oneData(args);
  if (!existsSync(file)) throw new UsageError(`${file}: no such file`);
  const projectPath = flags.required('project');
  const store = existsSync(projectPath) ? ProjectStore.open(projectPath) : ProjectStore.create(projectPath);
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
