/**
 * Loading targets from a file through the file chooser the import uses: the system dialog under
 * Electron, the in-page browser in the browser host, both offering only .json and CSV files. The
 * backend reads and checks the file; a bad line comes back as an error naming it.
 */
import { useState } from 'react';
import type { Targets } from '../../../shared/weighting/targets';
import { invoke, toApiError, type ApiError } from '../../api/client';
import { ErrorBox } from '../../components/ErrorBox';
import { useI18n } from '../../i18n/i18n';
import { FileBrowser } from '../../import/FileBrowser';

export function TargetsFile({ onLoaded }: { onLoaded(targets: Targets, path: string): void }) {
  const { t } = useI18n();
  const native = typeof window !== 'undefined' && !!window.duiding;
  const [browsing, setBrowsing] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const read = async (path: string) => {
    try {
      const r = await invoke('weighting.readTargets', { path });
      setError(null);
      setBrowsing(false);
      onLoaded(r.targets, r.path);
    } catch (e) {
      setError(toApiError(e));
    }
  };

  const choose = async () => {
    if (!native) return setBrowsing((b) => !b);
    try {
      const r = await invoke('ui.chooseFile', { kinds: ['json', 'csv'] });
      if (r) await read(r.path);
    } catch (e) {
      setError(toApiError(e));
    }
  };

  return (
    <div className="weight-file">
      <button type="button" onClick={() => void choose()} aria-expanded={native ? undefined : browsing} data-testid="wt-from-file">
        {t('wt.fromFile')}
      </button>{' '}
      <span className="muted">{t('wt.fileKinds')}</span>
      {browsing && <FileBrowser kinds={['json', 'csv']} onChoose={(p) => void read(p)} />}
      <ErrorBox error={error} />
    </div>
  );
}
