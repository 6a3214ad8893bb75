/** Linking waves of a panel into a new dataset of the project: reported before anything is stored. */
import type { z } from 'zod';
import type { panelRequest } from '../../shared/api/panel';
import type { Dataset } from '../../shared/model/dataset';
import { mergeDatasets, planMerge } from '../../shared/transform/merge';
import { appendDatasets } from '../../shared/transform/panel';
import { HandlerError, type Session } from '../backend/context';
import type { SectionHandlers } from '../backend/types';
import type { panelSection } from '../../shared/api/panel';

type Link = z.output<typeof panelRequest>;

function append(session: Session, l: Extract<Link, { kind: 'append' }>) {
  return appendDatasets(session.dataset(l.first), session.dataset(l.second), {
    waveVariable: l.waveVariable,
    waveValues: l.waveValues,
    waveLabels: l.waveLabels,
  });
}

const mergeOptions = (l: Extract<Link, { kind: 'merge' }>) => ({ key: l.key, kind: l.mergeKind, rightSuffix: l.rightSuffix });

function link(session: Session, l: Link): { dataset: Dataset; detail: unknown } {
  if (l.kind === 'append') {
    const { dataset, conflicts } = append(session, l);
    return { dataset, detail: { conflicts: conflicts.length } };
  }
  const { dataset, report } = mergeDatasets(session.dataset(l.left), session.dataset(l.right), mergeOptions(l));
  return { dataset, detail: { unmatchedLeft: report.unmatchedLeft, unmatchedRight: report.unmatchedRight } };
}

export const panelHandlers: SectionHandlers<typeof panelSection> = {
  'panel.plan': async (l, { session }) => {
    if (l.kind === 'append') {
      const { dataset, conflicts } = append(session, l);
      return { kind: 'append', rows: dataset.rows, conflicts };
    }
    return { kind: 'merge', report: planMerge(session.dataset(l.left), session.dataset(l.right), mergeOptions(l)) };
  },
  'panel.apply': async ({ link: l, target }, { session, emit }) => {
    const store = session.store();
    if (store.hasDataset(target)) throw new HandlerError('exists', `The project already has a dataset named "${target}"`);
    const { dataset, detail } = link(session, l);
    dataset.name = target;
    store.saveDataset(dataset, { action: `panel.${l.kind}` });
    store.audit(`panel.${l.kind}`, { target, link: l, ...(detail as object) });
    emit('project.changed', { reason: 'panel' });
    const summary = store.listDatasets().find((d) => d.name === target);
    if (!summary) throw new Error('panel link stored nothing');
    return summary;
  },
};
