/**
 * Range recodes inside a book spec (e.g. age in years -> age groups). Part of the spec so the file is
 * self-contained: next year's wave gets the same groups without a recipe stored elsewhere. Applied
 * with the project's recode (shared/transform/recode), so missing values follow the same rules.
 */
import { z } from 'zod';
import type { RecodeRecipe } from '../transform/recode';

const varName = z.string().min(1).max(64);

export const rangeRuleSpec = z
  .object({
    /** Inclusive bounds; leave one out for "lowest thru" / "thru highest". */
    from: z.number().optional(),
    to: z.number().optional(),
    code: z.number().int(),
    label: z.string().max(200),
  })
  .refine((r) => r.from !== undefined || r.to !== undefined, { message: 'a rule needs from, to or both' });

export const rangeRecodeSpec = z.object({
  source: varName,
  target: varName,
  label: z.string().max(500).optional(),
  rules: z.array(rangeRuleSpec).min(1).max(200),
});

export type RangeRecodeSpec = z.output<typeof rangeRecodeSpec>;

export function toRecodeRecipe(spec: RangeRecodeSpec): RecodeRecipe {
  return {
    source: spec.source,
    target: spec.target,
    label: spec.label,
    rules: spec.rules.map((r) => ({ from: { lo: r.from ?? null, hi: r.to ?? null }, to: r.code, label: r.label })),
  };
}
