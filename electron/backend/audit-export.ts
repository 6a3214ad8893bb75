/**
 * The audit entry of everything that leaves the app. With a project open, no output leaves without its
 * record: the entry is written before a file takes its name (or before text is returned), and a
 * project that cannot take it (locked by another process, read-only) fails the export. The built-in
 * demo without a project has no log to write to.
 */
import type { AppContext } from './types';

export function auditExport(ctx: AppContext, action: string, detail: unknown): void {
  if (!ctx.session.isOpen()) return;
  ctx.session.store().audit(action, detail);
}
