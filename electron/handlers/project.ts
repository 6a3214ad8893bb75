/** Handlers for projects, datasets, variable metadata and undo. */
import type { ProjectSummary } from '../../shared/api/project';
import type { ProjectStore } from '../store/project-store';
import type { SectionHandlers } from '../backend/types';
import type { projectSection } from '../../shared/api/project';
import { rowPage } from './rows';

export function summary(store: ProjectStore, ruleSet: string): ProjectSummary {
  const name =
    store.path
      .split(/[\\/]/)
      .pop()
      ?.replace(/\.duiding$/, '') ?? store.path;
  return { path: store.path, name, datasets: store.listDatasets(), ruleSet };
}

export const projectHandlers: SectionHandlers<typeof projectSection> = {
  'project.current': async (_args, { session }) => (session.isOpen() ? summary(session.store(), session.ruleSet().name) : null),
  'project.open': async ({ path, replaceEmpty }, { session, emit }) => {
    const store = session.open(path, { replaceEmpty });
    emit('project.changed', { reason: 'open' });
    return summary(store, session.ruleSet().name);
  },
  'project.create': async ({ path, replaceEmpty }, { session, emit }) => {
    const store = session.create(path, { replaceEmpty });
    emit('project.changed', { reason: 'create' });
    return summary(store, session.ruleSet().name);
  },
  'project.close': async (_args, { session, emit }) => {
    session.close();
    emit('project.changed', { reason: 'close' });
    return null;
  },
  'project.recent': async (_args, { session }) => session.recent(),
  'project.audit': async ({ limit }, { session }) => session.store().auditEntries(limit),
  'project.auditVerify': async (_args, { session }) => session.store().verifyAudit(),
  'dataset.info': async ({ dataset }, { session }) => {
    const { columns: _columns, ...info } = session.dataset(dataset);
    return info;
  },
  'dataset.rows': async ({ dataset, start, count, labels }, { session }) => rowPage(session.dataset(dataset), start, count, labels),
  'variable.update': async ({ dataset, variable, patch }, { session, emit }) => {
    const meta = session.store().updateVariable(dataset, variable, patch);
    session.invalidate(dataset);
    emit('project.changed', { reason: 'variable.update' });
    return meta;
  },
  'history.undo': async (_args, { session, emit }) => {
    const undone = session.store().undo();
    invalidateAll(session);
    emit('project.changed', { reason: 'undo' });
    return { undone };
  },
  'history.redo': async (_args, { session, emit }) => {
    const redone = session.store().redo();
    invalidateAll(session);
    emit('project.changed', { reason: 'redo' });
    return { redone };
  },
};

function invalidateAll(session: { store(): ProjectStore; invalidate(name: string): void }): void {
  for (const d of session.store().listDatasets()) session.invalidate(d.name);
}
