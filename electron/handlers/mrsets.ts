/** Handlers for the multiple-response sets of a stored dataset (shared/api/mrsets.ts). */
import type { SectionHandlers } from '../backend/types';
import type { mrSetsSection } from '../../shared/api/mrsets';

export const mrSetsHandlers: SectionHandlers<typeof mrSetsSection> = {
  'mrset.list': async ({ dataset }, { session }) => session.store().mrSets().list(dataset),
  'mrset.save': async ({ dataset, set, replaces }, { session, emit }) => {
    const saved = session.store().mrSets().save(dataset, set, replaces);
    session.invalidate(dataset);
    emit('project.changed', { reason: 'mrset.save' });
    return saved;
  },
  'mrset.delete': async ({ dataset, name }, { session, emit }) => {
    session.store().mrSets().remove(dataset, name);
    session.invalidate(dataset);
    emit('project.changed', { reason: 'mrset.delete' });
    return { deleted: name };
  },
};
