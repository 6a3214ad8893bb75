/**
 * Copy the current table for Word (HTML + plain text on the clipboard) or save it as CSV. The backend
 * renders both from the same banner request, through the output rules, so what leaves is checked.
 */
import type { Request } from '../../shared/api';
import { invoke, toApiError } from '../api/client';
import { useNotice } from '../app/notice';
import { downloadBlob } from '../charts/download';
import { useI18n } from '../i18n/i18n';

type ExportFormat = 'clipboard' | 'csv';

export function TableExport({ request }: { request: Request<'analysis.banner'> }) {
  const { t, lang } = useI18n();
  const { notify } = useNotice();

  const run = async (format: ExportFormat) => {
    const { means: _means, tests, ...rest } = request;
    try {
      const out = await invoke('export.table', {
        ...rest,
        tests: tests ? { display: 'letters', adjust: tests.adjust, alpha: tests.alpha } : { display: 'none' },
        format,
        language: lang,
      });
      if (format === 'csv') {
        downloadBlob(out.text, 'text/csv;charset=utf-8', `${request.rows.join('-')}.csv`);
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
      <button type="button" onClick={() => void run('clipboard')} data-testid="tx-copy">
        {t('tx.copy')}
      </button>
      <button type="button" onClick={() => void run('csv')} data-testid="tx-csv">
        {t('tx.csv')}
      </button>
    </div>
  );
}
