/** An import error with where it happened: file, line (text files) or byte offset (binary files). */
import type { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';

export function ImportErrorBox({ error }: { error: ApiError | null }) {
  const { t, num } = useI18n();
  if (!error) return null;
  const { file, line, offset } = error.where;
  const where = [
    file ? t('imp.err.file', { file }) : null,
    line != null ? t('err.line', { line }) : null,
    offset != null ? t('imp.err.offset', { offset: num(offset) }) : null,
  ].filter(Boolean);
  return (
    <div className="error-box" role="alert" data-testid="import-error">
      <strong>{t('err.title')}:</strong> {error.message}
      {where.length > 0 && <div className="error-where">{where.join(' · ')}</div>}
      {error.code === 'import' && <div>{t('imp.err.unchanged')}</div>}
    </div>
  );
}
