/**
 * Copy the current tables for Word (HTML + plain text on the clipboard) or save them as CSV. The backend
 * renders both from the same table query and display as the screen, through the same route and
 * display model, so what leaves is what is shown — and it is logged.
 */
import type { TableDisplay, TableQuery } from '../../shared/query/table-query';
import { invoke, toApiError } from '../api/client';
import { useNotice } from '../state/notice';
import { downloadBlob } from '../components/download';
import { useI18n } from '../i18n/i18n';

type ExportFormat = 'clipboard' | 'csv';

export function TableExport({ query, display }: { query: TableQuery; display: TableDisplay }) {
  const { t } = useI18n();
  const { notify } = useNotice();

  const go = async (format: ExportFormat) => {
    try {
      const out = await invoke('export.table', { ...query, format, display });
      if (format === 'csv') {
        downloadBlob(out.text, 'text/csv;charset=utf-8', `${[...query.rows, ...query.layers].join('-')}.csv`);
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
      <button type="button" onClick={() => void go('clipboard')} data-testid="tx-copy">
        {t('tx.copy')}
      </button>
      <button type="button" onClick={() => void go('csv')} data-testid="tx-csv">
        {t('tx.csv')}
      </button>
    </div>
  );
}
