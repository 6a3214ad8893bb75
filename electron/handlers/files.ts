/**
 * Browsing for a data file (shared/api/files.ts). `files.list` lists one directory: subdirectories and
 * importable files with size and date, never contents. Paths are made absolute and normalised, and the
 * listed directory is reported with symbolic links resolved, so the path field shows where the user
 * really is. There is no root to escape from: like a system dialog, it shows what the user's own account
 * may read (docs/security.md, "Choosing a file").
 */
import type { Dirent, Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { DATA_FILE_KINDS, dataFileKind, importFileKinds, type DataFileKind, type FileEntry, type FileListing } from '../../shared/api/files';
import { HandlerError } from '../backend/context';
import type { SectionHandlers } from '../backend/types';
import type { filesSection } from '../../shared/api/files';
import { checkSavePath } from '../backend/save-targets';

/** More than any sensible data folder; beyond it the listing says it was cut short. */
export const MAX_ENTRIES = 5000;

const KIND_LABELS: Record<DataFileKind, string> = { sav: 'SPSS', csv: 'CSV/TSV', xlsx: 'Excel', dta: 'Stata', json: 'JSON' };

/** Filters for Electron's open dialog (extensions without the dot). */
export function dialogFilters(kinds: readonly DataFileKind[] = importFileKinds): { name: string; extensions: string[] }[] {
  const one = (k: DataFileKind) => DATA_FILE_KINDS[k].map((e) => e.slice(1));
  return [
    { name: kinds.map((k) => KIND_LABELS[k]).join(', '), extensions: kinds.flatMap(one) },
    ...kinds.map((k) => ({ name: `${KIND_LABELS[k]} (${DATA_FILE_KINDS[k].join(', ')})`, extensions: one(k) })),
  ];
}

function fsError(e: unknown, path: string): HandlerError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new HandlerError('not-found', `Folder not found: ${path}`);
  if (code === 'ENOTDIR') return new HandlerError('not-a-directory', `Not a folder: ${path}`);
  if (code === 'EACCES' || code === 'EPERM') return new HandlerError('permission', `No permission to open ${path}`);
  if (code === 'ELOOP') return new HandlerError('not-found', `Too many symbolic links: ${path}`);
  return new HandlerError('unreadable', `Cannot open ${path}: ${code ?? (e as Error).message}`);
}

/** The absolute, normalised form of what the user typed ("~" is the home directory). */
export function normaliseDir(typed: string | undefined, home: string): string {
  const raw = (typed ?? '').trim();
  if (raw === '' || raw === '~') return resolve(home);
  const expanded = raw.startsWith('~/') || raw.startsWith('~\\') ? join(home, raw.slice(2)) : raw;
  if (!isAbsolute(expanded)) throw new HandlerError('path-not-absolute', `Give a full path (starting with / or ~): ${raw}`);
  return resolve(expanded);
}

async function entryFor(dir: string, d: Dirent, kinds: readonly DataFileKind[]): Promise<FileEntry | null> {
  const path = join(dir, d.name);
  let s: Stats;
  try {
    // stat follows a symbolic link: a link to a data folder is shown as the folder it leads to.
    s = await stat(path);
  } catch {
    return null; // broken link or vanished meanwhile
  }
  if (s.isDirectory()) return { name: d.name, path, kind: 'dir', size: null, modified: s.mtime.toISOString() };
  const kind = s.isFile() ? dataFileKind(d.name, kinds) : null;
  return kind ? { name: d.name, path, kind, size: s.size, modified: s.mtime.toISOString() } : null;
}

export async function listFiles(req: { dir?: string; kinds?: DataFileKind[]; hidden?: boolean }, home: string = homedir()): Promise<FileListing> {
  const asked = normaliseDir(req.dir, home);
  let dir: string;
  let dirents: Dirent[];
  try {
    dir = await realpath(asked);
    if (!(await stat(dir)).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    dirents = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    throw fsError(e, asked);
  }
  const kinds = req.kinds ?? importFileKinds;
  // Only names that can matter are stat-ed: folders, links, and files with an importable extension.
  const candidates = dirents.filter(
    (d) => (req.hidden || !d.name.startsWith('.')) && (d.isDirectory() || d.isSymbolicLink() || (d.isFile() && dataFileKind(d.name, kinds) !== null)),
  );
  const truncated = candidates.length > MAX_ENTRIES;
  const found = await Promise.all(candidates.slice(0, MAX_ENTRIES).map((d) => entryFor(dir, d, kinds)));
  const collator = new Intl.Collator('nl', { numeric: true, sensitivity: 'base' });
  const entries = found
    .filter((e): e is FileEntry => e !== null)
    .sort((a, b) => Number(b.kind === 'dir') - Number(a.kind === 'dir') || collator.compare(a.name, b.name));
  const parent = dirname(dir);
  return { dir, parent: parent === dir ? null : parent, home: resolve(home), entries, truncated };
}

export const filesHandlers: SectionHandlers<typeof filesSection> = {
  'files.list': async (req) => listFiles(req),
  // Replaced in electron/main.ts by the system dialog; the browser host browses with files.list instead.
  'ui.chooseFile': async () => {
    throw new HandlerError('no-native-dialog', 'This window has no system file dialog; browse with files.list');
  },
  'ui.chooseSave': async () => {
    throw new HandlerError('no-native-dialog', 'This window has no system save dialog; choose a folder with files.list and files.saveTarget');
  },
  'ui.showInFolder': async () => {
    throw new HandlerError('no-native-dialog', 'This window cannot open a file manager; the path is shown instead');
  },
  'files.saveTarget': async ({ dir, name, format }, { session }) => {
    const path = checkSavePath(normaliseDir(dir, homedir()), name, format, session.isOpen() ? session.store().path : null);
    return session.saveTargets.issue(path, format);
  },
};
