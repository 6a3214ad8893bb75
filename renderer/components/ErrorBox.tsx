/** Shows an error in words; a location (file/line) is added when the backend gave one. */
import type { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';

export function ErrorBox({ error }: { error: ApiError | null }) {
  const { t } = useI18n();
  if (!error) return null;
  const where = [error.where.file, error.where.line != null ? t('err.line', { line: error.where.line }) : null].filter(Boolean).join(', ');
  return (
    <div className="error-box" role="alert">
      <strong>{t('err.title')}:</strong> {error.message}
      {where && <span className="error-where"> ({where})</span>}
    </div>
  );
}
