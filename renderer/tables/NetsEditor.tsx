/**
 * Nets of the table being built: table-level categories that add up categories of the row variable
 * ("Tevreden (4+5)"), shown beside or instead of them, with their own letters. Not a recode: the
 * data stay as they are and the output rules know a net is the sum of its members.
 */
import { useId, useState } from 'react';
import type { NetSpec } from '../../shared/query/table-query';
import { useI18n } from '../i18n/i18n';

/** "4, 5" or "4 5" → [4, 5]; text codes stay text. */
export function parseCodes(text: string): (number | string)[] {
  return text
    .split(/[,;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => (/^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s));
}

export function NetsEditor({ nets, onChange }: { nets: NetSpec[]; onChange(nets: NetSpec[]): void }) {
  const { t } = useI18n();
  const id = useId();
  const [label, setLabel] = useState('');
  const [codes, setCodes] = useState('');
  const [instead, setInstead] = useState(false);
  const parsed = parseCodes(codes);
  const ready = label.trim() !== '' && parsed.length > 0;
  const add = () => {
    if (!ready) return;
    onChange([...nets, { label: label.trim(), codes: parsed, instead }]);
    setLabel('');
    setCodes('');
    setInstead(false);
  };
  return (
    <div className="nets-editor" data-testid="tb-nets">
      {nets.length > 0 && (
        <ul className="nets-list">
          {nets.map((n, i) => (
            <li key={`${n.label}-${i}`}>
              <span>
                {n.label} ({n.codes.join(', ')}){n.instead ? ` · ${t('tb.netInstead')}` : ''}
              </span>
              <button
                type="button"
                className="link-button"
                aria-label={t('tb.netRemove', { name: n.label })}
                onClick={() => onChange(nets.filter((_, k) => k !== i))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="nets-add">
        <label htmlFor={`${id}-label`}>{t('tb.netLabel')}</label>
        <input
          id={`${id}-label`}
          value={label}
          placeholder={t('tb.netLabelPlaceholder')}
          onChange={(e) => setLabel(e.target.value)}
          data-testid="tb-net-label"
        />
        <label htmlFor={`${id}-codes`}>{t('tb.netCodes')}</label>
        <input
          id={`${id}-codes`}
          value={codes}
          placeholder="4, 5"
          onChange={(e) => setCodes(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && add()}
          data-testid="tb-net-codes"
        />
        <label className="check">
          <input type="checkbox" checked={instead} onChange={(e) => setInstead(e.target.checked)} />
          {t('tb.netInstead')}
        </label>
        <button type="button" disabled={!ready} onClick={add} data-testid="tb-net-add">
          {t('tb.netAdd')}
        </button>
      </div>
    </div>
  );
}
