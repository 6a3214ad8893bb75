/** Derived variables: recodes and computed variables, stored in the project as new variables. */
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

export const transformSection = {
  'transform.recode': call<VariableMeta>()(z.object({ dataset, recipe: recodeRecipe })),
  'transform.compute': call<VariableMeta>()(z.object({ dataset, recipe: computeRecipe })),
};
