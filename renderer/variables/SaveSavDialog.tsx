/**
 * "Opslaan als SPSS…": the dataset with everything made in the app (labels, missing values, sets,
 * recodes, weights) written to a .sav for colleagues who work in SPSS or R. The file goes where the
 * user chose — the system save dialog (Electron) or the host's folder browser — and the backend writes
 * only to that choice's token (electron/backend/save-targets.ts), with an audit entry first.
 */
import { useState } from 'react';
import type { DatasetInfo } from '../../shared/model/dataset';
import { invoke, toApiError } from '../api/client';
import { FolderTarget } from '../books/FolderTarget';
import { Dialog } from '../components/Dialog';
import { useI18n } from '../i18n/i18n';

export function SaveSavDialog({ info, onClose, onSaved }: { info: DatasetInfo; onClose(): void; onSaved(message: string): void }) {
  const { t, num } = useI18n();
  const [native, setNative] = useState(typeof window !== 'undefined' && !!window.duiding);
  const [dir, setDir] = useState('');
  const [name, setName] = useState(info.name);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ready = !busy && (native || (!!dir && !!name.trim()));

  const save = async () => {
    setError(null);
    setBusy(true);
    try {
      const chosen = native
        ? await invoke('ui.chooseSave', { format: 'sav', suggestedName: info.name })
        : await invoke('files.saveTarget', { dir, name: name.trim(), format: 'sav' });
      if (!chosen) return; // the save dialog was cancelled
      const r = await invoke('dataset.saveSav', { dataset: info.name, target: chosen.token });
      onSaved(t('sv.done', { path: r.path, rows: num(r.rows), variables: num(r.variables) }));
    } catch (e) {
      const err = toApiError(e);
      // No system dialog after all (a browser window): choose a folder here instead.
      if (err.code === 'no-native-dialog') setNative(false);
      else setError(err.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('sv.title', { dataset: info.name })}
      onClose={onClose}
      wide={!native}
      footer={
        <>
          <button type="button" onClick={onClose}>
            {t('app.cancel')}
          </button>
          <button type="button" className="primary" disabled={!ready} onClick={() => void save()} data-testid="sv-save">
            {busy ? t('sv.saving') : t('sv.save')}
          </button>
        </>
      }
    >
      <p className="muted">{t('sv.intro', { rows: num(info.rows), variables: num(info.variables.length) })}</p>
      {native ? (
        <p className="muted">{t('sv.native')}</p>
      ) : (
        <FolderTarget dir={dir} name={name} onDir={setDir} onName={setName} format="sav" storageKey="duiding.sav.dir" emptyText={t('sv.emptyFolder')} />
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
