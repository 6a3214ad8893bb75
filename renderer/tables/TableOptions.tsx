/** Weight, filter (validated live), statistics and tests for the table being built. */
import type { VariableMeta } from '../../shared/model/dataset';
import { useI18n } from '../i18n/i18n';
import type { TableSpecState } from './spec';
import type { FilterStatus } from './useFilterCheck';
import { WeightPicker } from '../components/WeightPicker';
import { NetsEditor } from './NetsEditor';
import { STAT_LABELS } from './options-summary';

export interface TableOptionsProps {
  spec: TableSpecState;
  variables: VariableMeta[];
  filterStatus: FilterStatus;
  onChange(next: TableSpecState): void;
}

/** The filter text with a caret under the character the parser stopped at. */
export function FilterError({ filter, status }: { filter: string; status: FilterStatus }) {
  const { msg } = useI18n();
  if (status.state !== 'error') return null;
  return (
    <div className="filter-error" role="alert" data-testid="filter-error">
      {status.detail ? msg(status.detail) : status.message}
      {status.position !== null && (
        <pre className="filter-caret" aria-hidden="true">
          {filter}
          {'\n'}
          {' '.repeat(Math.max(0, status.position))}^
        </pre>
      )}
    </div>
  );
}

export function TableOptions({ spec, variables, filterStatus, onChange }: TableOptionsProps) {
  const { t, num } = useI18n();
  const set = <K extends keyof TableSpecState>(k: K, v: TableSpecState[K]) => onChange({ ...spec, [k]: v });

  return (
    <div className="table-options">
      <WeightPicker
        variables={variables}
        variable={spec.weight?.variable ?? ''}
        type={spec.weight?.type ?? 'sampling'}
        testId="tb-weight"
        onChange={(variable, type) => set('weight', variable ? { variable, type } : null)}
      />
      <fieldset>
        <legend>{t('tb.filter')}</legend>
        <input
          className={`filter-input ${filterStatus.state === 'error' ? 'invalid' : ''} ${filterStatus.state === 'ok' ? 'valid' : ''}`}
          aria-label={t('tb.filter')}
          aria-invalid={filterStatus.state === 'error' ? true : undefined}
          placeholder={t('tb.filterPlaceholder')}
          value={spec.filter}
          spellCheck={false}
          data-testid="tb-filter"
          onChange={(e) => set('filter', e.target.value)}
        />
        {filterStatus.state === 'ok' && (
          <span className="filter-ok" data-testid="filter-ok">
            ✓ {t('tb.filterOk')}
          </span>
        )}
        <FilterError filter={spec.filter.trim()} status={filterStatus} />
      </fieldset>
      <fieldset>
        <legend>{t('tb.stats')}</legend>
        <label className="check">
          <input type="checkbox" checked={spec.total} onChange={(e) => set('total', e.target.checked)} />
          {t('tb.total')}
        </label>
        {STAT_LABELS.map((s) => (
          <label className="check" key={s.key}>
            <input
              type="checkbox"
              checked={spec.stats[s.key]}
              data-testid={`stat-${s.key}`}
              onChange={(e) => set('stats', { ...spec.stats, [s.key]: e.target.checked })}
            />
            {t(s.label)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('tb.tests')}</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={spec.tests.letters}
            data-testid="tb-letters"
            onChange={(e) => set('tests', { ...spec.tests, letters: e.target.checked })}
          />
          {t('tb.letters')}
        </label>
        <label className="check">
          <input type="checkbox" checked={!!spec.tests.chi2} data-testid="tb-chi2" onChange={(e) => set('tests', { ...spec.tests, chi2: e.target.checked })} />
          {t('tb.chi2')}
        </label>
        <label>
          {t('tb.adjust')}{' '}
          <select
            value={spec.tests.adjust}
            disabled={!spec.tests.letters}
            data-testid="tb-adjust"
            onChange={(e) => set('tests', { ...spec.tests, adjust: e.target.value as TableSpecState['tests']['adjust'] })}
          >
            <option value="bonferroni">{t('tb.adjust.bonferroni')}</option>
            <option value="bh">{t('tb.adjust.bh')}</option>
            <option value="none">{t('tb.adjust.none')}</option>
          </select>
        </label>
        <label>
          {t('tb.alpha')}{' '}
          <select
            value={String(spec.tests.alpha)}
            disabled={!spec.tests.letters}
            onChange={(e) => set('tests', { ...spec.tests, alpha: Number(e.target.value) })}
          >
            {[0.01, 0.05, 0.1].map((a) => (
              <option key={a} value={String(a)}>
                {num(a, 2)}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('tb.display')}</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={spec.sort === 'total-desc'}
            data-testid="tb-sort"
            onChange={(e) => set('sort', e.target.checked ? 'total-desc' : 'none')}
          />
          {t('tb.sortTotal')}
        </label>
        <label className="check">
          <input type="checkbox" checked={!!spec.hideEmpty} data-testid="tb-hide-empty" onChange={(e) => set('hideEmpty', e.target.checked)} />
          {t('tb.hideEmpty')}
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={!!spec.stats.responsePct}
            data-testid="stat-responsePct"
            onChange={(e) => set('stats', { ...spec.stats, responsePct: e.target.checked })}
          />
          {t('tb.responsePct')}
        </label>
        <h4 className="nets-title">{t('tb.nets')}</h4>
        <NetsEditor nets={spec.nets ?? []} onChange={(nets) => set('nets', nets)} />
      </fieldset>
    </div>
  );
}
