/**
 * Browsing the disk for the browser host, where a file input cannot give a path: a path field the
 * user can type into, Up and Home, and one folder's subfolders and data files from `files.list`.
 * Arrow keys move through the list, Enter opens a folder or chooses a file, Backspace goes up.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { DataFileKind, FileEntry, FileListing } from '../../shared/api/files';
import { invoke, toApiError, type ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { ImportErrorBox } from './ImportErrorBox';

const START_KEY = 'duiding.import.dir';

function sizeText(bytes: number, num: (v: number, d?: number) => string): string {
  if (bytes < 1024) return `${num(bytes)} B`;
  if (bytes < 1024 ** 2) return `${num(bytes / 1024, 1)} kB`;
  if (bytes < 1024 ** 3) return `${num(bytes / 1024 ** 2, 1)} MB`;
  return `${num(bytes / 1024 ** 3, 1)} GB`;
}

export interface FileBrowserProps {
  /** A file was chosen (clicked, or Enter). */
  onChoose(path: string): void;
  /** Which files to list beside the folders (default: every importable kind). */
  kinds?: DataFileKind[];
  /** The folder now shown (a save dialog's "where", and what is already in it). */
  onListed?(listing: FileListing): void;
  /** Where the last folder is remembered (this tab's session). */
  storageKey?: string;
  /** Said of a folder with nothing to list (default: no subfolders or data files). */
  emptyText?: string;
}

export function FileBrowser({ onChoose, kinds, onListed, storageKey = START_KEY, emptyText }: FileBrowserProps) {
  const { t, num, lang } = useI18n();
  const [listing, setListing] = useState<FileListing | null>(null);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  // After opening a folder from the list, the keyboard user continues in the new list.
  const focusList = useRef(false);

  const kindsKey = kinds?.join(',');
  // Only the latest listing asked for may land: the start folder's answer must not overwrite a folder
  // the user typed while it was on its way.
  const latest = useRef(0);
  const open = useCallback(
    async (dir?: string) => {
      const asked = ++latest.current;
      try {
        const l = await invoke('files.list', { ...(dir ? { dir } : {}), ...(kindsKey ? { kinds: kindsKey.split(',') as DataFileKind[] } : {}) });
        if (asked !== latest.current) return;
        setListing(l);
        setTyped(l.dir);
        setError(null);
        sessionStorage.setItem(storageKey, l.dir);
        onListed?.(l);
      } catch (e) {
        if (asked === latest.current) setError(toApiError(e));
      }
    },
    [kindsKey, storageKey, onListed],
  );

  useEffect(() => {
    void open(sessionStorage.getItem(storageKey) ?? undefined);
  }, [open, storageKey]);

  useEffect(() => {
    if (!focusList.current) return;
    focusList.current = false;
    listRef.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [listing]);

  const openFromList = (dir: string) => {
    focusList.current = true;
    void open(dir);
  };
  const choose = (e: FileEntry) => (e.kind === 'dir' ? openFromList(e.path) : onChoose(e.path));

  // Roving focus over the entries: one Tab stop for the list, arrows within it.
  const onListKey = (ev: KeyboardEvent<HTMLUListElement>) => {
    const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    let next = -1;
    if (ev.key === 'ArrowDown') next = Math.min(buttons.length - 1, i + 1);
    else if (ev.key === 'ArrowUp') next = Math.max(0, i - 1);
    else if (ev.key === 'Home') next = 0;
    else if (ev.key === 'End') next = buttons.length - 1;
    else if (ev.key === 'Backspace' && listing?.parent) {
      ev.preventDefault();
      openFromList(listing.parent);
      return;
    }
    if (next < 0) return;
    ev.preventDefault();
    buttons[next]?.focus();
  };

  const date = (iso: string) => new Date(iso).toLocaleDateString(lang === 'nl' ? 'nl-NL' : 'en-GB');

  return (
    <div className="file-browser">
      <form
        className="file-browser-path"
        onSubmit={(ev) => {
          ev.preventDefault();
          void open(typed);
        }}
      >
        <label>
          {t('imp.folder')}
          <input value={typed} onChange={(ev) => setTyped(ev.target.value)} data-testid="import-path" spellCheck={false} />
        </label>
        <button type="submit">{t('imp.go')}</button>
        <button type="button" onClick={() => listing?.parent && void open(listing.parent)} disabled={!listing?.parent} title="Backspace">
          {t('imp.up')}
        </button>
        <button type="button" onClick={() => void open(listing?.home)}>
          {t('imp.home')}
        </button>
      </form>
      <ImportErrorBox error={error} />
      {listing && listing.entries.length === 0 && <p className="muted">{emptyText ?? t('imp.emptyFolder')}</p>}
      {listing && listing.entries.length > 0 && (
        <ul className="file-list" ref={listRef} onKeyDown={onListKey} aria-label={t('imp.files')} data-testid="import-files">
          {listing.entries.map((e, i) => (
            <li key={e.path}>
              <button type="button" tabIndex={i === 0 ? 0 : -1} onClick={() => choose(e)} data-kind={e.kind} data-name={e.name}>
                <span className="file-icon" aria-hidden="true">
                  {e.kind === 'dir' ? '▸' : '·'}
                </span>
                <span className="file-name">{e.name}</span>
                <span className="file-kind">{e.kind === 'dir' ? t('imp.kind.dir') : e.kind.toUpperCase()}</span>
                <span className="file-size">{e.size === null ? '' : sizeText(e.size, num)}</span>
                <span className="file-date">{date(e.modified)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {listing?.truncated && <p className="muted">{t('imp.truncated')}</p>}
    </div>
  );
}
