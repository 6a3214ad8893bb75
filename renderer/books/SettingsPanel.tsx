/**
 * The book's settings, each with what is wrong with it beside it: title and source, weight, filter
 * (checked live by the backend's parser), waves and trend, statistics, tests, output rules, and how
 * the workbook looks.
 */
import type { BookSpec } from '../../shared/book/book';
import type { VariableMeta } from '../../shared/model/dataset';
import type { Statistics } from '../../shared/query/table-query';
import type { RuleSet } from '../../shared/disclosure/rules';
import { WeightPicker } from '../components/WeightPicker';
import { useI18n } from '../i18n/i18n';
import type { StringKey } from '../i18n/strings';
import { FilterError } from '../tables/TableOptions';
import type { FilterStatus } from '../tables/useFilterCheck';
import { rulesLoosened, type DraftIssue } from './draft';
import { FieldIssues } from './FieldIssues';
import { LookSettings } from './LookSettings';
import { WavesSettings } from './WavesSettings';
import { RULE_SETS, ruleSetLabel } from './rule-names';

export interface SettingsPanelProps {
  spec: BookSpec;
  onChange(spec: BookSpec): void;
  variables: VariableMeta[];
  issues: Map<string, DraftIssue[]>;
  filterStatus: FilterStatus;
  /** The project's own rule set (what "the project's rules" means). */
  projectRules: RuleSet | null;
  styles: string[] | null;
}

const STATS: { key: keyof Statistics; label: StringKey }[] = [
  { key: 'colPct', label: 'tb.colPct' },
  { key: 'rowPct', label: 'tb.rowPct' },
  { key: 'totalPct', label: 'tb.totalPct' },
  { key: 'counts', label: 'tb.counts' },
  { key: 'weighted', label: 'tb.weighted' },
  { key: 'base', label: 'tb.base' },
  { key: 'weightedBase', label: 'tb.weightedBaseRow' },
  { key: 'effectiveBase', label: 'tb.effBase' },
  { key: 'means', label: 'tb.means' },
];

