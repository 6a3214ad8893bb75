/** useState that survives tab switches and reloads of this browser tab (sessionStorage, JSON). */
import { useEffect, useState } from 'react';

export function useSessionState<T>(key: string, initial: T): [T, (v: T | ((prev: T) => T)) => void] {
  const [value, setValue] = useState<T>(() => {
    const raw = sessionStorage.getItem(key);
    if (raw === null) return initial;
    try {
      return { ...initial, ...(JSON.parse(raw) as T) };
    } catch {
      return initial;
    }
  });
  useEffect(() => {
    sessionStorage.setItem(key, JSON.stringify(value));
  }, [key, value]);
  return [value, setValue];
}
