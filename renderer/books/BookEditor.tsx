/**
 * One book open for editing: its name, Save and Export, a status line with what the rules will do to
 * it (tables blocked, cells suppressed: known before anything is written), and four sections as
 * WAI-ARIA tabs: questions and banner, settings, preview, run.
 */
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import type { BookSpec } from '../../shared/book/book';
import type { RuleSet } from '../../shared/disclosure/rules';
import { invoke } from '../api/client';
import { useLiveCall } from '../api/useLiveCall';
import { useI18n } from '../i18n/i18n';
import type { StringKey } from '../i18n/strings';
import { useProject } from '../state/project-context';
import { useSessionState } from '../state/useSessionState';
import { useFilterCheck } from '../tables/useFilterCheck';
import type { ShownReport } from './BookReportView';
import { bookVariables, questionList, type Field } from './draft';
import type { OpenBook } from './open-book';
import { PreviewPanel } from './PreviewPanel';
import { QuestionsPanel } from './QuestionsPanel';
import { RunPanel } from './RunPanel';
import { SettingsPanel } from './SettingsPanel';
import { useBookChecks } from './useBookChecks';
import { bookSummary } from './summary';
import { useHouseStyles } from './useHouseStyles';
import { counted } from './plural';

const SECTIONS = [
  { id: 'content', label: 'bk.sec.content', fields: ['questions', 'banner', 'recodes'] },
  {
    id: 'settings',
    label: 'bk.sec.settings',
    fields: ['title', 'weight', 'filter', 'comparison', 'trend', 'statistics', 'tests', 'rules', 'symbols', 'style', 'charts', 'other'],
  },
  { id: 'preview', label: 'bk.sec.preview', fields: [] },
  { id: 'run', label: 'bk.sec.run', fields: [] },
] as const satisfies readonly { id: string; label: StringKey; fields: readonly Field[] }[];
type SectionId = (typeof SECTIONS)[number]['id'];

export interface BookEditorProps {
  open: OpenBook;
  dirty: boolean;
  onSpec(spec: BookSpec): void;
  onSave(): void;
  onExport(): void;
  report: ShownReport | null;
  onReport(r: ShownReport | null): void;
}

function useProjectRules(version: number): RuleSet | null {
  const [rules, setRules] = useState<RuleSet | null>(null);
  useEffect(() => {
    let live = true;
    invoke('rules.get', {})
      .then((r) => live && setRules(r))
      .catch(() => live && setRules(null));
    return () => {
      live = false;
    };
  }, [version]);
  return rules;
}

