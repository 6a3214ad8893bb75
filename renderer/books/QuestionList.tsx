/**
 * The book's questions in the order they are written: one table each. Reordered by dragging (a
 * selection moves as a block) or with Alt+↑/↓; Delete removes; variables dropped from the picker go
 * where they are dropped. Each question shows its label, and once the preview has run, its verdict.
 */
import { useState, type DragEvent, type KeyboardEvent } from 'react';
import type { BookPreviewTable } from '../../shared/book/preview';
import { useI18n } from '../i18n/i18n';
import { DRAG_TYPE } from '../tables/VariableList';
import { DRAG_MANY } from './VariablePicker';
import { StatusMark } from './StatusMark';

const DRAG_QUESTIONS = 'application/x-duiding-questions';

export interface QuestionListProps {
  names: string[];
  labelOf(name: string): string;
  status: Map<string, BookPreviewTable>;
  /** Lower-cased names the dataset lacks. */
  missing: Set<string>;
  selected: string[];
  onSelect(names: string[]): void;
  onAdd(names: string[], before: string | null): void;
  onMove(names: string[], before: string | null): void;
  onShift(names: string[], delta: -1 | 1): void;
  onRemove(names: string[]): void;
  onPreview(name: string): void;
}

function draggedVariables(e: DragEvent): string[] {
  const many = e.dataTransfer.getData(DRAG_MANY);
  if (many) {
    try {
      const names = JSON.parse(many) as unknown;
      if (Array.isArray(names)) return names.filter((n): n is string => typeof n === 'string');
    } catch {
      // fall through to a single name
    }
  }
  const one = e.dataTransfer.getData(DRAG_TYPE) || e.dataTransfer.getData('text/plain');
  return one ? [one] : [];
}

export function QuestionList(props: QuestionListProps) {
  const { names, labelOf, status, missing, selected, onSelect, onAdd, onMove, onShift, onRemove, onPreview } = props;
  const { t, num } = useI18n();
  const [active, setActive] = useState<string | null>(null);
  const [over, setOver] = useState<string | 'end' | null>(null);
  const isSel = new Set(selected);
  const current = active && names.includes(active) ? active : (names[0] ?? null);

  const drop = (e: DragEvent, before: string | null) => {
    e.preventDefault();
    e.stopPropagation();
    setOver(null);
    const moving = e.dataTransfer.getData(DRAG_QUESTIONS);
    if (moving) onMove(JSON.parse(moving) as string[], before);
    else {
      const vars = draggedVariables(e);
      if (vars.length) onAdd(vars, before);
    }
  };
  const allow = (e: DragEvent, target: string | 'end') => {
    e.preventDefault();
    e.stopPropagation();
    e.dataTransfer.dropEffect = e.dataTransfer.types.includes(DRAG_QUESTIONS) ? 'move' : 'copy';
    setOver(target);
  };

  const focus = (name: string) => {
    setActive(name);
    document.getElementById(`bkq-${name}`)?.scrollIntoView({ block: 'nearest' });
  };
  const target = selected.length ? selected : current ? [current] : [];

  const onKey = (e: KeyboardEvent<HTMLOListElement>) => {
    const i = current ? names.indexOf(current) : -1;
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      onShift(target, e.key === 'ArrowUp' ? -1 : 1);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp' || e.key === 'Home' || e.key === 'End') {
      const j = e.key === 'Home' ? 0 : e.key === 'End' ? names.length - 1 : i + (e.key === 'ArrowDown' ? 1 : -1);
      const n = names[Math.max(0, Math.min(names.length - 1, j))];
      if (!n) return;
      focus(n);
      onSelect(e.shiftKey ? [...new Set([...selected, n])] : [n]);
    } else if (e.key === ' ' && current) onSelect(isSel.has(current) ? selected.filter((x) => x !== current) : [...selected, current]);
    else if (e.key === 'Delete' || e.key === 'Backspace') {
      if (target.length) onRemove(target);
    } else if (e.key === 'Enter' && current) onPreview(current);
    else return;
    e.preventDefault();
  };

  return (
    <div className="question-list-wrap">
      <ol
        className={`question-list${over === 'end' ? ' drag-over' : ''}`}
        role="listbox"
        aria-multiselectable="true"
        aria-label={t('bk.questions')}
        aria-describedby="bk-q-keys"
        tabIndex={0}
        aria-activedescendant={current ? `bkq-${current}` : undefined}
        onKeyDown={onKey}
        onDragOver={(e) => allow(e, 'end')}
        onDragLeave={() => setOver(null)}
        onDrop={(e) => drop(e, null)}
        data-testid="bk-questions"
      >
        {names.length === 0 && (
          <li className="muted question-empty" role="option" aria-selected={false} aria-disabled="true">
            {t('bk.dropQuestions')}
          </li>
        )}
        {names.map((n, i) => {
          const st = status.get(n);
          const gone = missing.has(n.toLowerCase());
          return (
            <li
              key={n}
              id={`bkq-${n}`}
              role="option"
              aria-selected={isSel.has(n)}
              className={`question${isSel.has(n) ? ' selected' : ''}${n === current ? ' active' : ''}${over === n ? ' drop-before' : ''}${gone ? ' missing' : ''}`}
              draggable
              data-question={n}
              onDragStart={(e) => {
                const moving = isSel.has(n) ? names.filter((x) => isSel.has(x)) : [n];
                e.dataTransfer.setData(DRAG_QUESTIONS, JSON.stringify(moving));
                e.dataTransfer.effectAllowed = 'move';
              }}
              onDragOver={(e) => allow(e, n)}
              onDrop={(e) => drop(e, n)}
              onClick={(e) => {
                setActive(n);
                if (e.ctrlKey || e.metaKey) onSelect(isSel.has(n) ? selected.filter((x) => x !== n) : [...selected, n]);
                else onSelect([n]);
              }}
              onDoubleClick={() => onPreview(n)}
            >
              <span className="question-no">{num(i + 1)}</span>
              <span className="question-text">
                <span className="question-label">{labelOf(n)}</span>
                <span className="var-item-name-sub">{n}</span>
              </span>
              {gone ? <span className="field-error">{t('bk.notInData')}</span> : <StatusMark table={st} />}
            </li>
          );
        })}
      </ol>
      <div className="question-actions">
        <button type="button" disabled={target.length === 0} onClick={() => onShift(target, -1)} title="Alt+↑" aria-label={t('bk.moveUp')}>
          ↑
        </button>
        <button type="button" disabled={target.length === 0} onClick={() => onShift(target, 1)} title="Alt+↓" aria-label={t('bk.moveDown')}>
          ↓
        </button>
        <button type="button" disabled={target.length === 0} onClick={() => onRemove(target)} title="Delete" data-testid="bk-q-remove">
          {t('bk.remove')}
        </button>
        <button type="button" disabled={!current} onClick={() => current && onPreview(current)}>
          {t('bk.showPreview')}
        </button>
        <span id="bk-q-keys" className="muted question-keys">
          {t('bk.questionKeys')}
        </span>
      </div>
    </div>
  );
}
