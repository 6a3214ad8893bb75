import { z } from 'zod';
import { call } from './contract';
import type { DatasetInfo, VariableMeta } from '../model/dataset';

export interface DatasetSummary {
  name: string;
  rows: number;
  variables: number;
  source: string | null;
  importedAt: string | null;
}

export interface ProjectSummary {
  path: string;
  name: string;
  datasets: DatasetSummary[];
  ruleSet: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  action: string;
  detail: unknown;
}

export interface AuditChainReport {
  ok: boolean;
  entries: number;
  /** SHA-256 of the last entry: quote it to let a later reader check that nothing was changed since. */
  head: string | null;
  broken?: { id: number; at: string; action: string; reason: 'prev-hash' | 'hash' | 'unchained' };
}

/** Cells of a page of rows; `null` is system-missing. Codes, or labels when asked. */
export interface RowPage {
  start: number;
  /** Total rows in the dataset. */
  total: number;
  columns: string[];
  values: (number | string | null)[][];
  /** Parallel to values: 'u' user-missing, 's' system-missing, '' valid. */
  missing: string[][];
}

export const variablePatch = z
  .object({
    name: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[\p{L}@#$][\p{L}\p{N}_.@#$]*$/u)
      .optional(),
    label: z.string().max(4096).optional(),
    folder: z.string().max(200).optional(),
    measure: z.enum(['nominal', 'ordinal', 'scale']).optional(),
    role: z.enum(['input', 'weight', 'id', 'key', 'none']).optional(),
    valueLabels: z.record(z.string(), z.string().max(4096)).optional(),
    missing: z
      .object({
        values: z.array(z.union([z.number(), z.string()])).max(3),
        range: z.tuple([z.number(), z.number()]).nullable(),
      })
      .optional(),
  })
  .strict();

export type VariablePatch = z.infer<typeof variablePatch>;

const dataset = z.string().min(1).max(256);

export const projectSection = {
  'project.current': call<ProjectSummary | null>()(z.object({})),
  /**
   * `replaceEmpty`: the path holds an empty file (error code `empty-project`, left by an interrupted
   * create of an older version) and the user agreed to replace it by a new project. Never any other file.
   */
  'project.open': call<ProjectSummary>()(z.object({ path: z.string().min(1), replaceEmpty: z.boolean().default(false) })),
  'project.create': call<ProjectSummary>()(z.object({ path: z.string().min(1), replaceEmpty: z.boolean().default(false) })),
  'project.close': call<null>()(z.object({})),
  'project.recent': call<string[]>()(z.object({})),
  /** The audit log's hash chain recomputed (electron/store/audit-chain.ts): intact or the first broken link, and its head. */
  'project.auditVerify': call<AuditChainReport>()(z.object({})),
  'project.audit': call<AuditEntry[]>()(z.object({ limit: z.number().int().min(1).max(10000).default(200) })),
  'dataset.info': call<DatasetInfo>()(z.object({ dataset })),
  'dataset.rows': call<RowPage>()(
    z.object({
      dataset,
      start: z.number().int().min(0),
      count: z.number().int().min(1).max(5000),
      labels: z.boolean().default(false),
    }),
  ),
  'variable.update': call<VariableMeta>()(z.object({ dataset, variable: z.string().min(1), patch: variablePatch })),
  'history.undo': call<{ undone: string | null }>()(z.object({})),
  'history.redo': call<{ redone: string | null }>()(z.object({})),
};
