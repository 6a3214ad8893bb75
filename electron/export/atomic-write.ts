/**
 * Exports are written to a temporary file in the target's directory and renamed over the target only
 * when complete, so a crash, a full disk or a cancel never leaves a half-written workbook that looks
 * like a good one. Same directory, because rename is only atomic within one file system. Files are
 * created readable by the user only (0600): an export holds tables of confidential microdata. No
 * export ever replaces a Duiding project, whatever its name (docs/security.md).
 */
import { randomBytes } from 'node:crypto';
import { open, rename, unlink, writeFile } from 'node:fs/promises';
import { closeSync, openSync, readSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DuidingError } from '../../shared/errors';

/** 'DUID' at offset 68 of the SQLite header (PRAGMA application_id), as electron/store/project-store.ts sets it. */
const PROJECT_APPLICATION_ID = 0x44554944;

export class ExportTargetError extends DuidingError {
  declare readonly code: 'project-file';

  constructor(code: 'project-file', message: string) {
    super(code, message);
    this.name = 'ExportTargetError';
  }
}

/** True when `path` is (or is named as) a Duiding project. */
export function isProjectFile(path: string): boolean {
  if (/\.duiding$/i.test(path)) return true;
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(72);
    const n = readSync(fd, head, 0, 72, 0);
    return n === 72 && head.toString('latin1', 0, 16) === 'SQLite format 3\0' && head.readUInt32BE(68) === PROJECT_APPLICATION_ID;
  } finally {
    closeSync(fd);
  }
}

export function assertNotProject(outPath: string): void {
  if (isProjectFile(outPath)) throw new ExportTargetError('project-file', `${outPath} is a Duiding project; an export never replaces a project`);
}

export function tempPathFor(outPath: string): string {
  return join(dirname(outPath), `.${basename(outPath)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Run `write(tempPath)`, flush the file to disk and rename it to `outPath`; remove the temp file on any
 * failure. `beforeRename` runs when the file is complete: if it throws, nothing takes the name.
 */
export async function writeAtomic<T>(outPath: string, write: (tempPath: string) => Promise<T>, beforeRename?: () => void | Promise<void>): Promise<T> {
  assertNotProject(outPath);
  const tmp = tempPathFor(outPath);
  try {
    const result = await write(tmp);
    const fh = await open(tmp, 'r+');
    try {
      await fh.chmod(0o600);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await beforeRename?.();
    await rename(tmp, outPath);
    return result;
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}

export function writeFileAtomic(outPath: string, data: string | Uint8Array, beforeRename?: () => void | Promise<void>): Promise<void> {
  return writeAtomic(outPath, (tmp) => writeFile(tmp, data, { mode: 0o600 }), beforeRename);
}
