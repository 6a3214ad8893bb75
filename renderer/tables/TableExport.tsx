/**
 * Copy the current table for Word (HTML + plain text on the clipboard) or save it as CSV. The backend
 * renders both from the same request as the screen (banner, or layered crosstab), through the output
 * rules, so what leaves is checked.
 */
import type { Request } from '../../shared/api';
import { invoke, toApiError } from '../api/client';
import { useNotice } from '../state/notice';
import { downloadBlob } from '../components/download';
import { useI18n } from '../i18n/i18n';
import type { TableSpecState } from './spec';

type ExportFormat = 'clipboard' | 'csv';
type Exported = { text: string; html?: string };

function ExportButtons({ run, filename, testPrefix }: { run: (format: ExportFormat) => Promise<Exported>; filename: string; testPrefix: string }) {
  const { t } = useI18n();
  const { notify } = useNotice();

  const go = async (format: ExportFormat) => {
    try {
      const out = await run(format);
      if (format === 'csv') {
        downloadBlob(out.text, 'text/csv;charset=utf-8', filename);
        return;
      }
      const item: Record<string, Blob> = { 'text/plain': new Blob([out.text], { type: 'text/plain' }) };
      if (out.html) item['text/html'] = new Blob([out.html], { type: 'text/html' });
      await navigator.clipboard.write([new ClipboardItem(item)]);
      notify(t('tx.copied'));
    } catch (e) {
      notify(toApiError(e).message, 'error');
    }
  };

  return (
    <div className="spec-bar">
      <button type="button" onClick={() => void go('clipboard')} data-testid={`${testPrefix}-copy`}>
        {t('tx.copy')}
      </button>
      <button type="button" onClick={() => void go('csv')} data-testid={`${testPrefix}-csv`}>
        {t('tx.csv')}
      </button>
    </div>
  );
}

export function TableExport({ request }: { request: Request<'analysis.banner'> }) {
  const { lang } = useI18n();
  const run = (format: ExportFormat) => {
    const { means: _means, tests, ...rest } = request;
    return invoke('export.table', {
      ...rest,
      tests: tests ? { display: 'letters', adjust: tests.adjust, alpha: tests.alpha } : { display: 'none' },
      format,
      language: lang,
    });
  };
  return <ExportButtons run={run} filename={`${request.rows.join('-')}.csv`} testPrefix="tx" />;
}

/** Every layer and the total over the layers (or the note that it is withheld), with the statistics on screen. */
export function LayeredTableExport({ request, stats, pair }: { request: Request<'analysis.layers'>; stats: TableSpecState['stats']; pair: string }) {
  const { lang } = useI18n();
  const run = (format: ExportFormat) =>
    invoke('export.layers', {
      ...request,
      format,
      language: lang,
      stats: { colPct: stats.colPct, counts: stats.counts, weighted: stats.weighted, base: stats.base },
      pair,
    });
  return <ExportButtons run={run} filename={`${[request.row, request.col, ...request.layers].join('-')}.csv`} testPrefix="tx-layers" />;
}
