/** A fieldset of radio buttons; `children` follow the options (e.g. a field that one option needs). */
import type { ReactNode } from 'react';

export interface RadioGroupProps<T extends string> {
  legend: string;
  name: string;
  options: readonly { value: T; label: string }[];
  value: T;
  onChange(value: T): void;
  children?: ReactNode;
  disabled?: boolean;
}

export function RadioGroup<T extends string>({ legend, name, options, value, onChange, children, disabled }: RadioGroupProps<T>) {
  return (
    <fieldset disabled={disabled}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label className="check" key={o.value}>
          <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} data-testid={`${name}-${o.value}`} />
          {o.label}
        </label>
      ))}
      {children}
    </fieldset>
  );
}
