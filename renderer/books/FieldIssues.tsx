/** What is wrong with one setting, shown beside it (errors stop the preview and the run; warnings do not). */
import { useI18n } from '../i18n/i18n';
import type { StringKey } from '../i18n/strings';
import type { DraftIssue } from './draft';

export function FieldIssues({ issues, testId }: { issues: DraftIssue[] | undefined; testId?: string }) {
  const { t } = useI18n();
  if (!issues || issues.length === 0) return null;
  return (
    <ul className="field-issues" data-testid={testId}>
      {issues.map((i, k) => (
        <li key={k} className={i.severity === 'error' ? 'field-error' : 'field-warning'}>
          {i.key ? t(i.key as StringKey, i.params) : i.message}
        </li>
      ))}
    </ul>
  );
}
