/**
 * The Tabellenboek tab: the project's books on the left, the open one on the right. Books are saved
 * with `book.save` (one undo step and one audit entry each, so Ctrl+Z in the shell takes a save, a
 * rename or a delete back); the open book follows undo and redo unless it has unsaved edits.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SavedBook } from '../../shared/api/books';
import type { BookSpec } from '../../shared/book/book';
import { invoke, toApiError } from '../api/client';
import { downloadBlob } from '../components/download';
import { ErrorBox } from '../components/ErrorBox';
import { Dialog } from '../components/Dialog';
import { useI18n } from '../i18n/i18n';
import { useNotice } from '../state/notice';
import { useProject } from '../state/project-context';
import { useSessionState } from '../state/useSessionState';
import { BookEditor } from './BookEditor';
import { BookList } from './BookList';
import { BookNameDialog } from './BookNameDialog';
import type { ShownReport } from './BookReportView';
import { newBookSpec } from './draft';
import { ImportBookDialog } from './ImportBookDialog';
import { isDirty, openSaved, syncWithStore, type OpenBook } from './open-book';
import { useBookList } from './useBookList';
import './books.css';

type NameDialog = { kind: 'new' } | { kind: 'rename' | 'duplicate'; book: SavedBook } | null;

export function BookView() {
  const { t } = useI18n();
  const { notify } = useNotice();
  const { dataset, info, version } = useProject();
  const { books, error } = useBookList(version);
  const [state, setState] = useSessionState<{ open: OpenBook | null }>('duiding.book.open', { open: null });
  const [reports, setReports] = useSessionState<Record<string, ShownReport>>('duiding.book.reports', {});
  const [nameDialog, setNameDialog] = useState<NameDialog>(null);
  const [importing, setImporting] = useState(false);
  const [list, setList] = useSessionState<{ collapsed: boolean }>('duiding.book.list', { collapsed: false });
  const [pending, setPending] = useState<SavedBook | null>(null);
  const open = state.open;
  const dirty = open ? isDirty(open) : false;

  // Follow the store when its list changes (undo, redo, "add to tabellenboek"); not on every edit.
  const openRef = useRef(state.open);
  useEffect(() => {
    openRef.current = state.open;
  });
  useEffect(() => {
    const current = openRef.current;
    if (!books || !current) return;
    const r = syncWithStore(current, books);
    if (r.event === 'gone') notify(t('bk.goneFromProject', { name: current.name }));
    if (r.open !== current) setState({ open: r.open });
  }, [books, setState, notify, t]);

  // Coming to the tab with nothing open: open the first book rather than an empty page.
  const autoOpened = useRef(false);
  useEffect(() => {
    if (autoOpened.current || !books) return;
    autoOpened.current = true;
    const first = books.find((b) => b.spec);
    if (!state.open && first?.spec) setState({ open: openSaved({ ...first, spec: first.spec }) });
  }, [books, state.open, setState]);

  const setSpec = useCallback((spec: BookSpec) => setState((s) => (s.open ? { open: { ...s.open, spec } } : s)), [setState]);

  const openBook = (b: SavedBook) => {
    if (open?.id === b.id) return;
    if (!b.spec) return notify(t('bk.cannotOpen', { name: b.name, why: b.invalid ?? '' }), 'error');
    if (open && dirty) return setPending(b);
    setState({ open: openSaved({ ...b, spec: b.spec }) });
  };

  const save = useCallback(async () => {
    if (!open) return;
    try {
      const saved = await invoke('book.save', {
        ...(open.id !== null ? { id: open.id } : {}),
        name: open.name,
        folder: open.folder,
        spec: open.spec,
        ...(dataset ? { snapshot: dataset } : {}),
      });
      if (saved.spec) setState({ open: openSaved({ ...saved, spec: saved.spec }) });
      notify(t('bk.saved', { name: saved.name }));
      return true;
    } catch (e) {
      notify(toApiError(e).message, 'error');
      return false;
    }
  }, [open, dataset, setState, notify, t]);

  // Ctrl+S saves the open book (the browser's "save page" is of no use here).
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 's' || document.querySelector('dialog[open]')) return;
      e.preventDefault();
      void save();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save]);

  const submitName = async (name: string, folder: string) => {
    if (!nameDialog) return;
    if (nameDialog.kind === 'new') {
      if (!info) return;
      setState({ open: { id: null, name, folder, spec: newBookSpec(name, info.name, info.fileLabel), saved: null } });
    } else {
      const b = nameDialog.book;
      try {
        const saved = await invoke('book.save', { ...(nameDialog.kind === 'rename' ? { id: b.id } : {}), name, folder, spec: b.spec });
        if (nameDialog.kind === 'duplicate' && saved.spec) setState({ open: openSaved({ ...saved, spec: saved.spec }) });
        notify(t(nameDialog.kind === 'rename' ? 'bk.renamed' : 'bk.duplicated', { name }));
      } catch (e) {
        throw new Error(toApiError(e).message, { cause: e });
      }
    }
    setNameDialog(null);
  };

  const remove = async (b: SavedBook) => {
    try {
      await invoke('book.delete', { id: b.id });
      notify(t('bk.deleted', { name: b.name }));
    } catch (e) {
      notify(toApiError(e).message, 'error');
    }
  };

  const exportJson = () => {
    if (!open) return;
    downloadBlob(`${JSON.stringify(open.spec, null, 2)}\n`, 'application/json', `${open.name.replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'tabellenboek'}.json`);
  };

  const reportKey = open ? String(open.id ?? 'new') : '';
  const folders = [...new Set((books ?? []).map((b) => b.folder))];

  return (
    <section className="book-view">
      <BookList
        books={books ?? []}
        openId={open?.id ?? null}
        draftName={open && open.id === null ? open.name : null}
        onOpen={openBook}
        onNew={() => setNameDialog({ kind: 'new' })}
        onImport={() => setImporting(true)}
        onDuplicate={(b) => setNameDialog({ kind: 'duplicate', book: b })}
        onRename={(b) => setNameDialog({ kind: 'rename', book: b })}
        onDelete={(b) => void remove(b)}
        collapsed={list.collapsed}
        onCollapse={(collapsed) => setList({ collapsed })}
      />
      <div className="book-main">
        <ErrorBox error={error} />
        {open ? (
          <BookEditor
            key={open.id ?? 'new'}
            open={open}
            dirty={dirty}
            onSpec={setSpec}
            onSave={() => void save()}
            onExport={exportJson}
            report={reports[reportKey] ?? null}
            onReport={(r) =>
              setReports((all) => {
                const { [reportKey]: _old, ...rest } = all;
                return r ? { ...rest, [reportKey]: r } : rest;
              })
            }
          />
        ) : (
          <div className="book-welcome">
            <h2>{t('bk.welcomeTitle')}</h2>
            <p className="muted">{t('bk.welcome')}</p>
          </div>
        )}
      </div>
      {nameDialog && (
        <BookNameDialog
          title={t(nameDialog.kind === 'new' ? 'bk.newTitle' : nameDialog.kind === 'rename' ? 'bk.renameTitle' : 'bk.duplicateTitle')}
          name={nameDialog.kind === 'new' ? '' : nameDialog.kind === 'rename' ? nameDialog.book.name : t('bk.copyName', { name: nameDialog.book.name })}
          folder={nameDialog.kind === 'new' ? '' : nameDialog.book.folder}
          folders={folders}
          okLabel={t(nameDialog.kind === 'new' ? 'bk.create' : nameDialog.kind === 'rename' ? 'bk.rename' : 'bk.duplicate')}
          onSubmit={submitName}
          onClose={() => setNameDialog(null)}
        />
      )}
      {importing && (
        <ImportBookDialog
          onClose={() => setImporting(false)}
          onImported={(spec) => {
            setImporting(false);
            setState({ open: { id: null, name: spec.title, folder: '', spec, saved: null } });
            notify(t('bk.imported', { name: spec.title }));
          }}
        />
      )}
      {pending && open && (
        <Dialog
          title={t('bk.unsavedTitle')}
          onClose={() => setPending(null)}
          footer={
            <>
              <button type="button" onClick={() => setPending(null)}>
                {t('app.cancel')}
              </button>
              <button
                type="button"
                onClick={() => {
                  if (pending.spec) setState({ open: openSaved({ ...pending, spec: pending.spec }) });
                  setPending(null);
                }}
                data-testid="bk-discard"
              >
                {t('bk.discard')}
              </button>
              <button
                type="button"
                className="primary"
                onClick={() =>
                  void save().then((ok) => {
                    if (ok && pending.spec) setState({ open: openSaved({ ...pending, spec: pending.spec }) });
                    setPending(null);
                  })
                }
              >
                {t('bk.saveAndOpen')}
              </button>
            </>
          }
        >
          <p>{t('bk.unsavedText', { name: open.name, other: pending.name })}</p>
        </Dialog>
      )}
    </section>
  );
}
