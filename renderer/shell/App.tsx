/**
 * The shell: project name, dataset picker, the main tabs, undo/redo and the audit log.
 * Ctrl+Z / Ctrl+Shift+Z undo and redo metadata edits, except while typing in a field (where the
 * browser's own text undo is what the user expects).
 */
import { useCallback, useEffect, useState, type KeyboardEvent } from 'react';
import { invoke, toApiError } from '../api/client';
import { useI18n, type Lang } from '../i18n/i18n';
import type { StringKey } from '../i18n/strings';
import { ErrorBox } from '../components/ErrorBox';
import { useProject } from '../state/project-context';
import { useNotice } from '../state/notice';
import { AuditDialog } from './AuditDialog';
import { HostStopped } from './HostStopped';
import { DataView } from '../data/DataView';
import { VariableView } from '../variables/VariableView';
import { TableBuilder } from '../tables/TableBuilder';
import { BookView } from '../books/BookView';
import { RegressionView } from '../regression/RegressionView';
import { ChartView } from '../charts/ChartView';
import { ImportDialog } from '../import/ImportDialog';
import { ProjectDialog } from './ProjectDialog';

const TABS = [
  { id: 'data', label: 'tab.data' },
  { id: 'variables', label: 'tab.variables' },
  { id: 'tables', label: 'tab.tables' },
  { id: 'books', label: 'tab.books' },
  { id: 'regression', label: 'tab.regression' },
  { id: 'charts', label: 'tab.charts' },
] as const satisfies readonly { id: string; label: StringKey }[];
type TabId = (typeof TABS)[number]['id'];

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function App() {
  const { t, lang, setLang, num } = useI18n();
  const { project, dataset, info, loading, error, setDataset, refresh } = useProject();
  const { notify } = useNotice();
  const [tab, setTab] = useState<TabId>(() => (sessionStorage.getItem('duiding.tab') as TabId | null) ?? 'data');
  const [auditOpen, setAuditOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const [projectOpen, setProjectOpen] = useState(false);

  const chooseTab = (id: TabId) => {
    sessionStorage.setItem('duiding.tab', id);
    setTab(id);
  };

  const step = useCallback(
    async (dir: 'undo' | 'redo') => {
      try {
        const what = dir === 'undo' ? (await invoke('history.undo', {})).undone : (await invoke('history.redo', {})).redone;
        if (what) notify(t(dir === 'undo' ? 'app.undone' : 'app.redone', { what }));
        else notify(t(dir === 'undo' ? 'app.nothingToUndo' : 'app.nothingToRedo'));
        if (what) await refresh();
      } catch (e) {
        notify(toApiError(e).message, 'error');
      }
    },
    [notify, refresh, t],
  );
  const onImported = useCallback(
    (name: string, setsNotRestored: string[]) => {
      setImportOpen(false);
      setDataset(name);
      sessionStorage.setItem('duiding.tab', 'data');
      setTab('data');
      // A set of the previous wave whose members this file lacks must not vanish unnoticed.
      if (setsNotRestored.length > 0) notify(t('imp.doneSetsSkipped', { name, sets: setsNotRestored.join('; ') }), 'error');
      else notify(t('imp.done', { name }));
    },
    [setDataset, notify, t],
  );
  const undo = useCallback(() => step('undo'), [step]);
  const redo = useCallback(() => step('redo'), [step]);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'z' || isTyping(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      e.preventDefault();
      void (e.shiftKey ? redo() : undo());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);

  // Arrow keys move between tabs, as the WAI-ARIA tabs pattern expects.
  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = TABS.findIndex((x) => x.id === tab);
    let next = -1;
    if (e.key === 'ArrowRight') next = (i + 1) % TABS.length;
    else if (e.key === 'ArrowLeft') next = (i - 1 + TABS.length) % TABS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = TABS.length - 1;
    if (next < 0) return;
    e.preventDefault();
    chooseTab(TABS[next].id);
    document.getElementById(`tab-${TABS[next].id}`)?.focus();
  };

  return (
    <div className="app">
      <header className="topbar">
        <h1 className="brand">{t('app.title')}</h1>
        <span className="project-name" data-testid="project-name" title={project?.path}>
          {project ? project.name : loading ? t('app.loading') : t('app.noProject')}
        </span>
        {project && project.datasets.length > 0 && (
          <label className="dataset-picker">
            {t('app.dataset')}
            <select value={dataset ?? ''} onChange={(e) => setDataset(e.target.value)} data-testid="dataset-picker">
              {project.datasets.map((d) => (
                <option key={d.name} value={d.name}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {info && (
          <span className="dataset-size">
            {t('app.rows', { n: num(info.rows) })} · {t('app.variables', { n: num(info.variables.length) })}
          </span>
        )}
        <span className="spacer" />
        <button type="button" onClick={() => setProjectOpen(true)} data-testid="project-dialog">
          {t('proj.button')}
        </button>
        <button type="button" onClick={() => setImportOpen(true)} disabled={!project} data-testid="import-open">
          {t('imp.open')}
        </button>
        <button type="button" onClick={() => void undo()} title="Ctrl+Z">
          {t('app.undo')}
        </button>
        <button type="button" onClick={() => void redo()} title="Ctrl+Shift+Z">
          {t('app.redo')}
        </button>
        <button type="button" onClick={() => setAuditOpen(true)} disabled={!project}>
          {t('app.audit')}
        </button>
        <label className="lang-picker">
          <span className="visually-hidden">{t('app.language')}</span>
          <select value={lang} onChange={(e) => setLang(e.target.value as Lang)} aria-label={t('app.language')} data-testid="lang">
            <option value="nl">Nederlands</option>
            <option value="en">English</option>
          </select>
        </label>
      </header>
      <div className="tabs" role="tablist" aria-label="Duiding" onKeyDown={onTabKey}>
        {TABS.map((x) => (
          <button
            key={x.id}
            id={`tab-${x.id}`}
            type="button"
            role="tab"
            aria-selected={tab === x.id}
            aria-controls={`panel-${x.id}`}
            tabIndex={tab === x.id ? 0 : -1}
            className={tab === x.id ? 'tab tab-active' : 'tab'}
            onClick={() => chooseTab(x.id)}
          >
            {t(x.label)}
          </button>
        ))}
      </div>
      <HostStopped />
      <ErrorBox error={error} />
      <main className="panel" id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {info && dataset && tab === 'data' && <DataView />}
        {info && dataset && tab === 'variables' && <VariableView />}
        {info && dataset && tab === 'tables' && <TableBuilder />}
        {info && dataset && tab === 'books' && <BookView />}
        {info && dataset && tab === 'regression' && <RegressionView />}
        {info && dataset && tab === 'charts' && <ChartView />}
      </main>
      {auditOpen && <AuditDialog onClose={() => setAuditOpen(false)} />}
      {projectOpen && (
        <ProjectDialog
          onClose={() => setProjectOpen(false)}
          onDone={(name) => {
            setProjectOpen(false);
            notify(t('proj.done', { name }));
          }}
        />
      )}
      {importOpen && <ImportDialog onClose={() => setImportOpen(false)} onImported={onImported} />}
    </div>
  );
}
