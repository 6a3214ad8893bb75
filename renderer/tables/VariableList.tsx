/**
 * Searchable list of variables (name, label, measure) and multiple-response sets (their own icon).
 * Items can be dragged onto the drop zones, or selected with the keyboard and added with the builder's
 * buttons; a set stands wherever a row variable can.
 */
import { useMemo, useState } from 'react';
import type { Measure, MultipleResponseSet, VariableMeta } from '../../shared/model/dataset';
import { MeasureIcon } from '../components/MeasureIcon';
import { useI18n } from '../i18n/i18n';

export const DRAG_TYPE = 'application/x-duiding-variable';

export interface VariableListProps {
  variables: VariableMeta[];
  /** The dataset's multiple-response sets, listed first. */
  sets?: readonly MultipleResponseSet[];
  selected: string | null;
  onSelect(name: string): void;
  onActivate?(name: string): void;
}

interface Entry {
  name: string;
  label: string;
  measure: Measure | 'set';
}

export function VariableList({ variables, sets = [], selected, onSelect, onActivate }: VariableListProps) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const shown = useMemo(() => {
    const all: Entry[] = [
      ...sets.map((s) => ({ name: s.name, label: s.label, measure: 'set' as const })),
      ...variables.map((v) => ({ name: v.name, label: v.label, measure: v.measure })),
    ];
    const q = query.trim().toLowerCase();
    return q ? all.filter((v) => v.name.toLowerCase().includes(q) || v.label.toLowerCase().includes(q)) : all;
  }, [variables, sets, query]);

  const move = (delta: number) => {
    const i = shown.findIndex((v) => v.name === selected);
    const next = shown[Math.min(shown.length - 1, Math.max(0, i + delta))];
    if (next) {
      onSelect(next.name);
      document.getElementById(`varopt-${next.name}`)?.scrollIntoView({ block: 'nearest' });
    }
  };

  return (
    <div className="var-list">
      <input
        type="search"
        placeholder={t('tb.search')}
        aria-label={t('tb.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        data-testid="tb-search"
      />
      <ul
        role="listbox"
        aria-label={t('tb.variables')}
        tabIndex={0}
        aria-activedescendant={selected ? `varopt-${selected}` : undefined}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') move(1);
          else if (e.key === 'ArrowUp') move(-1);
          else if (e.key === 'Enter' && selected) onActivate?.(selected);
          else return;
          e.preventDefault();
        }}
      >
        {shown.map((v) => (
          <li
            key={v.name}
            id={`varopt-${v.name}`}
            role="option"
            aria-selected={v.name === selected}
            className={v.name === selected ? 'var-item selected' : 'var-item'}
            draggable
            data-var={v.name}
            onDragStart={(e) => {
              e.dataTransfer.setData(DRAG_TYPE, v.name);
              e.dataTransfer.setData('text/plain', v.name);
              e.dataTransfer.effectAllowed = 'copy';
            }}
            onClick={() => onSelect(v.name)}
            onDoubleClick={() => onActivate?.(v.name)}
          >
            {v.measure === 'set' ? (
              <span className="measure-icon measure-set" aria-hidden="true" title={t('tb.set')}>
                ☰
              </span>
            ) : (
              <MeasureIcon measure={v.measure} />
            )}
            <span className="var-item-name">{v.name}</span>
            <span className="var-item-label">{v.label}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
