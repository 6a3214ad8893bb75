/**
 * Progress for a pending call: invisible for the first 300 ms (most calls are faster), then a bar that
 * follows `job.progress` events when the backend sends them, or an indeterminate bar when it does not.
 */
import { useEffect, useState } from 'react';
import { on } from '../api/client';

export function Progress({ label, onStop, stopLabel }: { label: string; onStop?: () => void; stopLabel?: string }) {
  const [visible, setVisible] = useState(false);
  const [fraction, setFraction] = useState<number | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setVisible(true), 300);
    const off = on('job.progress', (p) => {
      if (p.total > 0) setFraction(Math.min(1, p.done / p.total));
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, []);
  if (!visible) return null;
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={fraction === null ? undefined : Math.round(fraction * 100)}
    >
      <span>{label}</span>
      <progress max={1} value={fraction ?? undefined} />
      {onStop && (
        <button type="button" onClick={onStop}>
          {stopLabel}
        </button>
      )}
    </div>
  );
}
