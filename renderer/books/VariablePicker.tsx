/**
 * The variables to pick questions and banner variables from: search on name or label, several
 * selected at once (Ctrl/Shift+click, or Shift+arrows and Space), dragged as a group onto the
 * question list or one at a time onto the banner. A WAI-ARIA multi-select listbox: arrows move,
 * Space toggles, Ctrl+A selects all shown, Enter adds the selection as questions.
 */
import { useMemo, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { Measure, MultipleResponseSet, VariableMeta } from '../../shared/model/dataset';
import { MeasureIcon } from '../components/MeasureIcon';
import { useI18n } from '../i18n/i18n';
import { DRAG_TYPE } from '../tables/VariableList';

/** Several variables dragged at once (JSON array of names). */
export const DRAG_MANY = 'application/x-duiding-variables';

export interface VariablePickerProps {
  variables: VariableMeta[];
  /** The dataset's multiple-response sets: questions like any other, listed first with their own icon. */
  sets?: readonly MultipleResponseSet[];
  selected: string[];
  onSelect(names: string[]): void;
  /** Enter or double click: add as questions. */
  onActivate(names: string[]): void;
  /** Already in the book (marked). */
  used: Set<string>;
}

export function VariablePicker({ variables, sets = [], selected, onSelect, onActivate, used }: VariablePickerProps) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState<string | null>(null);
  const [anchor, setAnchor] = useState<string | null>(null);
  const shown = useMemo(() => {
    const all: { name: string; label: string; measure: Measure | 'set' }[] = [
      ...sets.map((s) => ({ name: s.name, label: s.label, measure: 'set' as const })),
      ...variables.map((v) => ({ name: v.name, label: v.label, measure: v.measure })),
    ];
    const q = query.trim().toLowerCase();
    return q ? all.filter((v) => v.name.toLowerCase().includes(q) || v.label.toLowerCase().includes(q)) : all;
  }, [variables, sets, query]);
  const isSel = new Set(selected);

  const range = (from: string | null, to: string): string[] => {
    const a = Math.max(
      0,
      shown.findIndex((v) => v.name === from),
    );
    const b = shown.findIndex((v) => v.name === to);
    const [lo, hi] = a <= b ? [a, b] : [b, a];
    return shown.slice(lo, hi + 1).map((v) => v.name);
  };

  const focusItem = (name: string) => {
    setActive(name);
    document.getElementById(`bkvar-${name}`)?.scrollIntoView({ block: 'nearest' });
  };

  const click = (e: MouseEvent, name: string) => {
    if (e.shiftKey && anchor) onSelect(range(anchor, name));
    else if (e.ctrlKey || e.metaKey) {
      onSelect(isSel.has(name) ? selected.filter((n) => n !== name) : [...selected, name]);
      setAnchor(name);
    } else {
      onSelect([name]);
      setAnchor(name);
    }
    setActive(name);
  };

  const onKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const i = shown.findIndex((v) => v.name === active);
    const go = (j: number) => {
      const v = shown[Math.max(0, Math.min(shown.length - 1, j))];
      if (!v) return;
      focusItem(v.name);
      if (e.shiftKey) onSelect(range(anchor ?? v.name, v.name));
      else if (!(e.ctrlKey || e.metaKey)) {
        onSelect([v.name]);
        setAnchor(v.name);
      }
    };
    if (e.key === 'ArrowDown') go(i + 1);
    else if (e.key === 'ArrowUp') go(i < 0 ? 0 : i - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(shown.length - 1);
    else if (e.key === ' ' && active) {
      onSelect(isSel.has(active) ? selected.filter((n) => n !== active) : [...selected, active]);
      setAnchor(active);
    } else if (e.key.toLowerCase() === 'a' && (e.ctrlKey || e.metaKey)) onSelect(shown.map((v) => v.name));
    else if (e.key === 'Enter' && selected.length) onActivate(selected);
    else return;
    e.preventDefault();
  };

  return (
    <div className="var-list book-var-list">
      <input
        type="search"
        placeholder={t('tb.search')}
        aria-label={t('tb.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        data-testid="bk-search"
      />
      <ul
        role="listbox"
        aria-multiselectable="true"
        aria-label={t('bk.variables')}
        tabIndex={0}
        aria-activedescendant={active ? `bkvar-${active}` : undefined}
        onKeyDown={onKey}
        onFocus={() => !active && shown[0] && setActive(shown[0].name)}
        data-testid="bk-vars"
      >
        {shown.map((v) => (
          <li
            key={v.name}
            id={`bkvar-${v.name}`}
            role="option"
            aria-selected={isSel.has(v.name)}
            className={`var-item${isSel.has(v.name) ? ' selected' : ''}${v.name === active ? ' active' : ''}`}
            draggable
            data-var={v.name}
            title={v.name}
            onDragStart={(e) => {
              const names = isSel.has(v.name) ? selected : [v.name];
              e.dataTransfer.setData(DRAG_MANY, JSON.stringify(names));
              e.dataTransfer.setData(DRAG_TYPE, v.name);
              e.dataTransfer.setData('text/plain', v.name);
              e.dataTransfer.effectAllowed = 'copy';
            }}
            onClick={(e) => click(e, v.name)}
            onDoubleClick={() => onActivate(isSel.has(v.name) ? selected : [v.name])}
          >
            {v.measure === 'set' ? (
              <span className="measure-icon measure-set" aria-hidden="true" title={t('tb.set')}>
                ☰
              </span>
            ) : (
              <MeasureIcon measure={v.measure} />
            )}
            <span className="book-var-text">
              <span className="var-item-label-main">{v.label || v.name}</span>
              <span className="var-item-name-sub">{v.name}</span>
            </span>
            {used.has(v.name) && (
              <span className="book-var-used" title={t('bk.inBook')} aria-label={t('bk.inBook')}>
                ✓
              </span>
            )}
          </li>
        ))}
      </ul>
      <p className="muted book-var-hint">{t('bk.pickHint', { n: String(selected.length) })}</p>
    </div>
  );
}
