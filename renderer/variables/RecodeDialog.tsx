/**
 * Recode into a new variable: ranges, value lists, missing and "else" → new codes with labels
 * (e.g. age → 18–34 / 35–64 / 65+). The recipe is stored with the variable so it can be replayed.
 */
import { useState } from 'react';
import type { VariableMeta } from '../../shared/model/dataset';
import { invoke, toApiError } from '../api/client';
import { Dialog, SaveCancel } from '../components/Dialog';
import { VariableSelect } from '../components/VariableSelect';
import { useRows } from '../components/useRows';
import { useI18n } from '../i18n/i18n';
import { newRuleRow, rowsToRules, type RuleRow } from './recode-rules';

export interface DeriveDialogProps {
  dataset: string;
  variables: VariableMeta[];
  onDone(name: string): void;
  onClose(): void;
}

const KINDS: RuleRow['kind'][] = ['range', 'values', 'missing', 'else'];

export function RecodeDialog({ dataset, variables, onDone, onClose }: DeriveDialogProps) {
  const { t } = useI18n();
  const [source, setSource] = useState('');
  const [target, setTarget] = useState('');
  const [label, setLabel] = useState('');
  const { rows, update, remove, add } = useRows<RuleRow>([newRuleRow()]);
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    if (!source || !target.trim()) return setError(t('rc.needNames'));
    const out = rowsToRules(rows);
    if ('problem' in out) return setError(t(`rc.problem.${out.problem}`, { row: out.row + 1 }));
    try {
      const meta = await invoke('transform.recode', { dataset, recipe: { source, target: target.trim(), label: label.trim() || undefined, rules: out.rules } });
      onDone(meta.name);
    } catch (e) {
      setError(toApiError(e).message);
    }
  };

  return (
    <Dialog
      title={t('rc.title')}
      onClose={onClose}
      wide
      footer={<SaveCancel onSave={() => void save()} onCancel={onClose} saveLabel={t('app.save')} cancelLabel={t('app.cancel')} testId="rc-save" />}
    >
      <div className="form-grid">
        <label>
          {t('rc.source')}
          <VariableSelect
            variables={variables.filter((v) => v.type === 'numeric')}
            value={source}
            onChange={setSource}
            emptyLabel={t('reg.choose')}
            testId="rc-source"
          />
        </label>
        <label>
          {t('rc.target')}
          <input value={target} onChange={(e) => setTarget(e.target.value)} data-testid="rc-target" />
        </label>
        <label>
          {t('rc.label')}
          <input value={label} onChange={(e) => setLabel(e.target.value)} data-testid="rc-label" />
        </label>
      </div>
      <h3 className="sub-head">{t('rc.rules')}</h3>
      <table className="simple-table rule-table">
        <thead>
          <tr>
            <th scope="col">{t('rc.kind')}</th>
            <th scope="col">{t('rc.from')}</th>
            <th scope="col">{t('rc.newCode')}</th>
            <th scope="col">{t('rc.newLabel')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} data-rule={i}>
              <td>
                <select value={r.kind} aria-label={`${t('rc.kind')} ${i + 1}`} onChange={(e) => update(i, { kind: e.target.value as RuleRow['kind'] })}>
                  {KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`rc.kind.${k}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {r.kind === 'range' && (
                  <span className="range-inputs">
                    <input className="code-input" aria-label={`${t('rc.from')} ${i + 1}`} value={r.lo} onChange={(e) => update(i, { lo: e.target.value })} />
                    {t('rc.to')}
                    <input className="code-input" aria-label={`${t('rc.to')} ${i + 1}`} value={r.hi} onChange={(e) => update(i, { hi: e.target.value })} />
                  </span>
                )}
                {r.kind === 'values' && (
                  <input
                    aria-label={`${t('rc.values')} ${i + 1}`}
                    placeholder={t('rc.values')}
                    value={r.values}
                    onChange={(e) => update(i, { values: e.target.value })}
                  />
                )}
              </td>
              <td>
                <input className="code-input" aria-label={`${t('rc.newCode')} ${i + 1}`} value={r.to} onChange={(e) => update(i, { to: e.target.value })} />
              </td>
              <td>
                <input aria-label={`${t('rc.newLabel')} ${i + 1}`} value={r.label} onChange={(e) => update(i, { label: e.target.value })} />
              </td>
              <td>
                <button type="button" onClick={() => remove(i)}>
                  {t('vl.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={() => add(newRuleRow())} data-testid="rc-add">
        {t('rc.addRule')}
      </button>
      {error && (
        <p className="field-error" role="alert" data-testid="rc-error">
          {error}
        </p>
      )}
    </Dialog>
  );
}
