/** Edit a variable's value labels as code/label rows; codes are numbers for numeric variables. */
import { useState } from 'react';
import type { VariableMeta } from '../../shared/model/dataset';
import { Dialog, SaveCancel } from '../components/Dialog';
import { useI18n } from '../i18n/i18n';
import { parseNumber } from './summaries';
import { useRows } from '../components/useRows';

interface Row {
  code: string;
  label: string;
}

export function ValueLabelsDialog({ meta, onSave, onClose }: { meta: VariableMeta; onSave(labels: Record<string, string>): void; onClose(): void }) {
  const { t } = useI18n();
  const { rows, update, remove, add } = useRows<Row>(() => Object.entries(meta.valueLabels).map(([code, label]) => ({ code, label })));
  const [error, setError] = useState<string | null>(null);

  const save = () => {
    const out: Record<string, string> = {};
    for (const r of rows) {
      if (!r.code.trim() && !r.label.trim()) continue;
      let key = r.code.trim();
      if (meta.type === 'numeric') {
        const n = parseNumber(key);
        if (n === null) return setError(t('vl.badCode', { code: r.code }));
        key = String(n);
      }
      if (key in out) return setError(t('vl.duplicate', { code: key }));
      out[key] = r.label;
    }
    onSave(out);
  };

  return (
    <Dialog
      title={t('vl.title', { name: meta.name })}
      onClose={onClose}
      footer={<SaveCancel onSave={save} onCancel={onClose} saveLabel={t('app.save')} cancelLabel={t('app.cancel')} testId="vl-save" />}
    >
      <table className="simple-table vl-table">
        <thead>
          <tr>
            <th scope="col">{t('vl.code')}</th>
            <th scope="col">{t('vl.label')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td>
                <input className="code-input" value={r.code} aria-label={`${t('vl.code')} ${i + 1}`} onChange={(e) => update(i, { code: e.target.value })} />
              </td>
              <td>
                <input
                  className="label-input"
                  value={r.label}
                  aria-label={`${t('vl.label')} ${i + 1}`}
                  onChange={(e) => update(i, { label: e.target.value })}
                />
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
      <button type="button" onClick={() => add({ code: '', label: '' })}>
        {t('vl.add')}
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
