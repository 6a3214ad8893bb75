/** How the workbook looks: decimals, symbols, one sheet per table or blocks, house style, language, the checker's sheet, charts. */
import { bookChartsSpec, type BookSpec } from '../../shared/book/book';
import { chartTypes } from '../../shared/chart/spec';
import { useI18n } from '../i18n/i18n';
import type { StringKey } from '../i18n/strings';
import type { DraftIssue } from './draft';
import { FieldIssues } from './FieldIssues';

export interface LookSettingsProps {
  spec: BookSpec;
  onChange(spec: BookSpec): void;
  issues: Map<string, DraftIssue[]>;
  /** The house styles this app can write (null while asked). */
  styles: string[] | null;
}

const SYMBOLS: { key: keyof BookSpec['symbols']; label: StringKey }[] = [
  { key: 'suppressed', label: 'bk.symSuppressed' },
  { key: 'unknown', label: 'bk.symUnknown' },
  { key: 'nil', label: 'bk.symNil' },
];

export function LookSettings({ spec, onChange, issues, styles }: LookSettingsProps) {
  const { t } = useI18n();
  const set = <K extends keyof BookSpec>(k: K, v: BookSpec[K]) => onChange({ ...spec, [k]: v });
  const charts = spec.charts;
  const styleKnown = styles === null || styles.includes(spec.style);

  return (
    <>
      <fieldset className="book-fieldset">
        <legend>{t('bk.look')}</legend>
        <div className="settings-rows">
          <label>
            {t('bk.decimals')}{' '}
            <select value={spec.decimals} onChange={(e) => set('decimals', Number(e.target.value))} data-testid="bk-decimals">
              {[0, 1, 2, 3, 4].map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </label>
          <span className="inline-fields">
            {t('bk.symbols')}
            {SYMBOLS.map((s) => (
              <label key={s.key} className="symbol-field">
                <input
                  className="symbol-input"
                  value={spec.symbols[s.key]}
                  maxLength={3}
                  onChange={(e) => set('symbols', { ...spec.symbols, [s.key]: e.target.value })}
                  data-testid={`bk-sym-${s.key}`}
                />
                {t(s.label)}
              </label>
            ))}
          </span>
          <FieldIssues issues={issues.get('symbols')} testId="bk-issues-symbols" />
          <label>
            {t('bk.layout')}{' '}
            <select value={spec.layout} onChange={(e) => set('layout', e.target.value as BookSpec['layout'])} data-testid="bk-layout">
              <option value="sheet-per-table">{t('bk.layout.sheet')}</option>
              <option value="blocks">{t('bk.layout.blocks')}</option>
            </select>
          </label>
          <label>
            {t('bk.style')}{' '}
            <select value={spec.style} onChange={(e) => set('style', e.target.value)} aria-invalid={!styleKnown || undefined} data-testid="bk-style">
              {!styleKnown && <option value={spec.style}>{spec.style}</option>}
              {(styles ?? [spec.style]).map((s) => (
                <option key={s} value={s}>
                  {s === 'default' ? t('bk.style.default') : s}
                </option>
              ))}
            </select>
          </label>
          <FieldIssues issues={issues.get('style')} />
          <label>
            {t('bk.language')}{' '}
            <select value={spec.language} onChange={(e) => set('language', e.target.value as BookSpec['language'])} data-testid="bk-language">
              <option value="nl">Nederlands</option>
              <option value="en">English</option>
            </select>
          </label>
          <label className="check">
            <input type="checkbox" checked={spec.checkerSheet} onChange={(e) => set('checkerSheet', e.target.checked)} data-testid="bk-checker" />
            {t('bk.checkerSheet')}
          </label>
        </div>
      </fieldset>
      <fieldset className="book-fieldset">
        <legend>{t('bk.charts')}</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={!!charts?.enabled}
            onChange={(e) => set('charts', e.target.checked ? bookChartsSpec.parse({ ...(charts ?? {}), enabled: true }) : undefined)}
            data-testid="bk-charts"
          />
          {t('bk.chartsOn')}
        </label>
        {charts?.enabled && (
          <div className="settings-rows">
            <label>
              {t('bk.chartType')}{' '}
              <select
                value={charts.type}
                onChange={(e) => set('charts', { ...charts, type: e.target.value as (typeof chartTypes)[number] })}
                data-testid="bk-chart-type"
              >
                {chartTypes.map((c) => (
                  <option key={c} value={c}>
                    {t(`bk.chart.${c}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('bk.chartPlacement')}{' '}
              <select value={charts.placement} onChange={(e) => set('charts', { ...charts, placement: e.target.value as 'right' | 'below' })}>
                <option value="below">{t('bk.chart.below')}</option>
                <option value="right">{t('bk.chart.right')}</option>
              </select>
            </label>
          </div>
        )}
        <FieldIssues issues={issues.get('charts')} />
      </fieldset>
    </>
  );
}
