/** Weight variable plus its kind (sampling or frequency), as the table builder and regression use it. */
import type { VariableMeta } from '../../shared/model/dataset';
import type { WeightType } from '../../shared/model/results';
import { useI18n } from '../i18n/i18n';
import { VariableSelect } from './VariableSelect';

export interface WeightPickerProps {
  variables: VariableMeta[];
  variable: string;
  type: WeightType;
  onChange(variable: string, type: WeightType): void;
  testId: string;
}

export function WeightPicker({ variables, variable, type, onChange, testId }: WeightPickerProps) {
  const { t } = useI18n();
  return (
    <fieldset>
      <legend>{t('tb.weight')}</legend>
      <VariableSelect
        variables={variables.filter((v) => v.type === 'numeric')}
        value={variable}
        onChange={(name) => onChange(name, type)}
        emptyLabel={t('tb.noWeight')}
        ariaLabel={t('tb.weight')}
        testId={testId}
      />
      {variable && (
        <select aria-label={t('tb.weightType')} value={type} data-testid={`${testId}-type`} onChange={(e) => onChange(variable, e.target.value as WeightType)}>
          <option value="sampling">{t('tb.sampling')}</option>
          <option value="frequency">{t('tb.frequency')}</option>
        </select>
      )}
    </fieldset>
  );
}
