/**
 * Where the browser host writes a book: a folder browsed to on this computer (the host's file
 * browser, as the import dialog uses) and a file name. The backend turns both into a save token at
 * run time (`files.saveTarget`), so a renderer never names a path to write to.
 */
import { useCallback, useState } from 'react';
import type { FileListing } from '../../shared/api/files';
import { useI18n } from '../i18n/i18n';
import { FileBrowser } from '../import/FileBrowser';

export function withXlsx(name: string): string {
  return name.toLowerCase().endsWith('.xlsx') ? name : `${name}.xlsx`;
}

export interface FolderTargetProps {
  dir: string;
  name: string;
  /** Must be stable (a state setter): the browser reports every folder it lists. */
  onDir(dir: string): void;
  onName(name: string): void;
}

export function FolderTarget({ dir, name, onDir, onName }: FolderTargetProps) {
  const { t } = useI18n();
  const [listing, setListing] = useState<FileListing | null>(null);
  const listed = useCallback(
    (l: FileListing) => {
      setListing(l);
      onDir(l.dir);
    },
    [onDir],
  );
  const file = withXlsx(name.trim());
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  const existing = listing?.entries.some((e) => e.kind === 'xlsx' && e.name.toLowerCase() === file.toLowerCase());

  return (
    <div className="folder-target" data-testid="bk-target">
      <FileBrowser
        kinds={['xlsx']}
        storageKey="duiding.book.dir"
        emptyText={t('bk.emptyFolder')}
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
