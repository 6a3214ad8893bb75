/**
 * Multiple-response sets of a project's dataset: define, edit (also rename) and delete. Each change is
 * one undo step with its audit entry and a recipe, so the set comes back on the next wave. The dialog
 * checks a set as it is edited with `checkMrSet` (shared/model/mr-set.ts); the backend checks again.
 */
import { z } from 'zod';
import { call } from './contract';
import { mrSetSchema, type MrSetIssue, type MultipleResponseSet } from '../model/mr-set';

const dataset = z.string().min(1).max(256);
const setName = z.string().min(1).max(64);

export const mrSetsSection = {
  'mrset.list': call<MultipleResponseSet[]>()(z.object({ dataset })),
  /** `replaces`: the name of the set being edited (the new set takes its place, even under a new name). */
  'mrset.save': call<{ set: MultipleResponseSet; warnings: MrSetIssue[] }>()(z.object({ dataset, set: mrSetSchema, replaces: setName.optional() })),
  'mrset.delete': call<{ deleted: string }>()(z.object({ dataset, name: setName })),
};
