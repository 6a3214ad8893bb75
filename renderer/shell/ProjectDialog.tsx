/**
 * Open or create a project by its path (recent projects one click away). An empty file where a project
 * should be (what an interrupted create of an older version left) is refused by the backend with
 * `empty-project`; the dialog then asks whether to replace it by a new project and only then retries
 * with `replaceEmpty`. Nothing else is ever overwritten.
 */
import { useEffect, useState } from 'react';
import { invoke, toApiError, type ApiError } from '../api/client';
import { Dialog } from '../components/Dialog';
import { ErrorBox } from '../components/ErrorBox';
import { useI18n } from '../i18n/i18n';

type Action = 'project.open' | 'project.create';

export function ProjectDialog({ onClose, onDone }: { onClose(): void; onDone(name: string): void }) {
  const { t } = useI18n();
  const [path, setPath] = useState('');
  const [recent, setRecent] = useState<string[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  /** The call refused with `empty-project`, waiting for the user's answer. */
  const [askReplace, setAskReplace] = useState<{ action: Action; path: string } | null>(null);

  useEffect(() => {
    invoke('project.recent', {})
      .then(setRecent)
      .catch(() => setRecent([]));
  }, []);

  const run = async (action: Action, target: string, replaceEmpty = false) => {
    if (!target.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const p = await invoke(action, { path: target.trim(), replaceEmpty });
      onDone(p.name);
    } catch (e) {
      const err = toApiError(e);
      if (err.code === 'empty-project' && !replaceEmpty) setAskReplace({ action, path: target.trim() });
      else setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (askReplace) {
    return (
      <Dialog
        title={t('proj.emptyTitle')}
        onClose={() => setAskReplace(null)}
        footer={
          <>
            <button type="button" onClick={() => setAskReplace(null)} data-testid="project-keep-empty">
              {t('app.cancel')}
            </button>
            <button
              type="button"
              className="primary"
              disabled={busy}
              data-testid="project-replace-empty"
              onClick={() => {
                const { action, path: p } = askReplace;
                setAskReplace(null);
                void run(action, p, true);
              }}
            >
              {t('proj.replaceEmpty')}
            </button>
          </>
        }
      >
        <p data-testid="project-empty-question">{t('proj.emptyQuestion', { path: askReplace.path })}</p>
      </Dialog>
    );
  }

  return (
    <Dialog
      title={t('proj.title')}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            {t('app.cancel')}
          </button>
          <button type="button" disabled={busy || !path.trim()} onClick={() => void run('project.create', path)} data-testid="project-create">
            {t('proj.create')}
          </button>
          <button type="button" className="primary" disabled={busy || !path.trim()} onClick={() => void run('project.open', path)} data-testid="project-open">
            {t('proj.open')}
          </button>
        </>
      }
    >
      <label className="field">
        {t('proj.path')}
        <input
          type="text"
          value={path}
          onChange={(e) => setPath(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && void run('project.open', path)}
          placeholder={t('proj.pathHint')}
          spellCheck={false}
          data-testid="project-path"
          autoFocus
        />
      </label>
      {recent.length > 0 && (
        <>
          <h3>{t('proj.recent')}</h3>
          <ul className="recent-projects">
            {recent.map((p) => (
              <li key={p}>
                <button type="button" className="link-button" onClick={() => void run('project.open', p)}>
                  {p}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <ErrorBox error={error} />
    </Dialog>
  );
}
