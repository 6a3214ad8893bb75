/**
 * Choosing a data file to import. Electron answers `ui.chooseFile` with the system's open dialog; the
 * browser host cannot (a browser file input never reveals a path), so its renderer browses the disk
 * through `files.list`, which returns names, sizes and dates only — never file contents.
 */
import { z } from 'zod';
import { call } from './contract';

/** The files Duiding reads, by kind; extensions lower-case with the dot. `json`: weighting targets. */
export const DATA_FILE_KINDS = {
  sav: ['.sav', '.zsav'],
  csv: ['.csv', '.tsv', '.txt'],
  xlsx: ['.xlsx'],
  dta: ['.dta'],
  json: ['.json'],
} as const satisfies Record<string, readonly string[]>;

export type DataFileKind = keyof typeof DATA_FILE_KINDS;
export const dataFileKinds = Object.keys(DATA_FILE_KINDS) as DataFileKind[];
/** What the file chooser offers unless asked for other kinds: the data files Duiding can import. */
export const importFileKinds: DataFileKind[] = ['sav', 'csv', 'xlsx', 'dta'];

/** The kind a file name belongs to, or null when it is none of `kinds`. */
export function dataFileKind(name: string, kinds: readonly DataFileKind[] = importFileKinds): DataFileKind | null {
  const lower = name.toLowerCase();
  for (const k of kinds) if ((DATA_FILE_KINDS[k] as readonly string[]).some((ext) => lower.endsWith(ext))) return k;
  return null;
}

export interface FileEntry {
  name: string;
  /** Absolute, normalised path. */
  path: string;
  kind: 'dir' | DataFileKind;
  /** Bytes; null for directories. */
  size: number | null;
  /** ISO time of last modification. */
  modified: string;
}

export interface FileListing {
  /** The listed directory, absolute and with symbolic links resolved. */
  dir: string;
  /** Its parent, or null at the root. */
  parent: string | null;
  /** The user's home directory, where browsing starts. */
  home: string;
  /** Directories first, then data files; each group by name. */
  entries: FileEntry[];
  /** True when the directory held more entries than one listing returns. */
  truncated: boolean;
}

const kinds = z
  .array(z.enum(dataFileKinds as [DataFileKind, ...DataFileKind[]]))
  .min(1)
  .max(dataFileKinds.length);
// NUL cannot occur in a path; refusing it here keeps it away from every file system call.
const dirPath = z
  .string()
  .min(1)
  .max(4096)
  .refine((s) => !s.includes('\0'), 'a path cannot contain NUL');

/** Formats an export can be saved as. */
export const saveFormat = z.enum(['xlsx', 'csv', 'html', 'svg', 'png', 'json', 'sav']);

/** A file the user chose to save to: the path to show, and the token an export call takes instead of a path. */
export interface SaveTarget {
  token: string;
  path: string;
}

/** A save token (electron/backend/save-targets.ts). */
export const saveToken = z.string().min(8).max(64);

export const filesSection = {
  /** The native open dialog (Electron only); null when the user cancels. */
  'ui.chooseFile': call<{ path: string } | null>()(z.object({ kinds: kinds.optional() })),
  /** One directory: subdirectories and importable files. Without `dir`, the home directory. */
  'files.list': call<FileListing>()(z.object({ dir: dirPath.optional(), kinds: kinds.optional(), hidden: z.boolean().default(false) })),
  /** The native save dialog (Electron only); null when the user cancels. */
  'ui.chooseSave': call<SaveTarget | null>()(z.object({ format: saveFormat, suggestedName: z.string().max(255).default('') })),
  /** The browser host's save: a folder the user browsed to and a file name, checked once, as a token. */
  'files.saveTarget': call<SaveTarget>()(z.object({ dir: dirPath, name: z.string().min(1).max(255), format: saveFormat })),
  /** Show a written file in the system's file manager (Electron only). */
  'ui.showInFolder': call<null>()(z.object({ path: z.string().min(1).max(4096) })),
};
