/**
 * Release suppressed cells of one table despite the output rules: choose primary-suppressed cells,
 * write a reason (at least 10 characters), and see that it is logged. Lists the releases already
 * recorded for this table, with a way to withdraw them. Every change is recorded in the audit log
 * by the backend; the table refreshes on the project.changed event that follows.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import type { OverrideView } from '../../shared/api/rules';
import type { OverrideTarget } from '../../shared/disclosure/overrides/override';
import type { BannerResult } from '../../shared/model/results';
import { invoke, toApiError, type ApiError } from '../api/client';
import { useNotice } from '../state/notice';
import { Dialog } from '../components/Dialog';
import { ErrorBox } from '../components/ErrorBox';
import { useI18n } from '../i18n/i18n';
import { releasableCells, type ReleasableCell } from './override-target';

const MIN_REASON = 10;
const keyOf = (c: { row: unknown; col: string }) => `${String(c.row)}\u0000${c.col}`;

export interface OverrideDialogProps {
  target: OverrideTarget;
  result: BannerResult;
  /** The cell the dialog was opened from, chosen already. */
  initial?: ReleasableCell;
  onClose(): void;
}

export function OverrideDialog({ target, result, initial, onClose }: OverrideDialogProps) {
  const { t, msg } = useI18n();
  const { notify } = useNotice();
  const reasonId = useId();
  const cells = releasableCells(result);
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(initial ? [keyOf(initial)] : []));
  const [reason, setReason] = useState('');
  const [existing, setExisting] = useState<OverrideView[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    invoke('rules.override.list', { target })
      .then(setExisting)
      .catch((e) => setError(toApiError(e)));
  }, [target]);
  useEffect(load, [load]);

  const toggle = (k: string) =>
    setChosen((s) => {
      const next = new Set(s);
      if (next.has(k)) next.delete(k);
      else next.add(k);
      return next;
    });
  const length = reason.trim().length;
  const canSubmit = !busy && chosen.size > 0 && length >= MIN_REASON;

  const submit = async () => {
    setBusy(true);
    try {
      const picked = cells.filter((c) => chosen.has(keyOf(c))).map((c) => ({ row: c.row, col: c.col }));
      await invoke('rules.override.add', { target, cells: picked, reason });
      notify(t('ov.done'));
      onClose();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (id: number) => {
    try {
      await invoke('rules.override.remove', { id });
      notify(t('ov.removed'));
      load();
    } catch (e) {
      setError(toApiError(e));
    }
  };

  return (
    <Dialog
      title={t('ov.title')}
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose}>
            {t('app.cancel')}
          </button>
          <button type="button" className="primary" disabled={!canSubmit} onClick={() => void submit()} data-testid="override-submit">
            {t('ov.submit')}
          </button>
        </>
      }
    >
      <div data-testid="override-dialog">
        <p>{t('ov.intro')}</p>
        <ErrorBox error={error} />
        {cells.length === 0 ? (
          <p className="muted">{t('ov.none')}</p>
        ) : (
          <fieldset className="override-cells">
            <legend>{t('ov.cells')}</legend>
            {cells.map((c) => (
              <label key={keyOf(c)} className="override-cell">
                <input type="checkbox" checked={chosen.has(keyOf(c))} onChange={() => toggle(keyOf(c))} data-row={String(c.row)} data-col={c.col} />
                {c.rowLabel} / {c.colLabel}
              </label>
            ))}
          </fieldset>
        )}
        <label htmlFor={reasonId} className="override-reason-label">
          {t('ov.reason')}
        </label>
        <textarea
          id={reasonId}
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-describedby={`${reasonId}-count ${reasonId}-log`}
          data-testid="override-reason"
        />
        <p id={`${reasonId}-count`} className={length >= MIN_REASON ? 'muted' : 'warn'} aria-live="polite">
          {t('ov.reasonCount', { n: length })}
        </p>
        <p id={`${reasonId}-log`} className="override-logged">
          {t('ov.logged')}
        </p>
        {existing.length > 0 && (
          <section aria-label={t('ov.existing')}>
            <h3>{t('ov.existing')}</h3>
            <ul className="override-list" data-testid="override-list">
              {existing.map((o) => (
                <li key={o.id}>
                  <span>
                    {o.cells.map((c) => `${c.rowLabel} / ${c.colLabel}`).join(', ')} — {o.reason} ({o.createdAt.slice(0, 10)})
                    {o.status === 'stale' && <em> · {t('ov.stale', { why: o.whyMessage ? msg(o.whyMessage) : (o.why ?? '') })}</em>}
                  </span>{' '}
                  <button type="button" onClick={() => void remove(o.id)} data-testid="override-remove">
                    {t('ov.remove')}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </Dialog>
  );
}
