/** Handlers for saved specifications (shared/api/specs.ts). */
import type { SectionHandlers } from '../backend/types';
import type { specsSection } from '../../shared/api/specs';

export const specsHandlers: SectionHandlers<typeof specsSection> = {
  'spec.list': async ({ kind }, { session }) => session.store().listSpecs(kind),
  'spec.save': async (spec, { session }) => session.store().saveSpec(spec),
  'spec.delete': async ({ id }, { session }) => {
    session.store().deleteSpec(id);
    return null;
  },
};
