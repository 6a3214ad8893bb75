/**
 * One margin's targets: a row per category with its code and label beside an input for the target.
 * Typed, or pasted: a column copied from Excel fills the rows from the field downwards, a code (or
 * label) and target block copied from StatLine lands on the matching rows.
 */
import { useState, type ClipboardEvent } from 'react';
import type { VariableMeta } from '../../../shared/model/dataset';
import { useI18n } from '../../i18n/i18n';
import { marginSum, pasteInto, type GridMargin, type GridRow } from './grid';

export interface MarginEditorProps {
  margin: GridMargin;
  meta: VariableMeta | undefined;
  onChange(rows: GridRow[]): void;
  onRemove(): void;
}

export function MarginEditor({ margin, meta, onChange, onRemove }: MarginEditorProps) {
  const { t, lang, num } = useI18n();
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const [newCode, setNewCode] = useState('');
  const sum = marginSum(margin, lang);

  const onPaste = (e: ClipboardEvent<HTMLInputElement>, row: number) => {
    const text = e.clipboardData.getData('text/plain');
    if (!/[\n\t]/.test(text.trim())) return; // one value: the input takes it as typed
    e.preventDefault();
    const out = pasteInto(margin.rows, row, text, lang);
    onChange(out.rows);
    setUnmatched(out.unmatched);
  };

  const addCode = () => {
    const code = newCode.trim();
    if (!code || margin.rows.some((r) => r.code === code)) return;
    onChange([...margin.rows, { code, label: meta?.valueLabels[code] ?? '', target: '' }]);
    setNewCode('');
  };

  return (
    <fieldset className="weight-margin" data-margin={margin.variable}>
      <legend>
        <strong>{margin.variable}</strong>
        {meta?.label ? ` — ${meta.label}` : ''}
      </legend>
      <table className="simple-table weight-grid">
        <thead>
          <tr>
            <th scope="col">{t('wt.label')}</th>
            <th scope="col">{t('wt.code')}</th>
            <th scope="col">{t('wt.target')}</th>
          </tr>
        </thead>
        <tbody>
          {margin.rows.map((r, i) => (
            <tr key={r.code} data-code={r.code}>
              <td>{r.label || <span className="muted">—</span>}</td>
              <td className="weight-code">{r.code}</td>
              <td>
                <input
                  className="weight-target"
                  inputMode="decimal"
                  value={r.target}
                  aria-label={t('wt.targetOf', { variable: margin.variable, label: r.label || r.code })}
                  onChange={(e) => onChange(margin.rows.map((x, j) => (j === i ? { ...x, target: e.target.value } : x)))}
                  onPaste={(e) => onPaste(e, i)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="weight-margin-foot">
        <span className="muted" data-testid={`wt-sum-${margin.variable}`}>
          {t('wt.sum', { sum: Number.isNaN(sum) ? '?' : num(sum, Number.isInteger(sum) ? 0 : 2) })}
        </span>
        <span className="weight-add-code">
          <input
            value={newCode}
            onChange={(e) => setNewCode(e.target.value)}
            aria-label={t('wt.newCode', { variable: margin.variable })}
            className="code-input"
          />
          <button type="button" onClick={addCode}>
            {t('wt.addCode')}
          </button>
        </span>
        <button type="button" onClick={onRemove}>
          {t('wt.removeMargin', { name: margin.variable })}
        </button>
      </div>
      {unmatched.length > 0 && (
        <p className="field-error" role="alert">
          {t('wt.unmatched', { lines: unmatched.join(' · ') })}
        </p>
      )}
    </fieldset>
  );
}
