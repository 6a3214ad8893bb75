/**
 * Exports are written to a temporary file in the target's directory and renamed over the target only
 * when complete, so a crash, a full disk or a cancel never leaves a half-written workbook that looks
 * like a good one. Same directory, because rename is only atomic within one file system.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export function tempPathFor(outPath: string): string {
  return join(dirname(outPath), `.${basename(outPath)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Run `write(tempPath)`, flush the file to disk and rename it to `outPath`; remove the temp file on any failure. */
export async function writeAtomic<T>(outPath: string, write: (tempPath: string) => Promise<T>): Promise<T> {
  const tmp = tempPathFor(outPath);
  try {
    const result = await write(tmp);
    const fh = await open(tmp, 'r+');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, outPath);
    return result;
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}

export function writeFileAtomic(outPath: string, data: string | Uint8Array): Promise<void> {
  return writeAtomic(outPath, (tmp) => writeFile(tmp, data));
}
