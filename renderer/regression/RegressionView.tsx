/**
 * The regression dialog: dependent, predictors (with categorical ones and their reference category),
 * model, weight, standard errors and filter; the estimate runs on request, not live, because models
 * on big data take a while.
 */
import { useMemo, useState } from 'react';
import type { RegressionResult } from '../../shared/model/results';
import { invoke, toApiError, type ApiError } from '../api/client';
import { useProject } from '../state/project-context';
import { useSessionState } from '../state/useSessionState';
import { ErrorBox } from '../components/ErrorBox';
import { Progress } from '../components/Progress';
import { RadioGroup } from '../components/RadioGroup';
import { VariableSelect } from '../components/VariableSelect';
import { WeightPicker } from '../components/WeightPicker';
import { useI18n } from '../i18n/i18n';
import { FilterError } from '../tables/TableOptions';
import { useFilterCheck } from '../tables/useFilterCheck';
import { CoefficientTable } from './CoefficientTable';
import { emptyRegression, regressionProblem, regressRequest, type RegressionSpec } from './regression-spec';

export function RegressionView() {
  const { t } = useI18n();
  const { dataset, info } = useProject();
  const ds = dataset ?? '';
  const [spec, setSpec] = useSessionState<RegressionSpec>(`duiding.regression.${ds}`, emptyRegression);
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<RegressionResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [running, setRunning] = useState(false);
  const variables = useMemo(() => info?.variables ?? [], [info]);
  const numeric = variables.filter((v) => v.type === 'numeric');
  const filterStatus = useFilterCheck(ds, spec.filter);
  const problem = regressionProblem(spec);
  const set = <K extends keyof RegressionSpec>(k: K, v: RegressionSpec[K]) => setSpec((s) => ({ ...s, [k]: v }));

  const candidates = useMemo(() => {
    const q = query.trim().toLowerCase();
    return variables.filter((v) => v.name !== spec.dependent && (!q || v.name.toLowerCase().includes(q) || v.label.toLowerCase().includes(q)));
  }, [variables, spec.dependent, query]);

  const togglePredictor = (name: string, on: boolean) =>
    setSpec((s) => {
      const predictors = on ? [...s.predictors, name] : s.predictors.filter((p) => p !== name);
      const categorical = { ...s.categorical };
      if (!on) delete categorical[name];
      else if (variables.find((v) => v.name === name)?.measure !== 'scale') categorical[name] = '';
      return { ...s, predictors, categorical };
    });

  const toggleCategorical = (name: string, on: boolean) =>
    setSpec((s) => {
      const categorical = { ...s.categorical };
      if (on) categorical[name] = '';
      else delete categorical[name];
      return { ...s, categorical };
    });

  const run = async () => {
    if (problem || filterStatus.state === 'error') return;
    setRunning(true);
    setError(null);
    try {
      setResult(await invoke('analysis.regress', regressRequest(spec, ds, filterStatus.state === 'ok')));
    } catch (e) {
      setError(toApiError(e));
      setResult(null);
    } finally {
      setRunning(false);
    }
  };

  return (
    <section className="regression-view">
      <form
        className="regression-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <label className="field">
          {t('reg.dependent')}
          <VariableSelect
            variables={numeric}
            value={spec.dependent}
            onChange={(v) => set('dependent', v)}
            emptyLabel={t('reg.choose')}
            testId="reg-dependent"
          />
        </label>
        <fieldset className="predictors">
          <legend>{t('reg.predictors')}</legend>
          <input type="search" placeholder={t('tb.search')} aria-label={t('tb.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
          <div className="predictor-list">
            {candidates.map((v) => {
              const on = spec.predictors.includes(v.name);
              const cat = v.name in spec.categorical;
              const codes = Object.entries(v.valueLabels);
              return (
                <div key={v.name} className={on ? 'predictor on' : 'predictor'} data-var={v.name}>
                  <label className="check">
                    <input type="checkbox" checked={on} onChange={(e) => togglePredictor(v.name, e.target.checked)} data-testid={`pred-${v.name}`} />
                    <span className="var-item-name">{v.name}</span> <span className="var-item-label">{v.label}</span>
                  </label>
                  {on && (
                    <label className="check">
                      <input type="checkbox" checked={cat} onChange={(e) => toggleCategorical(v.name, e.target.checked)} data-testid={`cat-${v.name}`} />
                      {t('reg.categorical')}
                    </label>
                  )}
                  {on && cat && (
                    <label>
                      {t('reg.reference')}{' '}
                      <select
                        value={spec.categorical[v.name]}
                        onChange={(e) => setSpec((s) => ({ ...s, categorical: { ...s.categorical, [v.name]: e.target.value } }))}
                      >
                        <option value="">{t('reg.lowest')}</option>
                        {codes.map(([code, label]) => (
                          <option key={code} value={code}>
                            {code} = {label}
                          </option>
                        ))}
                      </select>
                    </label>
                  )}
                </div>
              );
            })}
          </div>
        </fieldset>
        <div className="regression-options">
          <RadioGroup
            legend={t('reg.model')}
            name="model"
            value={spec.model}
            onChange={(m) => set('model', m)}
            options={(['ols', 'logit', 'fe'] as const).map((m) => ({ value: m, label: t(`reg.${m}`) }))}
          >
            {spec.model === 'fe' && (
              <label className="field">
                {t('reg.panel')}
                <VariableSelect variables={variables} value={spec.panel} onChange={(v) => set('panel', v)} emptyLabel={t('reg.choose')} />
              </label>
            )}
          </RadioGroup>
          <WeightPicker
            variables={variables}
            variable={spec.weight}
            type={spec.weightType}
            testId="reg-weight"
            onChange={(weight, weightType) => setSpec((s) => ({ ...s, weight, weightType }))}
          />
          <RadioGroup
            legend={t('reg.se')}
            name="se"
            value={spec.se}
            onChange={(m) => set('se', m)}
            options={(['classical', 'hc1', 'cluster'] as const).map((m) => ({ value: m, label: t(`reg.${m}`) }))}
          >
            {spec.se === 'cluster' && (
              <label className="field">
                {t('reg.clusterVar')}
                <VariableSelect variables={variables} value={spec.cluster} onChange={(v) => set('cluster', v)} emptyLabel={t('reg.choose')} />
              </label>
            )}
          </RadioGroup>
          <fieldset>
            <legend>{t('tb.filter')}</legend>
            <input
              className="filter-input"
              aria-label={t('tb.filter')}
              placeholder={t('tb.filterPlaceholder')}
              value={spec.filter}
              spellCheck={false}
              onChange={(e) => set('filter', e.target.value)}
            />
            <FilterError filter={spec.filter.trim()} status={filterStatus} />
          </fieldset>
          <button type="submit" className="primary" disabled={problem !== null || running} data-testid="reg-run">
            {t('reg.run')}
          </button>
          {problem && <p className="muted">{t(problem)}</p>}
        </div>
      </form>
      <div className="results">
        {running && <Progress label={t('reg.running')} />}
        <ErrorBox error={error} />
        {result && <CoefficientTable result={result} variables={variables} />}
      </div>
    </section>
  );
}
