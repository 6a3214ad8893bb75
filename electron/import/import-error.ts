/**
 * The one error type every importer throws for bad input. It names the file, where in it (byte offset
 * for binary formats, line for text formats) and why, so the user can find the problem.
 */
import { DuidingError } from '../../shared/errors';

export class ImportError extends DuidingError {
  readonly file: string;
  readonly offset: number | null;
  readonly line: number | null;
  readonly reason: string;

  constructor(file: string, reason: string, where: { offset?: number; line?: number } = {}) {
    const at = where.offset !== undefined ? ` at byte ${where.offset}` : where.line !== undefined ? ` at line ${where.line}` : '';
    super('import', `${file}${at}: ${reason}`);
    this.name = 'ImportError';
    this.file = file;
    this.offset = where.offset ?? null;
    this.line = where.line ?? null;
    this.reason = reason;
  }
}

/** Thrown when the user cancels a running import; the caller discards everything read so far. */
export class ImportCancelled extends Error {
  constructor() {
    super('Import cancelled');
    this.name = 'ImportCancelled';
  }
}
