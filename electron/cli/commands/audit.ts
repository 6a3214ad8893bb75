/**
 * `duiding audit verify P.duiding [--json]`: recomputes the project's audit hash chain without
 * changing the file (electron/store/audit-chain.ts) and reports the first broken link. Exit 0 when the
 * chain holds, 1 when it does not (the report is printed either way).
 */
import { ProjectStore } from '../../store/project-store';
import { Flags, UsageError, type ParsedArgs } from '../args';
import type { CommandOutput } from './output';

const REASON: Record<string, string> = {
  hash: 'its contents do not match its hash (changed after it was written)',
  'prev-hash': 'it does not follow the entry before it (an entry was removed, inserted or reordered)',
  unchained: 'it has no hash (written around the store, or the project predates the chain)',
};

export async function auditCommand(args: ParsedArgs): Promise<CommandOutput> {
  const flags = new Flags(args, ['json']);
  const [sub, path, ...rest] = args.positional;
  if (sub !== 'verify') throw new UsageError(sub === undefined ? 'audit needs a subcommand: audit verify P.duiding' : `Unknown audit subcommand "${sub}"`);
  if (!path || rest.length > 0) throw new UsageError('audit verify needs exactly one project file');
  const v = ProjectStore.verifyFile(path);
  const exitCode = v.ok ? 0 : 1;
  if (flags.has('json')) return { text: JSON.stringify({ path, ...v }), exitCode };
  if (v.ok) return { text: `${path}: audit log intact, ${v.entries} entries; head ${v.head ?? '(empty)'}`, exitCode };
  if (!v.broken) return { text: `${path}: audit log has no hash chain (schema ${v.schema})`, exitCode };
  const b = v.broken;
  return { text: `${path}: audit log BROKEN at entry ${b.id} (${b.at}, ${b.action}): ${REASON[b.reason]}; ${v.entries} entries`, exitCode };
}
