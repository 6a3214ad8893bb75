/** A <select> of variables shown as "name — label", with an empty first choice (and sets first, when given). */
import type { MultipleResponseSet, VariableMeta } from '../../shared/model/dataset';

export interface VariableSelectProps {
  variables: VariableMeta[];
  value: string;
  onChange(name: string): void;
  emptyLabel: string;
  ariaLabel?: string;
  testId?: string;
  disabled?: boolean;
  /** Multiple-response sets offered before the variables, in a group of their own. */
  sets?: readonly MultipleResponseSet[];
  setsLabel?: string;
}

export function VariableSelect({ variables, value, onChange, emptyLabel, ariaLabel, testId, disabled, sets = [], setsLabel }: VariableSelectProps) {
  return (
    <select value={value} aria-label={ariaLabel} data-testid={testId} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
      <option value="">{emptyLabel}</option>
      {sets.length > 0 && (
        <optgroup label={setsLabel}>
          {sets.map((s) => (
            <option key={s.name} value={s.name}>
              {s.label ? `${s.name} — ${s.label}` : s.name}
            </option>
          ))}
        </optgroup>
      )}
      {variables.map((v) => (
        <option key={v.name} value={v.name}>
          {v.label ? `${v.name} — ${v.label}` : v.name}
        </option>
      ))}
    </select>
  );
}
