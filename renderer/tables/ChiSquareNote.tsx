/**
 * Chi-square tests of the row variable against each stacked column variable (Pearson and likelihood
 * ratio; Rao–Scott when weighted with sampling weights), from analysis.crosstab with the same weight
 * and filter as the table.
 */
import type { Request } from '../../shared/api';
import type { Chi2Block } from '../../shared/model/results';
import { useLiveCall } from '../api/useLiveCall';
import { formatP } from '../i18n/format';
import { useI18n } from '../i18n/i18n';

type CrosstabRequest = Request<'analysis.crosstab'>;

function Chi2Line({ request, colLabel }: { request: CrosstabRequest; colLabel: string }) {
  const { t, num, lang } = useI18n();
  const call = useLiveCall('analysis.crosstab', request, 0);
  const chi2: Chi2Block | null | undefined = call.result?.chi2;
  if (call.error) return <li className="muted">{colLabel}: {call.error.message}</li>;
  if (!call.result) return null;
  if (!chi2) {
    const why = call.result.rules.reasons.find((r) => /chi/i.test(r));
    return (
      <li className="muted" data-testid="chi2-withheld">
        <strong>{colLabel}:</strong> {t('tb.chi2.withheld')}
        {why ? ` (${why})` : ''}
      </li>
    );
  }
  const parts: string[] = [];
  if (chi2.raoScott) {
    parts.push(t('tb.chi2.raoScott', { F: num(chi2.raoScott.F, 2), ndf: num(chi2.raoScott.ndf, 1), ddf: num(chi2.raoScott.ddf, 0), p: formatP(lang, chi2.raoScott.p) }));
  }
  // Under sampling weights the engine gives no p for Pearson/LR (only Rao–Scott is valid then).
  const withP = (text: string, p: number) => (Number.isFinite(p) ? `${text}, p = ${formatP(lang, p)}` : text);
  parts.push(withP(t('tb.chi2.pearson', { v: num(chi2.pearson.value, 2), df: num(chi2.pearson.df) }), chi2.pearson.p));
  parts.push(withP(t('tb.chi2.lr', { v: num(chi2.lr.value, 2), df: num(chi2.lr.df) }), chi2.lr.p));
  return (
    <li data-testid="chi2">
      <strong>{colLabel}:</strong> {parts.join(' · ')}
      {chi2.note && <span className="muted"> ({chi2.note})</span>}
    </li>
  );
}

export function ChiSquareNote({ base, row, columns, labelOf }: { base: Omit<CrosstabRequest, 'row' | 'col'>; row: string; columns: string[]; labelOf(n: string): string }) {
  if (columns.length === 0) return null;
  return (
    <ul className="chi2-list">
      {columns.map((col) => (
        <Chi2Line key={col} request={{ ...base, row, col }} colLabel={labelOf(col) || col} />
      ))}
    </ul>
  );
}
