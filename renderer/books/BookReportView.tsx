/**
 * What a run wrote: the file, every table with its verdict (written, cells suppressed, or blocked and
 * why), the suppressed cells and the time taken. It stays on screen after the run and is the same
 * report the audit log keeps. Electron opens the folder; the browser host shows the path to copy.
 */
import type { BookReport } from '../../shared/book/book';
import { invoke, toApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { useNotice } from '../state/notice';
import { ruleSetLabel } from './rule-names';
import { StatusMark } from './StatusMark';
import { counted } from './plural';

export interface ShownReport {
  report: BookReport;
  dataset: string;
  /** ISO time the run ended. */
  at: string;
}

export function BookReportView({ shown, labelOf, onClose }: { shown: ShownReport; labelOf(name: string): string; onClose(): void }) {
  const { t, num, lang } = useI18n();
  const { notify } = useNotice();
  const { report } = shown;
  const native = typeof window !== 'undefined' && !!window.duiding;
  const written = report.tables.filter((x) => x.status !== 'blocked').length;
  const blocked = report.tables.filter((x) => x.status === 'blocked');
  const cells = report.tables.reduce((n, x) => n + x.suppressedCells, 0);
  const seconds = report.elapsedMs === undefined ? null : report.elapsedMs / 1000;

  const openFolder = async () => {
    try {
      await invoke('ui.showInFolder', { path: report.path });
    } catch (e) {
      notify(toApiError(e).message, 'error');
    }
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(report.path);
      notify(t('bk.pathCopied'));
    } catch {
      notify(t('bk.copyFailed'), 'error');
    }
  };

  return (
    <section className="book-report" aria-labelledby="bk-report-head" data-testid="bk-report">
      <header className="book-report-head">
        <h3 id="bk-report-head">{t('bk.reportTitle')}</h3>
        <span className="muted">
          {t('bk.reportWhen', { dataset: shown.dataset, at: new Date(shown.at).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB') })}
        </span>
        <span className="spacer" />
        <button type="button" onClick={onClose} aria-label={t('bk.reportClose')}>
          ×
        </button>
      </header>
      <p className="book-report-path">
        <code data-testid="bk-report-path">{report.path}</code>{' '}
        {native ? (
          <button type="button" onClick={() => void openFolder()}>
            {t('bk.openFolder')}
          </button>
        ) : (
          <button type="button" onClick={() => void copy()} data-testid="bk-copy-path">
            {t('bk.copyPath')}
          </button>
        )}
      </p>
      <p className="book-report-summary" data-testid="bk-report-summary">
        {[counted(t, num, 'bk.written', written), t('bk.blocked', { n: num(blocked.length) }), counted(t, num, 'bk.cells', cells)].join(' · ')}
        {seconds !== null && ` · ${t('bk.reportTime', { s: num(seconds, 1) })}`} · {t('bk.rulesUsed', { name: ruleSetLabel(t, report.ruleSet) })}
      </p>
      <table className="simple-table book-report-table">
        <thead>
          <tr>
            <th scope="col">{t('bk.question')}</th>
            <th scope="col">{t('bk.sheet')}</th>
            <th scope="col">{t('bk.status')}</th>
            <th scope="col">{t('bk.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {report.tables.map((x) => (
            <tr key={x.variable} data-question={x.variable} data-status={x.status}>
              <th scope="row">
                {labelOf(x.variable)} <span className="var-item-name-sub">{x.variable}</span>
              </th>
              <td>{x.sheet ?? '—'}</td>
              <td>
                <StatusMark table={{ ...x, label: labelOf(x.variable) }} />
              </td>
              <td className="book-reason">{x.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted book-hint">{t('bk.inAudit')}</p>
    </section>
  );
}