export function SettingsPanel({ spec, onChange, variables, issues, filterStatus, projectRules, styles }: SettingsPanelProps) {
  const { t, num } = useI18n();
  const set = <K extends keyof BookSpec>(k: K, v: BookSpec[K]) => onChange({ ...spec, [k]: v });
  const ruleName = (r: string) => ruleSetLabel(t, r);

  return (
    <div className="book-settings">
      <fieldset className="book-fieldset book-fieldset-wide">
        <legend>{t('bk.titles')}</legend>
        <div className="settings-grid">
          <label>
            {t('bk.title')}
            <input
              value={spec.title}
              onChange={(e) => set('title', e.target.value)}
              maxLength={500}
              aria-invalid={issues.has('title') || undefined}
              data-testid="bk-title"
            />
          </label>
          <label>
            {t('bk.subtitle')}
            <input value={spec.subtitle} onChange={(e) => set('subtitle', e.target.value)} maxLength={500} />
          </label>
          <label>
            {t('bk.source')}
            <input value={spec.source} onChange={(e) => set('source', e.target.value)} maxLength={1000} />
          </label>
        </div>
        <FieldIssues issues={issues.get('title')} testId="bk-issues-title" />
      </fieldset>
      <div className="settings-columns">
        <div className="book-fieldset">
          <WeightPicker
            variables={variables}
            variable={spec.weight?.variable ?? ''}
            type={spec.weight?.type ?? 'sampling'}
            testId="bk-weight"
            onChange={(variable, type) => {
              if (variable) return set('weight', { variable, type });
              const { weight: _w, ...rest } = spec;
              onChange(rest);
            }}
          />
          <FieldIssues issues={issues.get('weight')} testId="bk-issues-weight" />
        </div>
        <fieldset className="book-fieldset">
          <legend>{t('tb.filter')}</legend>
          <input
            className={`filter-input ${filterStatus.state === 'error' ? 'invalid' : ''} ${filterStatus.state === 'ok' ? 'valid' : ''}`}
            aria-label={t('tb.filter')}
            aria-invalid={filterStatus.state === 'error' ? true : undefined}
            placeholder={t('tb.filterPlaceholder')}
            value={spec.filter ?? ''}
            spellCheck={false}
            onChange={(e) => {
              if (e.target.value) return set('filter', e.target.value);
              const { filter: _f, ...rest } = spec;
              onChange(rest);
            }}
            data-testid="bk-filter"
          />
          {filterStatus.state === 'ok' && <span className="filter-ok">✓ {t('tb.filterOk')}</span>}
          <FilterError filter={(spec.filter ?? '').trim()} status={filterStatus} />
          <FieldIssues issues={issues.get('filter')} testId="bk-issues-filter" />
        </fieldset>
        <WavesSettings spec={spec} onChange={onChange} variables={variables} issues={issues} />
        <fieldset className="book-fieldset">
          <legend>{t('tb.stats')}</legend>
          <div className="settings-checks">
            {STATS.map((s) => (
              <label className="check" key={s.key}>
                <input
                  type="checkbox"
                  checked={spec.statistics[s.key]}
                  onChange={(e) => set('statistics', { ...spec.statistics, [s.key]: e.target.checked })}
                  data-testid={`bk-stat-${s.key}`}
                />
                {t(s.label)}
              </label>
            ))}
          </div>
          <FieldIssues issues={issues.get('statistics')} testId="bk-issues-statistics" />
        </fieldset>
        <fieldset className="book-fieldset">
          <legend>{t('tb.tests')}</legend>
          <div className="settings-rows">
            <label>
              {t('bk.sigDisplay')}{' '}
              <select
                value={spec.tests.display}
                onChange={(e) => set('tests', { ...spec.tests, display: e.target.value as BookSpec['tests']['display'] })}
                data-testid="bk-sig"
              >
                <option value="letters">{t('bk.sig.letters')}</option>
                <option value="bold">{t('bk.sig.bold')}</option>
                <option value="none">{t('bk.sig.none')}</option>
              </select>
            </label>
            <label>
              {t('tb.adjust')}{' '}
              <select
                value={spec.tests.adjust}
                disabled={spec.tests.display === 'none'}
                onChange={(e) => set('tests', { ...spec.tests, adjust: e.target.value as BookSpec['tests']['adjust'] })}
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
                disabled={spec.tests.display === 'none'}
                onChange={(e) => set('tests', { ...spec.tests, alpha: Number(e.target.value) })}
              >
                {[...new Set([0.01, 0.05, 0.1, spec.tests.alpha])].map((a) => (
                  <option key={a} value={String(a)}>
                    {num(a, 2)}
                  </option>
                ))}
              </select>
            </label>
            <label className="check">
              <input type="checkbox" checked={spec.tests.chi2} onChange={(e) => set('tests', { ...spec.tests, chi2: e.target.checked })} />
              {t('tb.chi2')}
            </label>
          </div>
          <FieldIssues issues={issues.get('tests')} />
        </fieldset>
        <fieldset className="book-fieldset">
          <legend>{t('bk.rules')}</legend>
          <select
            value={spec.ruleSet ?? ''}
            onChange={(e) => {
              if (e.target.value) return set('ruleSet', e.target.value as BookSpec['ruleSet']);
              const { ruleSet: _r, rulesReason: _why, ...rest } = spec;
              onChange(rest);
            }}
            aria-label={t('bk.rules')}
            data-testid="bk-rules"
          >
            <option value="">{projectRules ? t('bk.rules.project', { name: ruleName(projectRules.name) }) : t('bk.rules.projectPlain')}</option>
            {RULE_SETS.map((r) => (
              <option key={r} value={r}>
                {ruleName(r)}
              </option>
            ))}
          </select>
          {rulesLoosened(spec, projectRules) && (
            <label className="rules-reason">
              {t('bk.rulesReason')}
              <textarea
                value={spec.rulesReason ?? ''}
                rows={2}
                maxLength={2000}
                onChange={(e) => set('rulesReason', e.target.value)}
                aria-invalid={issues.has('rules') || undefined}
                data-testid="bk-rules-reason"
              />
            </label>
          )}
          {spec.ruleSet === 'none' && <p className="field-warning">{t('bk.rules.noneWarning')}</p>}
          <FieldIssues issues={issues.get('rules')} testId="bk-issues-rules" />
        </fieldset>
        <LookSettings spec={spec} onChange={onChange} issues={issues} styles={styles} />
      </div>
      <FieldIssues issues={issues.get('other')} testId="bk-issues-other" />
    </div>
  );
}
