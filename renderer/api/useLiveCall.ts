/**
 * Runs a call whenever its request changes, debounced so that building something by dragging or
 * typing does not fire a request per gesture. Older answers are dropped when a newer request is under
 * way; `stop` abandons the pending answer (the backend call itself runs to completion).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallName, Request, Result } from '../../shared/api';
import { invoke, toApiError, type ApiError } from './client';

export interface LiveCall<R> {
  result: R | null;
  pending: boolean;
  stopped: boolean;
  error: ApiError | null;
  stop(): void;
}

/** `refresh`: any value; when it changes the call runs again with the same request (e.g. project version). */
export function useLiveCall<N extends CallName>(name: N, request: Request<N> | null, delayMs = 350, refresh: unknown = 0): LiveCall<Result<N>> {
  const [result, setResult] = useState<Result<N> | null>(null);
  const [pending, setPending] = useState(false);
  const [stopped, setStopped] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const seq = useRef(0);
  const key = request ? JSON.stringify(request) : '';

  useEffect(() => {
    const id = ++seq.current;
    setStopped(false);
    if (!key) {
      setResult(null);
      setPending(false);
      setError(null);
      return;
    }
    setPending(true);
    const timer = setTimeout(() => {
      invoke(name, JSON.parse(key) as Request<N>)
        .then((r) => {
          if (id !== seq.current) return;
          setResult(r);
          setError(null);
        })
        .catch((e) => {
          if (id !== seq.current) return;
          setError(toApiError(e));
        })
        .finally(() => id === seq.current && setPending(false));
    }, delayMs);
    return () => clearTimeout(timer);
  }, [name, key, delayMs, refresh]);

  const stop = useCallback(() => {
    seq.current++;
    setPending(false);
    setStopped(true);
  }, []);

  return { result, pending, stopped, error, stop };
}
