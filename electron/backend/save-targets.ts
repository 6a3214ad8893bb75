/**
 * Where exports may be written. The renderer never names a file: the user picks one in the system's
 * save dialog (Electron, main process) or in the host's folder picker (a folder and a file name), the
 * backend checks it once — an existing folder, a plain file name, the format's extension, never a
 * Duiding project or the open project — and hands back a token. Export calls take only that token,
 * once; a request with a made-up path has nothing to write to (docs/security.md).
 */
import { randomBytes } from 'node:crypto';
import { realpathSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { isProjectFile } from '../export/atomic-write';
import { HandlerError } from './context';

export const EXPORT_FORMATS = ['xlsx', 'csv', 'html', 'svg', 'png', 'json', 'sav'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A file name with the format's extension (added when missing, never a second one). */
export function withExtension(name: string, format: ExportFormat): string {
  return name.toLowerCase().endsWith(`.${format}`) ? name : `${name}.${format}`;
}

/** The absolute path an export of `format` may be written to, or a typed refusal. */
export function checkSavePath(dir: string, name: string, format: ExportFormat, openProject: string | null): string {
  if (!isAbsolute(dir)) throw new HandlerError('path-not-absolute', `Give a full folder path: ${dir}`);
  const clean = name.trim();
  // One plain name: no folders, no control characters (a newline in a name is not a name).
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (!clean || clean !== basename(clean) || /[\\/\u0000-\u001f]/.test(clean) || clean === '.' || clean === '..') {
    throw new HandlerError('bad-file-name', `Not a file name: ${JSON.stringify(name)}`);
  }
  let folder: string;
  try {
    folder = realpathSync(resolve(dir));
    if (!statSync(folder).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new HandlerError('not-found', `Folder not found: ${dir}`);
  }
  const path = join(folder, withExtension(clean, format));
  if (isProjectFile(path)) throw new HandlerError('project-file', `${path} is a Duiding project; an export never replaces a project`);
  if (openProject) {
    let open = resolve(openProject);
    try {
      open = realpathSync(open);
    } catch {
      // the open project's path is what it is
    }
    if (open === path) throw new HandlerError('project-file', `${path} is the open project`);
  }
  return path;
}

interface Target {
  path: string;
  format: ExportFormat;
  expires: number;
}

const LIFETIME_MS = 60 * 60 * 1000;

export class SaveTargets {
  private readonly targets = new Map<string, Target>();
  private readonly chosen = new Set<string>();

  /** True for a path the user chose to save to in this session (the only ones "show in folder" opens). */
  wasChosen(path: string): boolean {
    return this.chosen.has(path);
  }

  issue(path: string, format: ExportFormat): { token: string; path: string } {
    const now = Date.now();
    for (const [k, t] of this.targets) if (t.expires < now) this.targets.delete(k);
    const token = randomBytes(18).toString('base64url');
    this.targets.set(token, { path, format, expires: now + LIFETIME_MS });
    this.chosen.add(path);
    return { token, path };
  }

  /** The path behind a token, for one export of `format`; the token is used up. */
  take(token: string, format: ExportFormat): string {
    const t = this.targets.get(token);
    if (!t || t.expires < Date.now()) throw new HandlerError('no-save-target', 'Choose where to save first (the save dialog gives the export its file).');
    if (t.format !== format) throw new HandlerError('no-save-target', `That file was chosen for .${t.format}, not .${format}`);
    this.targets.delete(token);
    return t.path;
  }
}
