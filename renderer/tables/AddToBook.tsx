/**
 * "Toevoegen aan tabellenboek": the current table's questions (the query's rows) into a saved book,
 * or into a new book that takes this table's banner, weight, filter, statistics and tests. Saved at
 * once with `book.save` (one undo step, one audit entry); the Tabellenboek tab shows the result.
 */
import { useEffect, useState } from 'react';
import type { SavedBook } from '../../shared/api/books';
import type { TableQuery } from '../../shared/query/table-query';
import { invoke, toApiError } from '../api/client';
import { Dialog } from '../components/Dialog';
import { useI18n } from '../i18n/i18n';
import { useNotice } from '../state/notice';
import { useProject } from '../state/project-context';
import { addQuestions, newBookSpec, questionList } from '../books/draft';
import { counted } from '../books/plural';

const NEW = -1;

export function AddToBook({ query, labelOf }: { query: TableQuery; labelOf(name: string): string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} data-testid="ab-open">
        {t('ab.open')}
      </button>
      {open && <AddToBookDialog query={query} labelOf={labelOf} onClose={() => setOpen(false)} />}
    </>
  );
}

function AddToBookDialog({ query, labelOf, onClose }: { query: TableQuery; labelOf(name: string): string; onClose(): void }) {
  const { t, num } = useI18n();
  const { notify } = useNotice();
  const { info } = useProject();
  const [books, setBooks] = useState<SavedBook[] | null>(null);
  const [choice, setChoice] = useState<number | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    invoke('book.list', {})
      .then((b) => {
        const usable = b.filter((x) => x.spec);
        setBooks(usable);
        setChoice((c) => c ?? usable[0]?.id ?? NEW);
      })
      .catch((e) => setError(toApiError(e).message));
  }, []);

  const book = books?.find((b) => b.id === choice) ?? null;
  const list = book?.spec ? questionList(book.spec) : null;
  const already = list ? query.rows.filter((r) => list.includes(r)) : [];
  const dynamic = !!book && !list;
  const canAdd = !busy && (choice === NEW ? !!name.trim() : !!book && !dynamic);

  const add = async () => {
    setBusy(true);
    setError(null);
    try {
      if (choice === NEW) {
        const spec = {
          ...newBookSpec(name.trim(), query.dataset, info?.fileLabel ?? ''),
          questions: query.rows,
          banner: query.banner,
          ...(query.weight ? { weight: query.weight } : {}),
          ...(query.filter ? { filter: query.filter } : {}),
          statistics: query.statistics,
          tests: query.tests,
          ...(query.ruleSet ? { ruleSet: query.ruleSet } : {}),
          ...(query.rulesReason ? { rulesReason: query.rulesReason } : {}),
        };
        const saved = await invoke('book.save', { name: name.trim(), folder: '', spec, snapshot: query.dataset });
        notify(counted(t, num, 'ab.added', query.rows.length, { name: saved.name }));
      } else if (book?.spec) {
        const spec = addQuestions(book.spec, query.rows);
        if (spec === book.spec) notify(t('ab.nothing', { name: book.name }));
        else {
          await invoke('book.save', { id: book.id, name: book.name, folder: book.folder, spec, snapshot: query.dataset });
          notify(counted(t, num, 'ab.added', query.rows.length - already.length, { name: book.name }));
        }
      }
      onClose();
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('ab.title')}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            {t('app.cancel')}
          </button>
          <button type="button" className="primary" disabled={!canAdd} onClick={() => void add()} data-testid="ab-add">
            {t('ab.add')}
          </button>
        </>
      }
    >
      <p>{t('ab.what', { names: query.rows.map(labelOf).join(', ') })}</p>
      <fieldset>
        <legend>{t('ab.into')}</legend>
        {(books ?? []).map((b) => (
          <label className="check ab-choice" key={b.id}>
            <input type="radio" name="ab-book" checked={choice === b.id} onChange={() => setChoice(b.id)} data-testid={`ab-book-${b.name}`} />
            {b.folder ? `${b.folder} / ${b.name}` : b.name}
          </label>
        ))}
        <label className="check ab-choice">
          <input type="radio" name="ab-book" checked={choice === NEW} onChange={() => setChoice(NEW)} data-testid="ab-new" />
          {t('ab.newBook')}
        </label>
        {choice === NEW && (
          <label className="ab-name">
            {t('ab.newName')} <input value={name} autoFocus onChange={(e) => setName(e.target.value)} maxLength={200} data-testid="ab-name" />
          </label>
        )}
      </fieldset>
      {dynamic && <p className="field-error">{t('ab.dynamic')}</p>}
      {already.length > 0 && <p className="field-warning">{t('ab.already', { names: already.map(labelOf).join(', ') })}</p>}
      {book && !dynamic && <p className="muted">{t('ab.otherBanner')}</p>}
      {query.layers.length > 0 && <p className="muted">{t('ab.layers')}</p>}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
