/** Handlers for saved specifications (shared/api/specs.ts). */
import type { HandlerMap } from '../backend/types';

export const specsHandlers: HandlerMap = {
  'spec.list': async ({ kind }, { session }) => session.store().listSpecs(kind),
  'spec.save': async (spec, { session }) => session.store().saveSpec(spec),
  'spec.delete': async ({ id }, { session }) => {
    session.store().deleteSpec(id);
    return null;
  },
};
