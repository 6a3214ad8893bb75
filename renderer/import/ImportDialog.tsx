/**
 * Importing a data file: choose it (the system dialog under Electron, the file browser in the browser
 * host), look at the preview, name the dataset, import with progress and Stop. A failed or stopped
 * import changes nothing in the project; a finished one opens the new dataset in the data view.
 */
import { useEffect, useRef, useState } from 'react';
import type { ImportPreview as Preview, ReadOptions } from '../../shared/api/import';
import { invoke, toApiError, type ApiError } from '../api/client';
import { useProject } from '../state/project-context';
import { Dialog } from '../components/Dialog';
import { useI18n } from '../i18n/i18n';
import { FileBrowser } from './FileBrowser';
import { ImportErrorBox } from './ImportErrorBox';
import { ImportPreview } from './ImportPreview';
import { ReadSettings } from './ReadSettings';
import { useImportJob } from './useImportJob';
import './import.css';

const NAME = /^[\p{L}\p{N}_]+$/u;

/** The backend's default: the file's base name in letters, digits and underscores. */
export function defaultDatasetName(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? '';
  const stem = base.includes('.') ? base.slice(0, base.lastIndexOf('.')) : base;
  return stem.replace(/[^\p{L}\p{N}_]+/gu, '_').replace(/^_+|_+$/g, '') || 'data';
}

export function ImportDialog({ onClose, onImported }: { onClose(): void; onImported(dataset: string, setsNotRestored: string[]): void }) {
  const { t, num } = useI18n();
  const { project } = useProject();
  const native = typeof window !== 'undefined' && !!window.duiding;
  const [path, setPath] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewError, setPreviewError] = useState<ApiError | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [name, setName] = useState('');
  const [replace, setReplace] = useState(false);
  const [options, setOptions] = useState<ReadOptions>({});
  const job = useImportJob();
  const running = job.state.phase === 'running';
  /** The preview under way, so Stop (or closing the dialog) can end it: it runs in a worker. */
  const previewId = useRef<string | null>(null);
  const stopPreview = () => {
    if (previewId.current) void invoke('job.cancel', { jobId: previewId.current }).catch(() => undefined);
    previewId.current = null;
  };
  useEffect(() => stopPreview, []);

  const load = async (p: string, o: ReadOptions) => {
    stopPreview();
    setPreviewError(null);
    job.reset();
    setPreviewing(true);
    const id = crypto.randomUUID();
    previewId.current = id;
    try {
      const result = await invoke('import.preview', { path: p, options: o, previewId: id });
      if (previewId.current === id) setPreview(result);
    } catch (e) {
      // Keep the last good preview next to the error, so the setting can be changed back.
      // A preview stopped for a newer one says nothing; one stopped by the user says it stopped.
      if (previewId.current === id || (previewId.current === null && toApiError(e).code === 'cancelled')) setPreviewError(toApiError(e));
    } finally {
      if (previewId.current === id) previewId.current = null;
      setPreviewing(false);
    }
  };

  const choose = async (p: string) => {
    setPath(p);
    setPreview(null);
    setName(defaultDatasetName(p));
    setReplace(false);
    setOptions({});
    await load(p, {});
  };

  const changeOptions = (o: ReadOptions) => {
    setOptions(o);
    if (path) void load(path, o);
  };

  const chooseNative = async () => {
    try {
      const r = await invoke('ui.chooseFile', {});
      if (r) await choose(r.path);
    } catch (e) {
      setPreviewError(toApiError(e));
    }
  };

  const { state } = job;
  useEffect(() => {
    if (state.phase === 'done')
      onImported(state.dataset.name, state.dataset.mrSets?.skipped.map((s) => `${s.name} (${s.missing.join(', ') || s.reason})`) ?? []);
  }, [state, onImported]);

  const exists = !!project?.datasets.some((d) => d.name === name);
  const nameOk = NAME.test(name) && name.length <= 128;
  const canImport = !!preview && !previewError && !previewing && nameOk && (!exists || replace) && !running;

  const back = () => {
    setPath(null);
    setPreview(null);
    setPreviewError(null);
    setOptions({});
    job.reset();
  };

  const footer = (
    <>
      {path && !running && (
        <button type="button" onClick={back}>
          {t('imp.otherFile')}
        </button>
      )}
      <button type="button" onClick={onClose} disabled={running}>
        {t('app.cancel')}
      </button>
      {path && (
        <button
          type="button"
          className="primary"
          disabled={!canImport}
          data-testid="import-run"
          onClick={() => void job.start({ path, name, replace, options })}
        >
          {t('imp.run')}
        </button>
      )}
    </>
  );

  return (
    <Dialog title={t('imp.title')} onClose={() => !running && onClose()} wide footer={footer}>
      <div data-testid="import-dialog">
        {!path && native && (
          <p>
            <button type="button" className="primary" onClick={() => void chooseNative()} autoFocus>
              {t('imp.chooseFile')}
            </button>{' '}
            <span className="muted">{t('imp.kinds')}</span>
          </p>
        )}
        {!path && !native && (
          <>
            <p className="muted">{t('imp.kinds')}</p>
            <FileBrowser onChoose={(p) => void choose(p)} />
          </>
        )}
        {path && (
          <p className="import-file" data-testid="import-file">
            <strong>{t('imp.file')}:</strong> {path}
          </p>
        )}
        {previewing && (
          <p role="status">
            {t('app.loading')}{' '}
            <button type="button" onClick={stopPreview} data-testid="preview-stop">
              {t('imp.stop')}
            </button>
          </p>
        )}
        <ImportErrorBox error={previewError} />
        {preview && <ReadSettings preview={preview} options={options} onChange={changeOptions} disabled={running || previewing} />}
        {preview && <ImportPreview preview={preview} />}
        {preview && (
          <div className="import-name">
            <label>
              {t('imp.name')}
              <input
                value={name}
                onChange={(e) => setName(e.target.value)}
                maxLength={128}
                data-testid="import-name"
                disabled={running}
                aria-invalid={!nameOk}
              />
            </label>
            {!nameOk && <span className="field-error">{t('imp.nameRule')}</span>}
            {nameOk && exists && (
              <label>
                <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} disabled={running} />
                {t('imp.replace', { name })}
              </label>
            )}
          </div>
        )}
        {state.phase === 'running' && (
          <div
            className="progress"
            role="progressbar"
            aria-label={t('imp.running')}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={state.fraction === null ? undefined : Math.round(state.fraction * 100)}
            data-testid="import-progress"
          >
            <span>{t('imp.running')}</span>
            <progress max={1} value={state.fraction ?? undefined} />
            {state.fraction !== null && <span>{num(state.fraction * 100)}%</span>}
            <button type="button" onClick={() => void job.cancel()} data-testid="import-stop">
              {t('imp.stop')}
            </button>
          </div>
        )}
        {state.phase === 'failed' && (state.cancelled ? <p role="status">{t('imp.cancelled')}</p> : <ImportErrorBox error={state.error} />)}
      </div>
    </Dialog>
  );
}
