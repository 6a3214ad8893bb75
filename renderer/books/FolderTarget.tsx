/**
 * Where the browser host writes a book (or a dataset's .sav): a folder browsed to on this computer (the host's file
 * browser, as the import dialog uses) and a file name. The backend turns both into a save token at
 * run time (`files.saveTarget`), so a renderer never names a path to write to.
 */
import { useCallback, useState } from 'react';
import type { FileListing } from '../../shared/api/files';
import { useI18n } from '../i18n/i18n';
import { FileBrowser } from '../import/FileBrowser';

/** The file name with the format's extension, as the backend will add it (save-targets.ts withExtension). */
export function withExt(name: string, ext: 'xlsx' | 'sav'): string {
  return name.toLowerCase().endsWith(`.${ext}`) ? name : `${name}.${ext}`;
}

export function withXlsx(name: string): string {
  return withExt(name, 'xlsx');
}

export interface FolderTargetProps {
  dir: string;
  name: string;
  /** Must be stable (a state setter): the browser reports every folder it lists. */
  onDir(dir: string): void;
  onName(name: string): void;
  /** What is written: a workbook (default) or an SPSS file; the browser lists files of that kind. */
  format?: 'xlsx' | 'sav';
  /** Where the browser starts (the last folder used for this kind of file). */
  storageKey?: string;
  /** What the browser says in a folder without subfolders or files of the kind. */
  emptyText?: string;
}

export function FolderTarget({ dir, name, onDir, onName, format = 'xlsx', storageKey = 'duiding.book.dir', emptyText }: FolderTargetProps) {
  const { t } = useI18n();
  const [listing, setListing] = useState<FileListing | null>(null);
  const listed = useCallback(
    (l: FileListing) => {
      setListing(l);
      onDir(l.dir);
    },
    [onDir],
  );
  const file = withExt(name.trim(), format);
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  const existing = listing?.entries.some((e) => e.kind === format && e.name.toLowerCase() === file.toLowerCase());

  return (
    <div className="folder-target" data-testid="bk-target">
      <FileBrowser
        kinds={[format]}
        storageKey={storageKey}
        emptyText={emptyText ?? t('bk.emptyFolder')}
        onListed={listed}
        onChoose={(p) => onName(p.split(/[\\/]/).pop() ?? name)}
      />
      <label className="folder-target-name">
        {t('bk.fileName')}
        <input value={name} onChange={(e) => onName(e.target.value)} spellCheck={false} data-testid="bk-file-name" />
      </label>
      {dir && name.trim() && (
        <p className="muted folder-target-path" data-testid="bk-target-path">
          {t('bk.willWrite', { path: `${dir.replace(/[\\/]$/, '')}${sep}${file}` })}
          {existing && <span className="field-warning"> {t('bk.replaces')}</span>}
        </p>
      )}
    </div>
  );
}
