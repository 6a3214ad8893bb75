/**
 * The preview: every question with its verdict under the book's rules (computed together, as they
 * will be published), and the chosen question's table exactly as the workbook writes it — the same
 * display model (shared/format/table-model.ts) drawn by the table builder's TableView.
 */
import type { KeyboardEvent } from 'react';
import type { BookSpec } from '../../shared/book/book';
import type { BookPreview } from '../../shared/book/preview';
import type { ApiError } from '../api/client';
import { ErrorBox } from '../components/ErrorBox';
import { Progress } from '../components/Progress';
import { useI18n } from '../i18n/i18n';
import { TableView } from '../tables/TableView';
import { StatusMark } from './StatusMark';

export interface PreviewPanelProps {
  spec: BookSpec;
  preview: BookPreview | null;
  pending: boolean;
  error: ApiError | null;
  /** Why there is no preview (the book has errors), or null. */
  blockedBy: string | null;
  onQuestion(name: string): void;
}

export function PreviewPanel({ spec, preview, pending, error, blockedBy, onQuestion }: PreviewPanelProps) {
  const { t, num } = useI18n();
  const tables = preview?.tables ?? [];
  const shown = preview?.question ?? null;
  const onKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const i = tables.findIndex((x) => x.variable === shown);
    let j = -1;
    if (e.key === 'ArrowDown') j = Math.min(tables.length - 1, i + 1);
    else if (e.key === 'ArrowUp') j = Math.max(0, i - 1);
    else if (e.key === 'Home') j = 0;
    else if (e.key === 'End') j = tables.length - 1;
    if (j < 0 || !tables[j]) return;
    e.preventDefault();
    onQuestion(tables[j].variable);
    document.getElementById(`bkp-${tables[j].variable}`)?.scrollIntoView({ block: 'nearest' });
  };
  const current = tables.find((x) => x.variable === shown);

  return (
    <div className="book-preview" aria-busy={pending} data-testid="bk-preview" data-pending={pending ? 'true' : 'false'}>
      <aside className="book-preview-list">
        <h3>{t('bk.questions')}</h3>
        {preview && (
          <ul
            role="listbox"
            tabIndex={0}
            aria-label={t('bk.previewQuestions')}
            aria-activedescendant={shown ? `bkp-${shown}` : undefined}
            onKeyDown={onKey}
            data-testid="bk-preview-list"
          >
            {tables.map((x, i) => (
              <li
                key={x.variable}
                id={`bkp-${x.variable}`}
                role="option"
                aria-selected={x.variable === shown}
                className={`preview-item${x.variable === shown ? ' selected' : ''}`}
                onClick={() => onQuestion(x.variable)}
                data-question={x.variable}
                data-status={x.status}
              >
                <span className="question-no">{num(i + 1)}</span>
                <span className="preview-item-text">
                  <span className="question-label">{x.label || x.variable}</span>
                  <StatusMark table={x} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </aside>
      <div className="book-preview-table">
        {blockedBy && <p className="field-error">{blockedBy}</p>}
        {pending && <Progress label={t('bk.previewing')} />}
        <ErrorBox error={error} />
        {preview && current?.status === 'blocked' && (
          <div className="book-blocked" role="status" data-testid="bk-preview-blocked">
            <p>
              <strong>{t('bk.blockedTitle', { label: current.label })}</strong>
            </p>
            <p>{current.reason}</p>
          </div>
        )}
        {preview?.model && <TableView model={preview.model} symbols={spec.symbols} testId="bk-preview-table" headerExtra={<StatusMark table={current} />} />}
        {preview && <p className="muted book-hint">{t('bk.previewHint')}</p>}
      </div>
    </div>
  );
}
