/**
 * One banner result as an accessible HTML table: title with the weight, disclosure badge, header rows
 * with column letters, the chosen statistics per category, base rows, and the legends. Suppressed
 * cells show "x"; significance letters follow the percentage.
 */
import type { BannerCell, BannerResult } from '../../shared/model/results';
import { DisclosureBadge } from '../components/DisclosureBadge';
import { useI18n } from '../i18n/i18n';
import type { StringKey } from '../i18n/strings';
import { headerRows } from './banner-layout';
import { OVERRIDE_MARK, overrideLegend, type ReleasableCell } from './override-target';
import type { TableSpecState } from './spec';

type Stat = 'pct' | 'rowPct' | 'totalPct' | 'count' | 'weighted';

/** A row under the categories: mean, unweighted, weighted or effective base. */
function SummaryRow({ label, span, values, keys, stat }: { label: string; span: number; values: string[]; keys?: string[]; stat?: string }) {
  return (
    <tr className="base-row">
      <th scope="row" colSpan={span}>
        {label}
      </th>
      {values.map((v, ci) => (
        <td key={ci} className="num" data-col={keys?.[ci]} data-stat={stat}>
          {v}
        </td>
      ))}
    </tr>
  );
}

export interface BannerTableProps {
  result: BannerResult;
  stats: TableSpecState['stats'];
  varLabel(name: string): string;
  /** Opens the override dialog (from the badge, or from a primary-suppressed cell). */
  onRelease?(cell?: ReleasableCell): void;
}

