/** Name and folder of a book: for a new book, a copy, or a rename. */
import { useState } from 'react';
import { Dialog, SaveCancel } from '../components/Dialog';
import { useI18n } from '../i18n/i18n';

export interface BookNameDialogProps {
  title: string;
  name: string;
  folder: string;
  /** Folders already in use, offered while typing. */
  folders: string[];
  okLabel: string;
  /** Resolves when done; rejects with a message to show (e.g. the name is taken). */
  onSubmit(name: string, folder: string): Promise<void>;
  onClose(): void;
}

export function BookNameDialog({ title, name: name0, folder: folder0, folders, okLabel, onSubmit, onClose }: BookNameDialogProps) {
  const { t } = useI18n();
  const [name, setName] = useState(name0);
  const [folder, setFolder] = useState(folder0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!name.trim()) return setError(t('bk.err.name'));
    setBusy(true);
    try {
      await onSubmit(name.trim(), folder.trim());
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={title}
      onClose={onClose}
      footer={<SaveCancel onSave={() => !busy && void submit()} onCancel={onClose} saveLabel={okLabel} cancelLabel={t('app.cancel')} testId="bk-name-ok" />}
    >
      <form
        className="book-name-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label>
          {t('bk.name')}
          <input
            value={name}
            autoFocus
            onChange={(e) => setName(e.target.value)}
            maxLength={200}
            aria-invalid={error ? true : undefined}
            data-testid="bk-name-input"
          />
        </label>
        <label>
          {t('bk.folder')}
          <input
            value={folder}
            onChange={(e) => setFolder(e.target.value)}
            maxLength={200}
            list="bk-folders"
            placeholder={t('bk.folderNone')}
            data-testid="bk-folder-input"
          />
          <datalist id="bk-folders">
            {folders.filter(Boolean).map((f) => (
              <option key={f} value={f} />
            ))}
          </datalist>
        </label>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
