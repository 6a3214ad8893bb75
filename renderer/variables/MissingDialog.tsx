/**
 * Edit user-missing values the SPSS way: up to three discrete values, or a numeric range plus at most
 * one discrete value. String variables have discrete values only.
 */
import { useState } from 'react';
import type { Code, MissingSpec, VariableMeta } from '../../shared/model/dataset';
import { Dialog, SaveCancel } from '../components/Dialog';
import { useI18n } from '../i18n/i18n';
import { parseNumber } from './summaries';

export function MissingDialog({ meta, onSave, onClose }: { meta: VariableMeta; onSave(m: MissingSpec): void; onClose(): void }) {
  const { t } = useI18n();
  const numeric = meta.type === 'numeric';
  const [values, setValues] = useState<string[]>(() => [0, 1, 2].map((i) => (meta.missing.values[i] !== undefined ? String(meta.missing.values[i]) : '')));
  const [lo, setLo] = useState(meta.missing.range ? String(meta.missing.range[0]) : '');
  const [hi, setHi] = useState(meta.missing.range ? String(meta.missing.range[1]) : '');
  const [error, setError] = useState<string | null>(null);

  const save = () => {
    const discrete: Code[] = [];
    for (const v of values) {
      if (!v.trim()) continue;
      if (!numeric) {
        discrete.push(v);
        continue;
      }
      const n = parseNumber(v);
      if (n === null) return setError(t('mv.bad', { value: v }));
      discrete.push(n);
    }
    let range: [number, number] | null = null;
    if (numeric && (lo.trim() || hi.trim())) {
      const a = parseNumber(lo);
      const b = parseNumber(hi);
      if (a === null) return setError(t('mv.bad', { value: lo }));
      if (b === null) return setError(t('mv.bad', { value: hi }));
      range = a <= b ? [a, b] : [b, a];
      if (discrete.length > 1) return setError(t('mv.tooMany'));
    }
    onSave({ values: discrete, range });
  };

  return (
    <Dialog
      title={t('mv.title', { name: meta.name })}
      onClose={onClose}
      footer={<SaveCancel onSave={save} onCancel={onClose} saveLabel={t('app.save')} cancelLabel={t('app.cancel')} testId="mv-save" />}
    >
      <fieldset>
        <legend>{t('mv.discrete')}</legend>
        {values.map((v, i) => (
          <input
            key={i}
            className="code-input"
            value={v}
            aria-label={`${t('mv.discrete')} ${i + 1}`}
            onChange={(e) => setValues((vs) => vs.map((x, j) => (j === i ? e.target.value : x)))}
          />
        ))}
      </fieldset>
      {numeric && (
        <fieldset>
          <legend>{t('mv.range')}</legend>
          <label>
            {t('mv.from')} <input className="code-input" value={lo} onChange={(e) => setLo(e.target.value)} />
          </label>{' '}
          <label>
            {t('mv.to')} <input className="code-input" value={hi} onChange={(e) => setHi(e.target.value)} />
          </label>
        </fieldset>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
