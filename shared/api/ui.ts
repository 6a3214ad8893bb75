/**
 * Calls the analysis UI needs beyond the core contract: derived variables (recode, compute) and saved
 * specifications (tables and models stored in the project by name and folder).
 */
import { z } from 'zod';
import { call } from './contract';
import type { VariableMeta } from '../model/dataset';

const dataset = z.string().min(1).max(256);
const varName = z.string().min(1).max(64);
const code = z.union([z.number(), z.string().max(256)]);

export const recodeFrom = z.union([
  z.object({ lo: z.number().nullable().optional(), hi: z.number().nullable().optional() }),
  z.object({ values: z.array(code).min(1).max(1000) }),
  z.literal('else'),
  z.literal('missing'),
]);

export const recodeRecipe = z.object({
  source: varName,
  target: varName,
  label: z.string().max(4096).optional(),
  rules: z
    .array(z.object({ from: recodeFrom, to: z.number(), label: z.string().max(4096).optional() }))
    .min(1)
    .max(500),
});

export const computeRecipe = z.object({
  target: varName,
  expression: z.string().min(1).max(4000),
  label: z.string().max(4096).optional(),
});

export interface SavedSpecInfo {
  id: number;
  kind: string;
  name: string;
  folder: string;
  body: unknown;
  updatedAt: string;
}

const specKind = z.enum(['table', 'regression']);

export const uiSection = {
  'transform.recode': call<VariableMeta>()(z.object({ dataset, recipe: recodeRecipe })),
  'transform.compute': call<VariableMeta>()(z.object({ dataset, recipe: computeRecipe })),
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
