/** Saved specifications: tables and models stored in the project by name and folder. */
import { z } from 'zod';
import { call } from './contract';

export interface SavedSpecInfo {
  id: number;
  kind: string;
  name: string;
  folder: string;
  body: unknown;
  updatedAt: string;
}

const specKind = z.enum(['table', 'regression']);

export const specsSection = {
  'spec.list': call<SavedSpecInfo[]>()(z.object({ kind: specKind.optional() })),
  'spec.save': call<SavedSpecInfo>()(
    z.object({
      id: z.number().int().positive().optional(),
      kind: specKind,
      name: z.string().min(1).max(200),
      folder: z.string().max(200).default(''),
      // The renderer's own spec shape; validated again when it is opened (renderer/tables/spec.ts).
      body: z.record(z.string(), z.unknown()),
    }),
  ),
  'spec.delete': call<null>()(z.object({ id: z.number().int().positive() })),
};
