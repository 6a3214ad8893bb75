/**
 * Chi-square tests of the row variable against each stacked column variable (Pearson and likelihood
 * ratio; Rao–Scott when weighted with sampling weights), from analysis.crosstab with the same weight
 * and filter as the table.
 */
import type { Request } from '../../shared/api';
import type { Chi2Block } from '../../shared/model/results';
import { useLiveCall } from '../api/useLiveCall';
import { useI18n } from '../i18n/i18n';
import { chi2Parts } from './chi2-text';

type CrosstabRequest = Request<'analysis.crosstab'>;

function Chi2Line({ request, colLabel }: { request: CrosstabRequest; colLabel: string }) {
  const { t, num, lang, msg } = useI18n();
  const call = useLiveCall('analysis.crosstab', request, 0);
  const chi2: Chi2Block | null | undefined = call.result?.chi2;
  if (call.error)
    return (
      <li className="muted">
        {colLabel}: {call.error.message}
      </li>
    );
  if (!call.result) return null;
  if (!chi2) {
    const chiWithheld = call.result.rules.messages?.find((m) => m.code === 'chi2-withheld');
    const why = chiWithheld ? msg(chiWithheld) : call.result.rules.reasons.find((r) => /chi/i.test(r));
    return (
      <li className="muted" data-testid="chi2-withheld">
        <strong>{colLabel}:</strong> {t('tb.chi2.withheld')}
        {why ? ` (${why})` : ''}
      </li>
    );
  }
  const parts = chi2Parts(chi2, { t, num, lang });
  return (
    <li data-testid="chi2">
      <strong>{colLabel}:</strong> {parts.join(' · ')}
      {chi2.notes && chi2.notes.length > 0 && <span className="muted"> ({chi2.notes.map(msg).join('; ')})</span>}
    </li>
  );
}

export function ChiSquareNote({
  base,
  row,
  columns,
  labelOf,
}: {
  base: Omit<CrosstabRequest, 'row' | 'col'>;
  row: string;
  columns: string[];
  labelOf(n: string): string;
}) {
  if (columns.length === 0) return null;
  return (
    <ul className="chi2-list">
      {columns.map((col) => (
        <Chi2Line key={col} request={{ ...base, row, col }} colLabel={labelOf(col) || col} />
      ))}
    </ul>
  );
}