export function BannerTable({ result, stats, varLabel, onRelease }: BannerTableProps) {
  const { t, num, reasons } = useI18n();
  const header = headerRows(result.columns, varLabel);
  const shownStats: { stat: Stat; label: StringKey }[] = [];
  if (stats.colPct) shownStats.push({ stat: 'pct', label: 'tb.colPct' });
  if (stats.rowPct) shownStats.push({ stat: 'rowPct', label: 'tb.rowPct' });
  if (stats.totalPct) shownStats.push({ stat: 'totalPct', label: 'tb.totalPct' });
  if (stats.counts) shownStats.push({ stat: 'count', label: 'tb.counts' });
  if (stats.weighted && result.weight) shownStats.push({ stat: 'weighted', label: 'tb.weighted' });
  if (shownStats.length === 0) shownStats.push({ stat: 'pct', label: 'tb.colPct' });
  const anySuppressed = result.cells.some((r) => r.some((c) => c.suppressed));
  const shownValue = (c: BannerCell, stat: Stat) =>
    stat === 'pct' ? c.pct : stat === 'rowPct' ? (c.rowPct ?? null) : stat === 'totalPct' ? (c.totalPct ?? null) : stat === 'count' ? c.count : c.weighted;
  const anyUnknown = result.cells.some((r) => r.some((c) => !c.suppressed && shownStats.some((s) => shownValue(c, s.stat) === null)));
  const lettersOn = result.tests.method === 'z';
  const weightText = result.weight
    ? t('tb.weightedBy', { w: result.weight.variable, type: t(result.weight.type === 'frequency' ? 'tb.frequency' : 'tb.sampling') })
    : t('tb.unweighted');

  const cellText = (c: BannerCell, stat: Stat): string => {
    if (c.suppressed) return 'x';
    const v = shownValue(c, stat);
    if (v === null) return '.';
    if (v === 0) return '-';
    return num(v, stat === 'count' || stat === 'weighted' ? 0 : 1);
  };
  const base = (v: number | null, decimals = 0) => (v === null ? 'x' : num(v, decimals));
  const labelSpan = shownStats.length > 1 ? 2 : 1;
  const keys = result.columns.map((c) => c.key);
  // A vertical rule where a new comparison group starts makes the letters' scope visible.
  const groupStart = result.columns.map((c, i) => i > 0 && c.group !== result.columns[i - 1].group);

  return (
    <figure className="banner" data-testid="banner" data-row-var={result.rowVariable.name}>
      <figcaption className="banner-title">
        <span className="banner-question">{result.rowVariable.label || result.rowVariable.name}</span>
        <span className="banner-weight" data-testid="banner-weight">
          {weightText}
        </span>
        <DisclosureBadge rules={result.rules} />
        {onRelease && (
          <button type="button" className="link-button" onClick={() => onRelease()} data-testid="override-open">
            {t('ov.open')}
          </button>
        )}
      </figcaption>
      <div className="table-scroll">
        <table className="banner-table">
          <thead>
            {header.map((row, ri) => (
              <tr key={ri}>
                {ri === 0 && <td className="corner" rowSpan={header.length} colSpan={labelSpan} />}
                {row.map((h) => (
                  <th key={h.key} scope={h.leaf ? 'col' : 'colgroup'} colSpan={h.colSpan} rowSpan={h.rowSpan} className={h.leaf ? 'leaf' : 'group'}>
                    {h.key === 'total' ? t('tb.totalCol') : h.text}
                    {h.leaf && lettersOn && h.letter && <span className="col-letter">{h.letter}</span>}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {result.rows.map((r, ri) =>
              shownStats.map((s, si) => (
                <tr key={`${ri}:${s.stat}`} className={si === shownStats.length - 1 ? 'cat-end' : undefined}>
                  {si === 0 && (
                    <th scope="row" rowSpan={shownStats.length} className="cat-label">
                      {r.label}
                    </th>
                  )}
                  {shownStats.length > 1 && <td className="stat-label">{t(s.label)}</td>}
                  {result.columns.map((c, ci) => {
                    const cell = result.cells[ri][ci];
                    // One tab stop per withheld cell: the first statistic row carries the release button.
                    const releasable = onRelease && si === 0 && cell.suppression === 'primary' && result.rules.status !== 'blocked';
                    const cls = `num${cell.suppressed ? ' suppressed' : ''}${cell.overridden ? ' overridden' : ''}${groupStart[ci] ? ' group-start' : ''}`;
                    return (
                      <td
                        key={c.key}
                        className={cls}
                        data-row={String(r.code)}
                        data-col={c.key}
                        data-stat={s.stat}
                        data-overridden={cell.overridden ? 'true' : undefined}
                      >
                        {releasable ? (
                          <button
                            type="button"
                            className="cell-release"
                            aria-label={t('ov.releaseCell', { row: r.label, col: c.label })}
                            onClick={() => onRelease({ row: r.code, col: c.key, rowLabel: r.label, colLabel: c.label })}
                          >
                            {cellText(cell, s.stat)}
                          </button>
                        ) : (
                          cellText(cell, s.stat)
                        )}
                        {cell.overridden && <sup className="override-mark">{OVERRIDE_MARK}</sup>}
                        {s.stat === 'pct' && lettersOn && cell.sig && !cell.suppressed && <sup className="sig">{cell.sig}</sup>}
                      </td>
                    );
                  })}
                </tr>
              )),
            )}
            {result.means && <SummaryRow label={t('tb.mean')} span={labelSpan} values={result.means.mean.map((m) => (m === null ? 'x' : num(m, 2)))} />}
            {stats.base && <SummaryRow label={t('tb.baseRow')} span={labelSpan} values={result.base.count.map((v) => base(v))} keys={keys} stat="base" />}
            {stats.weighted && result.weight && (
              <SummaryRow label={t('tb.weightedBaseRow')} span={labelSpan} values={result.base.weighted.map((v) => base(v))} />
            )}
            {stats.effBase && (
              <SummaryRow label={t('tb.effBaseRow')} span={labelSpan} values={result.base.effective.map((v) => base(v, 1))} keys={keys} stat="effective" />
            )}
          </tbody>
        </table>
      </div>
      <div className="legend-block">
        {anySuppressed && <p>{t('tb.legend.x')}</p>}
        {overrideLegend(result).map((o) => (
          <p key={o.id} className="override-legend" data-testid="override-legend">
            {t('ov.legend', { mark: OVERRIDE_MARK, reason: o.reason, date: o.date })}
          </p>
        ))}
        <p>{t('tb.legend.dash')}</p>
        {anyUnknown && <p>{t('tb.legend.dot')}</p>}
        {lettersOn && (
          <p>
            {t('tb.legend.sig', {
              alpha: num(result.tests.alpha, 2),
              adjust: t(`tb.adjust.${result.tests.adjust}`),
            })}
          </p>
        )}
        {result.rules.reasons.length > 0 && (
          <p className="muted" data-testid="rule-reasons">
            {reasons(result.rules).join(' · ')}
          </p>
        )}
      </div>
    </figure>
  );
}
