/**
 * A book from its JSON (the file `duiding book --spec` reads): pasted or read from a file on this
 * computer (read here, in the page; nothing is uploaded). The backend validates it with the same
 * schema as the CLI and names every bad field by its JSON path.
 */
import { useState } from 'react';
import type { BookSpec } from '../../shared/book/book';
import { invoke, toApiError } from '../api/client';
import { Dialog } from '../components/Dialog';
import { useI18n } from '../i18n/i18n';

export function ImportBookDialog({ onImported, onClose }: { onImported(spec: BookSpec): void; onClose(): void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [issues, setIssues] = useState<{ path: string; message: string }[] | null>(null);
  const [busy, setBusy] = useState(false);

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    setText(await file.text());
    setIssues(null);
  };

  const check = async () => {
    setBusy(true);
    try {
      const r = await invoke('book.parse', { text });
      if (r.ok) onImported(r.spec);
      else setIssues(r.issues);
    } catch (e) {
      setIssues([{ path: '', message: toApiError(e).message }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('bk.importTitle')}
      onClose={onClose}
      wide
      footer={
        <>
          <button type="button" onClick={onClose}>
            {t('app.cancel')}
          </button>
          <button type="button" className="primary" disabled={!text.trim() || busy} onClick={() => void check()} data-testid="bk-import-ok">
            {t('bk.importOk')}
          </button>
        </>
      }
    >
      <p className="muted">{t('bk.importHelp')}</p>
      <label className="book-import-file">
        {t('bk.importFile')}{' '}
        <input type="file" accept=".json,application/json" onChange={(e) => void readFile(e.target.files?.[0])} data-testid="bk-import-file" />
      </label>
      <label className="book-import-text">
        {t('bk.importPaste')}
        <textarea
          value={text}
          rows={14}
          spellCheck={false}
          onChange={(e) => {
            setText(e.target.value);
            setIssues(null);
          }}
          aria-invalid={issues ? true : undefined}
          data-testid="bk-import-text"
        />
      </label>
      {issues && (
        <div className="error-box" role="alert" data-testid="bk-import-issues">
          <p>{t('bk.importInvalid')}</p>
          <ul>
            {issues.map((i, k) => (
              <li key={k}>
                <code>{i.path || t('bk.jsonRoot')}</code>: {i.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Dialog>
  );
}
