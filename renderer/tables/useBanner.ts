/**
 * Runs analysis.banner for the current spec, debounced so that building a table by dragging does not
 * fire a request per gesture. Older answers are dropped when a newer request is under way; "stop"
 * abandons the pending answer (the backend call itself runs to completion).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Request } from '../../shared/api';
import type { BannerResult } from '../../shared/model/results';
import { invoke, toApiError, type ApiError } from '../api/client';

export interface BannerState {
  results: BannerResult[] | null;
  pending: boolean;
  stopped: boolean;
  error: ApiError | null;
  stop(): void;
}

export function useBanner(request: Request<'analysis.banner'> | null, delayMs = 350): BannerState {
  const [results, setResults] = useState<BannerResult[] | null>(null);
  const [pending, setPending] = useState(false);
  const [stopped, setStopped] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const seq = useRef(0);
  const key = request ? JSON.stringify(request) : '';

  useEffect(() => {
    const id = ++seq.current;
    setStopped(false);
    if (!key) {
      setResults(null);
      setPending(false);
      setError(null);
      return;
    }
    setPending(true);
    const timer = setTimeout(() => {
      invoke('analysis.banner', JSON.parse(key) as Request<'analysis.banner'>)
        .then((r) => {
          if (id !== seq.current) return;
          setResults(r);
          setError(null);
        })
        .catch((e) => {
          if (id !== seq.current) return;
          setError(toApiError(e));
        })
        .finally(() => id === seq.current && setPending(false));
    }, delayMs);
    return () => clearTimeout(timer);
  }, [key, delayMs]);

  const stop = useCallback(() => {
    seq.current++;
    setPending(false);
    setStopped(true);
  }, []);

  return { results, pending, stopped, error, stop };
}
