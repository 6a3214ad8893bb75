/**
 * The project's books, grouped by folder, as a WAI-ARIA listbox: arrows move, Enter opens, F2
 * renames, Delete deletes (undoable with Ctrl+Z like every project change). The buttons below act on
 * the highlighted book, so everything the keys do the mouse can do too.
 */
import { useState, type KeyboardEvent } from 'react';
import type { SavedBook } from '../../shared/api/books';
import { useI18n } from '../i18n/i18n';
import { counted } from './plural';

export interface BookListProps {
  books: SavedBook[];
  openId: number | null;
  /** An unsaved book open in the editor (shown on top of the list). */
  draftName: string | null;
  onOpen(book: SavedBook): void;
  onNew(): void;
  onImport(): void;
  onDuplicate(book: SavedBook): void;
  onRename(book: SavedBook): void;
  onDelete(book: SavedBook): void;
  /** Folded to a narrow strip, to give wide tables the room. */
  collapsed: boolean;
  onCollapse(collapsed: boolean): void;
}

function questionCount(b: SavedBook): number | null {
  return b.spec && Array.isArray(b.spec.questions) ? b.spec.questions.length : null;
}

export function BookList(props: BookListProps) {
  const { t } = useI18n();
  if (props.collapsed)
    return (
      <nav className="book-list-pane collapsed" aria-label={t('bk.books')}>
        <button
          type="button"
          className="book-list-toggle"
          onClick={() => props.onCollapse(false)}
          aria-label={t('bk.showList')}
          title={t('bk.showList')}
          data-testid="bk-list-toggle"
        >
          »
        </button>
      </nav>
    );
  return <OpenBookList {...props} />;
}

function OpenBookList({ books, openId, draftName, onOpen, onNew, onImport, onDuplicate, onRename, onDelete, onCollapse }: BookListProps) {
  const { t, num, lang } = useI18n();
  const [active, setActive] = useState<number | null>(null);
  const current = books.find((b) => b.id === active) ?? books.find((b) => b.id === openId) ?? null;
  const folders = [...new Set(books.map((b) => b.folder))];
  const ordered = folders.flatMap((f) => books.filter((b) => b.folder === f));

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = ordered.findIndex((b) => b.id === current?.id);
    let next = -1;
    if (e.key === 'ArrowDown') next = Math.min(ordered.length - 1, i + 1);
    else if (e.key === 'ArrowUp') next = Math.max(0, i - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = ordered.length - 1;
    else if (current && e.key === 'Enter') onOpen(current);
    else if (current && e.key === 'F2') onRename(current);
    else if (current && e.key === 'Delete') onDelete(current);
    else return;
    e.preventDefault();
    if (next >= 0 && ordered[next]) {
      setActive(ordered[next].id);
      document.getElementById(`book-${ordered[next].id}`)?.scrollIntoView({ block: 'nearest' });
    }
  };

  const date = (iso: string) => new Date(iso).toLocaleDateString(lang === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

  return (
    <nav className="book-list-pane" aria-label={t('bk.books')}>
      <div className="book-list-head">
        <div className="book-list-title">
          <h2>{t('bk.books')}</h2>
          <button
            type="button"
            className="book-list-toggle"
            onClick={() => onCollapse(true)}
            aria-label={t('bk.hideList')}
            title={t('bk.hideList')}
            data-testid="bk-list-toggle"
          >
            «
          </button>
        </div>
        <button type="button" className="primary" onClick={onNew} data-testid="bk-new">
          {t('bk.new')}
        </button>
        <button type="button" onClick={onImport} data-testid="bk-import">
          {t('bk.import')}
        </button>
      </div>
      {draftName !== null && (
        <p className="book-draft-entry" aria-current="true">
          <span className="book-name">{draftName}</span>
          <span className="book-meta">{t('bk.unsavedNew')}</span>
        </p>
      )}
      {books.length === 0 && draftName === null && <p className="muted book-empty">{t('bk.noBooks')}</p>}
      {books.length > 0 && (
        <div
          className="book-list"
          role="listbox"
          tabIndex={0}
          aria-label={t('bk.books')}
          aria-activedescendant={current ? `book-${current.id}` : undefined}
          onKeyDown={onKey}
          data-testid="bk-list"
        >
          {folders.map((f) => (
            <div role="group" key={f || '-'} aria-label={f || t('bk.noFolder')}>
              {folders.length > 1 || f ? (
                <div className="book-folder" aria-hidden="true">
                  {f || t('bk.noFolder')}
                </div>
              ) : null}
              {books
                .filter((b) => b.folder === f)
                .map((b) => {
                  const n = questionCount(b);
                  return (
                    <div
                      key={b.id}
                      id={`book-${b.id}`}
                      role="option"
                      aria-selected={b.id === current?.id}
                      className={`book-item${b.id === openId ? ' open' : ''}${b.id === current?.id ? ' active' : ''}`}
                      data-book={b.name}
                      onClick={() => {
                        setActive(b.id);
                        onOpen(b);
                      }}
                    >
                      <span className="book-name">{b.name}</span>
                      <span className="book-meta">
                        {b.spec ? (n === null ? t('bk.questionsDynamic') : counted(t, num, 'bk.questions', n)) : t('bk.invalidStored')}
                        {' · '}
                        {date(b.updatedAt)}
                      </span>
                    </div>
                  );
                })}
            </div>
          ))}
        </div>
      )}
      {current && (
        <div className="book-list-actions" aria-label={t('bk.actionsFor', { name: current.name })} role="group">
          <button type="button" onClick={() => onDuplicate(current)} disabled={!current.spec} data-testid="bk-duplicate">
            {t('bk.duplicate')}
          </button>
          <button type="button" onClick={() => onRename(current)} title="F2" data-testid="bk-rename">
            {t('bk.rename')}
          </button>
          <button type="button" onClick={() => onDelete(current)} title="Delete" data-testid="bk-delete">
            {t('bk.delete')}
          </button>
        </div>
      )}
    </nav>
  );
}