export function BookEditor({ open, dirty, onSpec, onSave, onExport, report, onReport }: BookEditorProps) {
  const { t, num } = useI18n();
  const { dataset, info, version } = useProject();
  const ds = dataset ?? '';
  const spec = open.spec;
  const [sec, setSec] = useSessionState<{ id: SectionId }>('duiding.book.section', { id: 'content' });
  const [question, setQuestion] = useState<string | undefined>(undefined);
  const variables = useMemo(() => bookVariables(info?.variables ?? [], spec), [info, spec]);
  const sets = useMemo(() => info?.mrSets ?? [], [info]);
  const labels = useMemo(() => new Map([...variables, ...sets].map((v) => [v.name.toLowerCase(), v.label || v.name])), [variables, sets]);
  const labelOf = (name: string) => labels.get(name.toLowerCase()) ?? name;
  const filterStatus = useFilterCheck(ds, spec.filter ?? '');
  const styles = useHouseStyles();
  const projectRules = useProjectRules(version);
  const checks = useBookChecks(spec, ds, variables, filterStatus, styles, projectRules, version);

  const list = questionList(spec);
  const shownQuestion = question && (!list || list.includes(question)) ? question : undefined;
  const previewable = checks.errors === 0 && checks.valid && filterStatus.state !== 'checking' && !!ds;
  const preview = useLiveCall('book.preview', previewable ? { dataset: ds, spec, ...(shownQuestion ? { question: shownQuestion } : {}) } : null, 300, version);
  const result = previewable ? preview.result : null;
  const status = useMemo(() => new Map((result?.tables ?? []).map((x) => [x.variable, x])), [result]);

  const count = (fields: readonly Field[]) =>
    fields.reduce((n, f) => n + (checks.byField.get(f)?.filter((i) => i.severity === 'error').length ?? 0), 0) +
    (fields.includes('filter') && filterStatus.state === 'error' ? 1 : 0);
  const choose = (id: SectionId) => {
    setSec({ id });
    document.getElementById(`bksec-${id}`)?.focus();
  };
  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = SECTIONS.findIndex((x) => x.id === sec.id);
    const next =
      e.key === 'ArrowRight'
        ? (i + 1) % SECTIONS.length
        : e.key === 'ArrowLeft'
          ? (i - 1 + SECTIONS.length) % SECTIONS.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? SECTIONS.length - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    choose(SECTIONS[next].id);
  };
  const previewQuestion = (q: string) => {
    setQuestion(q);
    setSec({ id: 'preview' });
  };

  return (
    <section className="book-editor" aria-labelledby="bk-editor-name">
      <header className="book-editor-head">
        <div className="book-editor-title">
          <div className="book-title-line">
            <h2 id="bk-editor-name" data-testid="bk-editor-name" title={open.folder ? `${open.folder} / ${open.name}` : open.name}>
              {open.name}
            </h2>
            {dirty && (
              <span className="book-dirty" data-testid="bk-dirty">
                {open.id === null ? t('bk.notSavedYet') : t('bk.unsaved')}
              </span>
            )}
          </div>
          <span className="muted book-summary" data-testid="bk-summary">
            {bookSummary(spec, variables, t, projectRules?.name ?? null)}
          </span>
        </div>
        <p className="book-status" aria-live="polite" data-testid="bk-status">
          <BookStatus errors={checks.errors} pending={previewable && preview.pending} result={result} />
        </p>
        <button type="button" onClick={onExport} title={t('bk.exportHint')} data-testid="bk-export">
          {t('bk.export')}
        </button>
        <button type="button" className="primary" onClick={onSave} disabled={!dirty || !checks.valid} title="Ctrl+S" data-testid="bk-save">
          {t('app.save')}
        </button>
      </header>
      <div className="book-sections" role="tablist" aria-label={t('bk.sections')} onKeyDown={onTabKey}>
        {SECTIONS.map((x) => {
          const n = count(x.fields);
          return (
            <button
              key={x.id}
              id={`bksec-${x.id}`}
              type="button"
              role="tab"
              aria-selected={sec.id === x.id}
              aria-controls={`bkpanel-${x.id}`}
              tabIndex={sec.id === x.id ? 0 : -1}
              className={sec.id === x.id ? 'tab tab-active' : 'tab'}
              onClick={() => choose(x.id)}
              data-testid={`bk-sec-${x.id}`}
            >
              {t(x.label)}
              {n > 0 && (
                <span className="tab-errors" aria-label={t('bk.nErrors', { n: num(n) })}>
                  {num(n)}
                </span>
              )}
            </button>
          );
        })}
      </div>
      <div className="book-section" id={`bkpanel-${sec.id}`} role="tabpanel" aria-labelledby={`bksec-${sec.id}`}>
        {sec.id === 'content' && (
          <QuestionsPanel
            spec={spec}
            onChange={onSpec}
            variables={variables}
            sets={sets}
            labelOf={labelOf}
            status={status}
            missing={checks.missing}
            issues={checks.byField}
            onPreview={previewQuestion}
          />
        )}
        {sec.id === 'settings' && (
          <SettingsPanel
            spec={spec}
            onChange={onSpec}
            variables={variables}
            issues={checks.byField}
            filterStatus={filterStatus}
            projectRules={projectRules}
            styles={styles}
          />
        )}
        {sec.id === 'preview' && (
          <PreviewPanel
            spec={spec}
            preview={result}
            pending={previewable && preview.pending}
            error={previewable ? preview.error : null}
            blockedBy={previewable ? null : checks.errors > 0 ? t('bk.fixFirst', { n: num(checks.errors) }) : null}
            onQuestion={setQuestion}
          />
        )}
        {sec.id === 'run' && (
          <RunPanel
            spec={spec}
            onChange={onSpec}
            errors={checks.errors}
            valid={checks.valid}
            issues={checks.byField}
            labelOf={labelOf}
            shown={report}
            onReport={onReport}
          />
        )}
      </div>
    </section>
  );
}

function BookStatus({
  errors,
  pending,
  result,
}: {
  errors: number;
  pending: boolean;
  result: { tables: unknown[]; blocked: number; suppressedCells: number } | null;
}) {
  const { t, num } = useI18n();
  if (errors > 0) return <span className="field-error">{t('bk.statusErrors', { n: num(errors) })}</span>;
  if (!result) return <span className="muted">{pending ? t('bk.previewing') : ''}</span>;
  return (
    <span className={pending ? 'muted' : undefined}>
      {[
        counted(t, num, 'bk.tables', result.tables.length),
        t('bk.blocked', { n: num(result.blocked) }),
        counted(t, num, 'bk.cells', result.suppressedCells),
      ].join(' · ')}
    </span>
  );
}
