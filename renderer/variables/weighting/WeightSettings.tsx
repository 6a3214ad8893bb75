/** Method, base weight, filter, bounds, trimming and the new variable's name of the weighting dialog. */
import type { VariableMeta } from '../../../shared/model/dataset';
import { weightMethods } from '../../../shared/weighting/spec';
import { RadioGroup } from '../../components/RadioGroup';
import { VariableSelect } from '../../components/VariableSelect';
import { useI18n } from '../../i18n/i18n';
import type { WeightForm } from './form';

export interface WeightSettingsProps {
  form: WeightForm;
  onChange(f: WeightForm): void;
  variables: VariableMeta[];
  /** Rerunning a recipe: only filter and name can change. */
  fromRecipe: boolean;
}

export function WeightSettings({ form, onChange, variables, fromRecipe }: WeightSettingsProps) {
  const { t } = useI18n();
  const set = <K extends keyof WeightForm>(k: K, v: WeightForm[K]) => onChange({ ...form, [k]: v });
  return (
    <div className="weight-settings">
      <RadioGroup
        legend={t('wt.method')}
        name="weight-method"
        value={form.method}
        onChange={(v) => set('method', v)}
        disabled={fromRecipe}
        options={weightMethods.map((m) => ({ value: m, label: t(`wt.method.${m}`) }))}
      />
      <label className="field">
        {t('wt.base')}
        <VariableSelect
          variables={variables.filter((v) => v.type === 'numeric' && v.measure === 'scale')}
          value={form.base}
          onChange={(v) => set('base', v)}
          emptyLabel={t('wt.equalBase')}
          testId="wt-base"
          disabled={fromRecipe}
        />
      </label>
      <label className="field">
        {t('wt.filter')}
        <input value={form.filter} onChange={(e) => set('filter', e.target.value)} className="expr-input" data-testid="wt-filter" spellCheck={false} />
      </label>
      <fieldset className="field" disabled={fromRecipe || form.method === 'poststrat'}>
        <legend>{t('wt.bounds')}</legend>
        <span className="range-inputs">
          <input
            className="code-input"
            inputMode="decimal"
            value={form.lo}
            onChange={(e) => set('lo', e.target.value)}
            aria-label={t('wt.boundsLo')}
            placeholder="0,5"
          />
          –
          <input
            className="code-input"
            inputMode="decimal"
            value={form.hi}
            onChange={(e) => set('hi', e.target.value)}
            aria-label={t('wt.boundsHi')}
            placeholder="2"
          />
        </span>
      </fieldset>
      <fieldset className="field" disabled={fromRecipe}>
        <legend>{t('wt.trim')}</legend>
        <input className="code-input" inputMode="decimal" value={form.trim} onChange={(e) => set('trim', e.target.value)} aria-label={t('wt.trim')} />
        <label className="check">
          <input type="checkbox" checked={form.trimRelative} onChange={(e) => set('trimRelative', e.target.checked)} />
          {t('wt.trimRelative')}
        </label>
      </fieldset>
      <label className="check">
        <input type="checkbox" checked={form.scale} onChange={(e) => set('scale', e.target.checked)} disabled={fromRecipe} />
        {t('wt.scale')}
      </label>
      <label className="field">
        {t('wt.name')}
        <input value={form.name} onChange={(e) => set('name', e.target.value)} data-testid="wt-name" spellCheck={false} />
      </label>
    </div>
  );
}
