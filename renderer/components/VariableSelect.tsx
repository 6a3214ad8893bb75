/** A <select> of variables shown as "name — label", with an empty first choice. */
import type { VariableMeta } from '../../shared/model/dataset';

export interface VariableSelectProps {
  variables: VariableMeta[];
  value: string;
  onChange(name: string): void;
  emptyLabel: string;
  ariaLabel?: string;
  testId?: string;
  disabled?: boolean;
}

export function VariableSelect({ variables, value, onChange, emptyLabel, ariaLabel, testId, disabled }: VariableSelectProps) {
  return (
    <select value={value} aria-label={ariaLabel} data-testid={testId} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
      <option value="">{emptyLabel}</option>
      {variables.map((v) => (
        <option key={v.name} value={v.name}>
          {v.label ? `${v.name} — ${v.label}` : v.name}
        </option>
      ))}
    </select>
  );
}
