/**
 * An override of the output rules for specific cells of one table: allowed only with a written
 * reason, recorded in the project's audit log together with the table specification.
 *
 * Which table an override belongs to ("matching table specification"):
 * - the table key (`overrideKey`): dataset, row variable, the banner's column structure (Totaal or not,
 *   and the column variables / nests in order), the weight (variable and type) and the rule set
 *   (name and minimum count). Statistics shown, tests and means do not change a count, so they are
 *   not part of it; the filter is recorded for the reader of the log but matched through the counts.
 * - the counts (`fingerprint` + each released cell's count): the unweighted counts of the table's
 *   cross-classified cells when the override was made. A new wave, a changed filter, a re-import or
 *   a recode changes them, and the override is then not applied (reported as stale) — a changed
 *   table never silently inherits an old release.
 * A chart of row × col is the banner "Totaal | col" of the same row variable, so it matches too.
 */
import { z } from 'zod';
import type { Code } from '../../model/dataset';
import { ruleSetNameSchema } from '../rules';

const name = z.string().min(1).max(256);

export const overrideColumnsSchema = z.object({
  total: z.boolean(),
  items: z.array(z.union([z.object({ variable: name }), z.object({ nest: z.tuple([name, name]) })])).max(20),
});
export type OverrideColumns = z.infer<typeof overrideColumnsSchema>;

/** The table an override belongs to, as the user built it. */
export const overrideTargetSchema = z.object({
  dataset: name,
  row: name,
  columns: overrideColumnsSchema,
  weight: z
    .object({ variable: name, type: z.enum(['frequency', 'sampling']) })
    .nullable()
    .default(null),
  /** The filter expression as typed, for the log (matching goes through the counts). */
  filter: z.string().max(4000).nullable().default(null),
});
export type OverrideTarget = z.infer<typeof overrideTargetSchema>;

/** A cell: row category code and banner column key ('total' = Totaal, 'gemeente=6', 'a=1|b=2'). */
export const overrideCellSchema = z.object({ row: z.union([z.number(), z.string()]), col: z.string().min(1).max(600) });
export type OverrideCell = z.infer<typeof overrideCellSchema>;

export const overrideReasonSchema = z.string().trim().min(10, 'give a reason of at least 10 characters').max(2000);

/** A request to release cells: what the user asks for (the store adds counts, key and time). */
export const overrideSchema = z.object({
  target: overrideTargetSchema,
  cells: z.array(overrideCellSchema).min(1).max(500),
  reason: overrideReasonSchema,
});
export type Override = z.infer<typeof overrideSchema>;

/** A released cell as recorded: its unweighted count then, and labels for the log and the sheet. */
export interface RecordedCell {
  row: Code;
  col: string;
  rowLabel: string;
  colLabel: string;
  count: number;
}

/** An override as stored in the project. */
export interface OverrideRecord {
  id: number;
  key: string;
  target: OverrideTarget;
  ruleSet: { name: z.infer<typeof ruleSetNameSchema>; minCount: number };
  cells: RecordedCell[];
  fingerprint: string;
  reason: string;
  createdAt: string;
}

/** The parts of a table that decide which overrides may apply to it. */
export interface TableIdentity {
  dataset: string;
  row: string;
  columns: OverrideColumns;
  weight: { variable: string; type: 'frequency' | 'sampling' } | null;
  ruleSet: { name: string; minCount: number };
}

/** Canonical JSON of a table identity: arrays in a fixed order, so equal tables give equal keys. */
export function overrideKey(t: TableIdentity): string {
  const items = t.columns.items.map((it) => ('variable' in it ? [it.variable] : [it.nest[0], it.nest[1]]));
  return JSON.stringify([
    'v1',
    t.dataset,
    t.row,
    t.columns.total,
    items,
    t.weight ? [t.weight.variable, t.weight.type] : null,
    t.ruleSet.name,
    t.ruleSet.minCount,
  ]);
}
