/**
 * A drop target holding variable chips. Dropping on the zone appends; dropping on a chip calls
 * `onDropOnChip` (the columns zone uses it to nest).
 */
import { useState, type DragEvent, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { DRAG_TYPE } from './VariableList';

export interface Chip {
  key: string;
  text: string;
  title?: string;
  extra?: ReactNode;
}

export interface DropZoneProps {
  title: string;
  chips: Chip[];
  onDrop(name: string): void;
  onDropOnChip?(index: number, name: string): void;
  onRemove(index: number): void;
  testId: string;
}

function dragged(e: DragEvent): string | null {
  return e.dataTransfer.getData(DRAG_TYPE) || e.dataTransfer.getData('text/plain') || null;
}

export function DropZone({ title, chips, onDrop, onDropOnChip, onRemove, testId }: DropZoneProps) {
  const { t } = useI18n();
  const [over, setOver] = useState<number | 'zone' | null>(null);
  const allow = (e: DragEvent, target: number | 'zone') => {
    e.preventDefault();
    e.stopPropagation();
    e.dataTransfer.dropEffect = 'copy';
    setOver(target);
  };
  return (
    <div
      className={`drop-zone ${over === 'zone' ? 'drag-over' : ''}`}
      data-testid={testId}
      onDragOver={(e) => allow(e, 'zone')}
      onDragLeave={() => setOver(null)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(null);
        const name = dragged(e);
        if (name) onDrop(name);
      }}
    >
      <h3>{title}</h3>
      {chips.length === 0 && <p className="muted drop-hint">{t('tb.dropHere')}</p>}
      <ul className="chips">
        {chips.map((c, i) => (
          <li
            key={c.key}
            className={`chip ${over === i ? 'drag-over' : ''}`}
            title={c.title}
            data-chip={c.key}
            onDragOver={onDropOnChip ? (e) => allow(e, i) : undefined}
            onDrop={
              onDropOnChip
                ? (e) => {
                    e.preventDefault();
                    e.stopPropagation();
                    setOver(null);
                    const name = dragged(e);
                    if (name) onDropOnChip(i, name);
                  }
                : undefined
            }
          >
            <span className="chip-text">{c.text}</span>
            {c.extra}
            <button type="button" className="chip-remove" aria-label={t('tb.remove', { zone: title }) + `: ${c.text}`} onClick={() => onRemove(i)}>
              ×
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
