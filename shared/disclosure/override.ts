/**
 * An override of the output rules for specific cells: allowed only with a written reason, and
 * recorded in the project's audit log together with the table specification.
 */
import { z } from 'zod';
import { ruleSetNameSchema } from './rules';

export const overrideCellSchema = z.object({
  /** Row index in the result (a margin is addressed by its index = number of rows/columns). */
  row: z.number().int().min(0),
  col: z.number().int().min(0),
});

export const overrideSchema = z.object({
  /** The saved table specification the override belongs to (shape owned by shared/spec). */
  tableSpec: z.record(z.string(), z.unknown()),
  cells: z.array(overrideCellSchema).min(1),
  reason: z.string().trim().min(10, 'give a reason of at least 10 characters'),
  ruleSet: ruleSetNameSchema.optional(),
  /** ISO time; set by the store when the override is recorded. */
  createdAt: z.string().optional(),
});

export type Override = z.infer<typeof overrideSchema>;
