/** Compute a new numeric variable from an expression (parsed by the backend, never eval'ed). */
import { useState } from 'react';
import { invoke, toApiError } from '../api/client';
import { Dialog, SaveCancel } from '../components/Dialog';
import { useI18n } from '../i18n/i18n';
import type { DeriveDialogProps } from './RecodeDialog';

export function ComputeDialog({ dataset, onDone, onClose }: DeriveDialogProps) {
  const { t } = useI18n();
  const [target, setTarget] = useState('');
  const [label, setLabel] = useState('');
  const [expression, setExpression] = useState('');
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    if (!target.trim() || !expression.trim()) return setError(t('rc.needNames'));
    try {
      const meta = await invoke('transform.compute', {
        dataset,
        recipe: { target: target.trim(), expression: expression.trim(), label: label.trim() || undefined },
      });
      onDone(meta.name);
    } catch (e) {
      setError(toApiError(e).message);
    }
  };

  return (
    <Dialog
      title={t('rc.computeTitle')}
      onClose={onClose}
      wide
      footer={<SaveCancel onSave={() => void save()} onCancel={onClose} saveLabel={t('app.save')} cancelLabel={t('app.cancel')} testId="cp-save" />}
    >
      <div className="form-grid">
        <label>
          {t('rc.target')}
          <input value={target} onChange={(e) => setTarget(e.target.value)} data-testid="cp-target" />
        </label>
        <label>
          {t('rc.label')}
          <input value={label} onChange={(e) => setLabel(e.target.value)} />
        </label>
      </div>
      <label className="field">
        {t('rc.expression')}
        <textarea
          className="expr-input"
          rows={3}
          spellCheck={false}
          value={expression}
          onChange={(e) => setExpression(e.target.value)}
          data-testid="cp-expression"
        />
      </label>
      {error && (
        <p className="field-error" role="alert" data-testid="cp-error">
          {error}
        </p>
      )}
    </Dialog>
  );
}
