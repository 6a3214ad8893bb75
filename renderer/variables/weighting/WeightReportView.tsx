/**
 * The report of a weighting run: what was weighted and excluded, what the weights cost (Kish), and per
 * margin the sample, the shares before weighting, the targets and what was achieved, with a chart of
 * one margin before and after (drawn by the backend in the house style).
 */
import { useEffect, useState } from 'react';
import { codeKey } from '../../../shared/model/dataset';
import type { WeightReport } from '../../../shared/weighting/report';
import { invoke, toApiError, type ApiError } from '../../api/client';
import { ErrorBox } from '../../components/ErrorBox';
import { useI18n } from '../../i18n/i18n';

export function WeightReportView({ report }: { report: WeightReport }) {
  const { t, num, lang } = useI18n();
  const [chartOf, setChartOf] = useState(0);
  const [svg, setSvg] = useState<string | null>(null);
  const [chartError, setChartError] = useState<ApiError | null>(null);
  const margin = report.margins[Math.min(chartOf, report.margins.length - 1)];

  useEffect(() => {
    let live = true;
    setSvg(null);
    invoke('weighting.chart', { margin, lang }).then(
      (r) => live && (setSvg(r.svg), setChartError(null)),
      (e) => live && setChartError(toApiError(e)),
    );
    return () => {
      live = false;
    };
  }, [margin, lang]);

  const s = report.summary;
  // A value the output rules withheld is shown as the suppression symbol, as in tables.
  const orX = (v: number | null, decimals: number) => (v === null ? 'x' : num(v, decimals));
  const amount = (v: number) => num(v, Math.abs(v) >= 100 ? 0 : 2);
  return (
    <section className="weight-report" data-testid="wt-report" aria-label={t('wt.result')}>
      <h3 className="sub-head">{t('wt.result')}</h3>
      <p data-testid="wt-summary">
        {t('wt.summary', {
          n: num(report.n),
          weighted: amount(report.weighted),
          iterations: report.iterations,
          excluded: num(report.excluded),
          filter: num(report.excludedBy.filter),
          missing: num(report.excludedBy.missing),
          base: num(report.excludedBy.baseWeight),
        })}
      </p>
      <p>
        {t('wt.stats', {
          min: orX(s.min, 2),
          max: orX(s.max, 2),
          mean: num(s.mean, 2),
          cv: orX(s.cv, 3),
          deff: orX(s.kishDeff, 3),
          neff: orX(s.effectiveN, 0),
        })}
      </p>
      {s.negative > 0 && <p className="field-error">{t('wt.negative', { n: num(s.negative) })}</p>}
      {s.trimmed > 0 && report.trim !== null && <p>{t('wt.trimmed', { n: num(s.trimmed), max: num(report.trim, 2) })}</p>}
      {report.scaled.map((m) => (
        <p key={m.variable}>{t('wt.scaled', { variable: m.variable, factor: num(m.factor, 4), sum: amount(m.sum) })}</p>
      ))}
      <div className="weight-report-grid">
        <div className="weight-report-tables">
          {report.margins.map((m) => {
            return (
              <table key={m.variable} className="simple-table weight-margin-report" data-margin={m.variable}>
                <caption>{m.variable}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('wt.label')}</th>
                    <th scope="col">{t('wt.code')}</th>
                    <th scope="col" className="num">
                      {t('wt.sample')}
                    </th>
                    <th scope="col" className="num">
                      {t('wt.before')}
                    </th>
                    <th scope="col" className="num">
                      {t('wt.target')}
                    </th>
                    <th scope="col" className="num">
                      {t('wt.after')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {m.categories.map((c) => (
                    <tr key={codeKey(c.code)} data-code={codeKey(c.code)}>
                      <th scope="row">{c.label}</th>
                      <td className="weight-code">{codeKey(c.code)}</td>
                      <td className="num">{c.sample === null ? 'x' : num(c.sample)}</td>
                      <td className="num">{c.base === null ? 'x' : amount(c.base)}</td>
                      <td className="num">{amount(c.target)}</td>
                      <td className="num" data-testid="wt-achieved">
                        {amount(c.achieved)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            );
          })}
        </div>
        <figure className="weight-chart">
          <label className="field">
            {t('wt.chart')}
            <select value={chartOf} onChange={(e) => setChartOf(Number(e.target.value))} data-testid="wt-chart-of">
              {report.margins.map((m, i) => (
                <option key={m.variable} value={i}>
                  {m.variable}
                </option>
              ))}
            </select>
          </label>
          <ErrorBox error={chartError} />
          {svg && (
            <img
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
              alt={t('wt.chartAlt', { variable: margin.variable })}
              data-testid="wt-chart"
            />
          )}
          <figcaption className="muted">{t('wt.chartNote')}</figcaption>
        </figure>
      </div>
    </section>
  );
}
