/** Live validation of a filter expression through analysis.checkFilter, debounced while typing. */
import { useEffect, useState } from 'react';
import { invoke, toApiError } from '../api/client';
import type { ExprMessage } from '../../shared/i18n/message-types';

export type FilterStatus =
  { state: 'empty' } | { state: 'checking' } | { state: 'ok' } | { state: 'error'; message: string; position: number | null; detail?: ExprMessage };

export function useFilterCheck(dataset: string, filter: string, delayMs = 300): FilterStatus {
  const [status, setStatus] = useState<FilterStatus>({ state: 'empty' });
  useEffect(() => {
    const text = filter.trim();
    if (!text) {
      setStatus({ state: 'empty' });
      return;
    }
    setStatus({ state: 'checking' });
    let live = true;
    const timer = setTimeout(() => {
      invoke('analysis.checkFilter', { dataset, filter: text })
        .then((r) => live && setStatus(r.ok ? { state: 'ok' } : { state: 'error', message: r.message, position: r.position, detail: r.detail }))
        .catch((e) => live && setStatus({ state: 'error', message: toApiError(e).message, position: null }));
    }, delayMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [dataset, filter, delayMs]);
  return status;
}
