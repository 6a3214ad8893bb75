/** The coefficient table of a regression result, with odds ratios for logistic models. */
import type { RegressionResult } from '../../shared/model/results';
import type { VariableMeta } from '../../shared/model/dataset';
import { formatP } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { DisclosureBadge } from '../components/DisclosureBadge';

/** "gemeente=3" → "gemeente: Eemsdelta" using the value label when there is one. */
export function termLabel(term: string, variables: VariableMeta[]): string {
  const eq = term.indexOf('=');
  if (eq < 0) {
    const v = variables.find((x) => x.name === term);
    return v?.label ? `${term} (${v.label})` : term;
  }
  const name = term.slice(0, eq);
  const code = term.slice(eq + 1);
  const label = variables.find((x) => x.name === name)?.valueLabels[code];
  return label ? `${name}: ${label}` : term;
}

/**
 * Decimals for a row: three, as SPSS prints, unless the standard error is so small that three would
 * hide it (an age effect per year); then enough to show two significant digits of the SE (at most 6).
 */
export function rowDecimals(se: number): number {
  if (!(Math.abs(se) > 0) || !Number.isFinite(se)) return 3;
  return Math.min(6, Math.max(3, 1 - Math.floor(Math.log10(Math.abs(se)))));
}

function seLabel(se: string, t: ReturnType<typeof useI18n>['t']): string {
  if (se === 'classical' || se === 'hc1') return t(`reg.${se}`);
  if (se.startsWith('cluster')) return `${t('reg.cluster')} (${se.replace(/^cluster:?/, '')})`;
  return se;
}

export function CoefficientTable({ result, variables }: { result: RegressionResult; variables: VariableMeta[] }) {
  const { t, num, lang, reasons } = useI18n();
  const logit = result.model === 'logit';
  return (
    <figure className="regression-result" data-testid="regression-result">
      <figcaption className="banner-title">
        <span className="banner-question">
          {t(`reg.${result.model}`)}: {result.dependent ?? ''}
        </span>
        <span className="banner-weight">
          {result.weight
            ? t('tb.weightedBy', { w: result.weight, type: result.weightInfo?.type === 'frequency' ? t('tb.frequency') : t('tb.sampling') })
            : t('tb.unweighted')}
        </span>
        {result.rules && <DisclosureBadge rules={result.rules} />}
      </figcaption>
      <table className="simple-table coef-table">
        <thead>
          <tr>
            <th scope="col">{t('reg.term')}</th>
            <th scope="col">{t('reg.b')}</th>
            <th scope="col">{t('reg.se.col')}</th>
            <th scope="col">{logit ? t('reg.z') : t('reg.t')}</th>
            <th scope="col">{t('reg.p')}</th>
            <th scope="col">{t('reg.ci')}</th>
            {logit && <th scope="col">{t('reg.or')}</th>}
            {logit && <th scope="col">{t('reg.orCi')}</th>}
          </tr>
        </thead>
        <tbody>
          {result.coefficients.map((c) => {
            const d = rowDecimals(c.se);
            return (
              <tr key={c.term} data-term={c.term}>
                <th scope="row" title={c.term}>
                  {termLabel(c.term, variables)}
                </th>
                <td className="num" data-stat="b" data-value={c.b}>
                  {num(c.b, d)}
                </td>
                <td className="num">{num(c.se, d)}</td>
                <td className="num">{num(c.stat, 2)}</td>
                <td className="num">{formatP(lang, c.p)}</td>
                <td className="num">
                  [{num(c.ciLow, d)}; {num(c.ciHigh, d)}]
                </td>
                {logit && (
                  <td className="num" data-stat="or" data-value={c.oddsRatio}>
                    {c.oddsRatio !== undefined ? num(c.oddsRatio, 3) : ''}
                  </td>
                )}
                {logit && <td className="num">{c.orLow !== undefined && c.orHigh !== undefined ? `[${num(c.orLow, 3)}; ${num(c.orHigh, 3)}]` : ''}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
      <ul className="fit-list">
        <li data-testid="reg-n">{t('reg.n', { n: num(result.n) })}</li>
        {result.excluded !== undefined && <li>{t('reg.excluded', { n: num(result.excluded) })}</li>}
        <li>{t('reg.df', { df: num(result.df) })}</li>
        {result.r2 !== undefined && <li>{t('reg.r2', { r2: num(result.r2, 3), adj: num(result.adjR2 ?? NaN, 3) })}</li>}
        {result.neg2LL !== undefined && <li>{t('reg.neg2ll', { v: num(result.neg2LL, 2) })}</li>}
        {result.se && (
          <li>
            {t('reg.se')}: {seLabel(result.se, t)}
          </li>
        )}
      </ul>
      {result.rules && result.rules.reasons.length > 0 && (
        <p className="muted" data-testid="rule-reasons">
          {reasons(result.rules).join(' · ')}
        </p>
      )}
    </figure>
  );
}
