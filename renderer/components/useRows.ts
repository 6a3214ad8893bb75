/** State for an editable list of rows (value labels, recode rules): update, add and remove by index. */
import { useCallback, useState } from 'react';

export function useRows<T extends object>(initial: T[] | (() => T[])) {
  const [rows, setRows] = useState<T[]>(initial);
  const update = useCallback((i: number, patch: Partial<T>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r))), []);
  const remove = useCallback((i: number) => setRows((rs) => rs.filter((_, j) => j !== i)), []);
  const add = useCallback((row: T) => setRows((rs) => [...rs, row]), []);
  return { rows, update, remove, add };
}
