/**
 * A text field that commits on Enter or when focus leaves, and reverts on Escape. `validate` returns
 * an error message to block the commit.
 */
import { useEffect, useState } from 'react';

export interface EditableTextProps {
  value: string;
  label: string;
  onCommit(value: string): Promise<void> | void;
  validate?(value: string): string | null;
  className?: string;
  testId?: string;
}

export function EditableText({ value, label, onCommit, validate, className, testId }: EditableTextProps) {
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setDraft(value), [value]);

  const commit = async () => {
    if (draft === value) return setError(null);
    const problem = validate?.(draft) ?? null;
    setError(problem);
    if (problem) return;
    try {
      await onCommit(draft);
    } catch {
      setDraft(value);
    }
  };

  return (
    <span className="editable">
      <input
        className={`${className ?? ''} ${error ? 'invalid' : ''}`}
        value={draft}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        title={error ?? undefined}
        data-testid={testId}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => void commit()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') void commit();
          if (e.key === 'Escape') {
            setDraft(value);
            setError(null);
          }
        }}
      />
      {error && <span className="field-error">{error}</span>}
    </span>
  );
}
