/**
 * Running a book: on which dataset (this wave, or next year's file), what no longer matches there
 * (checked before anything is written), where the workbook goes (the system save dialog under
 * Electron, the host's folder picker in the browser), progress per table with Stop, and the report.
 */
import { useEffect, useState } from 'react';
import type { BookReport, BookSpec } from '../../shared/book/book';
import type { DatasetInfo } from '../../shared/model/dataset';
import { invoke, toApiError } from '../api/client';
import { useLiveCall } from '../api/useLiveCall';
import { useI18n } from '../i18n/i18n';
import { useProject } from '../state/project-context';
import { useSessionState } from '../state/useSessionState';
import { BookReportView, type ShownReport } from './BookReportView';
import { CheckList } from './CheckList';
import { FolderTarget, withXlsx } from './FolderTarget';
import { useBookRun } from './useBookRun';
import { WavesSettings } from './WavesSettings';
import { bookVariables, removeQuestions, type DraftIssue } from './draft';
import { counted } from './plural';

export interface RunPanelProps {
  spec: BookSpec;
  onChange(spec: BookSpec): void;
  /** Errors in the book itself (shown where they are made); a book with errors does not run. */
  errors: number;
  /** The schema accepts the book (book.check needs that). */
  valid: boolean;
  issues: Map<string, DraftIssue[]>;
  labelOf(name: string): string;
  shown: ShownReport | null;
  onReport(r: ShownReport | null): void;
}

/** A file name from the title: no path separators or characters Windows refuses. */
function fileNameOf(title: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what a file name cannot hold
  return withXlsx(title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').trim() || 'tabellenboek');
}

export function RunPanel({ spec, onChange, errors, valid, issues, labelOf, shown, onReport }: RunPanelProps) {
  const { t, num } = useI18n();
  const { project, dataset, info, version } = useProject();
  // Kept while moving between sections: a rerun on next year's file is chosen once.
  const [runOn, setRunOn] = useSessionState<{ name: string }>('duiding.book.runOn', { name: dataset ?? '' });
  const target = runOn.name && project?.datasets.some((d) => d.name === runOn.name) ? runOn.name : (dataset ?? '');
  const [targetInfo, setTargetInfo] = useState<DatasetInfo | null>(null);
  const [native, setNative] = useState(typeof window !== 'undefined' && !!window.duiding);
  const [dir, setDir] = useState('');
  const [name, setName] = useState(() => fileNameOf(spec.title));
  const [targetError, setTargetError] = useState<string | null>(null);
  const run = useBookRun((report: BookReport) => onReport({ report, dataset: target, at: new Date().toISOString() }));
  const running = run.state.phase === 'running';

  useEffect(() => {
    if (!target) return;
    if (target === info?.name) return setTargetInfo(info);
    let live = true;
    invoke('dataset.info', { dataset: target })
      .then((i) => live && setTargetInfo(i))
      .catch(() => live && setTargetInfo(null));
    return () => {
      live = false;
    };
  }, [target, info]);

  const check = useLiveCall('book.check', valid && target ? { dataset: target, spec } : null, 250, version);
  const problems = check.result ?? [];
  const fatal = problems.filter((p) => p.fatal).length;
  const variables = bookVariables(targetInfo?.variables ?? [], spec);
  const canRun = valid && errors === 0 && !check.pending && !!check.result && fatal === 0 && !running && (native || (!!dir && !!name.trim()));
  const why = !valid || errors > 0 ? t('bk.runBlockedErrors', { n: num(Math.max(errors, 1)) }) : fatal > 0 ? t('bk.runBlockedCheck') : null;

  const chooseAndRun = async () => {
    setTargetError(null);
    let chosen: { token: string; path: string } | null = null;
    try {
      chosen = native
        ? await invoke('ui.chooseSave', { format: 'xlsx', suggestedName: fileNameOf(spec.title) })
        : await invoke('files.saveTarget', { dir, name: name.trim(), format: 'xlsx' });
    } catch (e) {
      const err = toApiError(e);
      // No system dialog after all (a browser window): choose a folder here instead.
      if (err.code === 'no-native-dialog') setNative(false);
      else setTargetError(err.message);
      return;
    }
    if (!chosen) return; // the save dialog was cancelled
    await run.start({ dataset: target, spec, target: chosen });
  };

  const st = run.state;
  const missingQuestions = problems.filter((p) => p.kind === 'missing-variable' && p.role === 'question' && p.variable).map((p) => p.variable!);
  return (
    <div className="book-run">
      <div className="book-run-setup">
        <fieldset className="book-fieldset">
          <legend>{t('bk.runOn')}</legend>
          <label>
            {t('app.dataset')}{' '}
            <select value={target} onChange={(e) => setRunOn({ name: e.target.value })} disabled={running} data-testid="bk-run-dataset">
              {project?.datasets.map((d) => (
                <option key={d.name} value={d.name}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
          {target !== spec.expected?.dataset && spec.expected?.dataset && (
            <p className="muted book-hint">{t('bk.savedOn', { dataset: spec.expected.dataset, target })}</p>
          )}
          {check.pending && <p className="muted">{t('bk.checking')}</p>}
          {check.result && targetInfo && <CheckList problems={problems} dataset={target} variables={variables} spec={spec} />}
          {missingQuestions.length > 0 && Array.isArray(spec.questions) && (
            <button type="button" onClick={() => onChange(removeQuestions(spec, missingQuestions))} data-testid="bk-drop-missing">
              {counted(t, num, 'bk.dropMissing', missingQuestions.length)}
            </button>
          )}
        </fieldset>
        {spec.comparison && <WavesSettings spec={spec} onChange={onChange} variables={variables} issues={issues} />}
        <fieldset className="book-fieldset">
          <legend>{t('bk.where')}</legend>
          {native ? <p className="muted">{t('bk.nativeSave')}</p> : <FolderTarget dir={dir} name={name} onDir={setDir} onName={setName} />}
          {targetError && (
            <p className="field-error" role="alert">
              {targetError}
            </p>
          )}
        </fieldset>
        <div className="book-run-go">
          <button type="button" className="primary" disabled={!canRun} onClick={() => void chooseAndRun()} data-testid="bk-run">
            {native ? t('bk.runNative') : t('bk.run')}
          </button>
          {why && <span className="field-error">{why}</span>}
        </div>
      </div>
      <div className="book-run-result">
        {st.phase === 'running' && (
          <div
            className="progress book-progress"
            role="progressbar"
            aria-label={t('bk.running')}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={st.total ? Math.round((st.done / st.total) * 100) : undefined}
            data-testid="bk-progress"
            data-done={st.done}
          >
            <span>
              {st.total ? t(st.step === 'write' ? 'bk.progressWrite' : 'bk.progressCompute', { done: num(st.done), total: num(st.total) }) : t('bk.running')}
            </span>
            <progress max={1} value={st.total ? st.done / st.total : undefined} />
            <button type="button" onClick={() => void run.stop()} data-testid="bk-stop">
              {t('imp.stop')}
            </button>
          </div>
        )}
        {st.phase === 'stopped' && (
          <p role="status" className="book-stopped" data-testid="bk-stopped">
            {t('bk.stopped', { path: st.path })}
          </p>
        )}
        {st.phase === 'failed' && (
          <p className="error-box" role="alert">
            {st.message}
          </p>
        )}
        {shown ? (
          <BookReportView shown={shown} labelOf={labelOf} onClose={() => onReport(null)} />
        ) : (
          st.phase === 'idle' && <p className="muted">{t('bk.reportHere')}</p>
        )}
      </div>
    </div>
  );
}
