/**
 * One layer's crosstab (or the total over layers) as an accessible table: per category the chosen
 * statistics (column %, unweighted count, Σw), a Totaal column, the unweighted base row, the output
 * rules' badge and legend, and the chi-square line. Suppressed values show "x".
 */
import type { CrosstabTable } from '../../shared/model/results';
import { useI18n } from '../i18n/i18n';
import type { StringKey } from '../i18n/strings';
import { DisclosureBadge } from '../components/DisclosureBadge';
import { chi2Parts } from './chi2-text';
import type { TableSpecState } from './spec';

type Stat = 'pct' | 'count' | 'weighted';

export function LayerCrosstab({ table, caption, stats }: { table: CrosstabTable; caption: string; stats: TableSpecState['stats'] }) {
  const i18n = useI18n();
  const { t, num } = i18n;
  const shown: { stat: Stat; label: StringKey }[] = [];
  if (stats.colPct) shown.push({ stat: 'pct', label: 'tb.colPct' });
  if (stats.counts) shown.push({ stat: 'count', label: 'tb.counts' });
  if (stats.weighted && table.weight) shown.push({ stat: 'weighted', label: 'tb.weighted' });
  if (shown.length === 0) shown.push({ stat: 'pct', label: 'tb.colPct' });
  const text = (v: number | null | undefined, decimals: number) => (v === null || v === undefined ? 'x' : v === 0 ? '-' : num(v, decimals));
  const grid = (s: Stat) => (s === 'pct' ? table.colPct : s === 'count' ? table.count : table.weighted);
  const rowTotal = (i: number, s: Stat) => {
    if (s === 'count') return table.rowCounts?.[i] ?? null;
    const w = table.rowTotals[i];
    if (s === 'weighted') return w;
    return w === null || table.total === null || !table.total ? null : (100 * w) / table.total;
  };
  const span = shown.length > 1 ? 2 : 1;
  const anySuppressed = table.suppressed.some((r) => r.some(Boolean));
  return (
    <figure className="banner layer-table" data-testid="layer-table">
      <figcaption className="banner-title">
        <span className="banner-question">{caption}</span>
        <DisclosureBadge rules={table.rules} />
      </figcaption>
      <div className="table-scroll">
        <table className="banner-table">
          <thead>
            <tr>
              <td className="corner" colSpan={span} />
              {table.cols.map((c) => (
                <th key={String(c.code)} scope="col" className="leaf">
                  {c.label}
                </th>
              ))}
              <th scope="col" className="leaf">
                {t('tb.totalCol')}
              </th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r, i) =>
              shown.map((s, si) => (
                <tr key={`${i}:${s.stat}`} className={si === shown.length - 1 ? 'cat-end' : undefined}>
                  {si === 0 && (
                    <th scope="row" rowSpan={shown.length} className="cat-label">
                      {r.label}
                    </th>
                  )}
                  {shown.length > 1 && <td className="stat-label">{t(s.label)}</td>}
                  {table.cols.map((c, j) => (
                    <td
                      key={String(c.code)}
                      className={`num${table.suppressed[i][j] ? ' suppressed' : ''}`}
                      data-row={String(r.code)}
                      data-col={String(c.code)}
                      data-stat={s.stat}
                    >
                      {text(grid(s.stat)[i][j], s.stat === 'count' ? 0 : 1)}
                    </td>
                  ))}
                  <td className="num" data-row={String(r.code)} data-col="total" data-stat={s.stat}>
                    {text(rowTotal(i, s.stat), s.stat === 'count' ? 0 : 1)}
                  </td>
                </tr>
              )),
            )}
            {stats.base && (
              <tr className="base-row">
                <th scope="row" colSpan={span}>
                  {t('tb.baseRow')}
                </th>
                {table.cols.map((c, j) => (
                  <td key={String(c.code)} className="num" data-col={String(c.code)} data-stat="base">
                    {text(table.colCounts?.[j] ?? null, 0)}
                  </td>
                ))}
                <td className="num" data-col="total" data-stat="base">
                  {text(table.n ?? null, 0)}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <div className="legend-block">
        {anySuppressed && <p>{t('tb.legend.x')}</p>}
        <p>{t('tb.legend.dash')}</p>
        <p data-testid="layer-chi2">{table.chi2 ? chi2Parts(table.chi2, i18n).join(' · ') : t('tb.chi2.withheld')}</p>
        {table.rules.reasons.length > 0 && (
          <p className="muted" data-testid="rule-reasons">
            {i18n.reasons(table.rules).join(' · ')}
          </p>
        )}
      </div>
    </figure>
  );
}
