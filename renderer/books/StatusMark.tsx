/** A question's verdict under the book's rules, in a few characters: published, cells suppressed, or blocked (with why on hover). */
import type { BookPreviewTable } from '../../shared/book/preview';
import { useI18n } from '../i18n/i18n';

export function StatusMark({ table }: { table: BookPreviewTable | undefined }) {
  const { t, num } = useI18n();
  if (!table) return null;
  if (table.status === 'blocked')
    return (
      <span className="badge badge-blocked" title={table.reason} data-status="blocked">
        {t('tb.status.blocked')}
      </span>
    );
  if (table.status === 'unchecked')
    return (
      <span className="badge badge-suppressed" title={table.reason} data-status="unchecked">
        {t('tb.status.unchecked')}
      </span>
    );
  if (table.suppressedCells > 0)
    return (
      <span className="badge badge-suppressed" title={table.reason} data-status="suppressed">
        {t('bk.suppressedShort', { n: num(table.suppressedCells) })}
      </span>
    );
  return (
    <span className="badge badge-safe" data-status="safe">
      {t('tb.status.safe')}
    </span>
  );
}
