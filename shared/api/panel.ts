import { z } from 'zod';
import { call } from './contract';
import type { DatasetSummary } from './project';
import type { MergeReport } from '../transform/merge';
import type { MetaConflict } from '../transform/panel';

const name = z.string().min(1).max(256);
const code = z.union([z.number(), z.string()]);

/** Linking panel waves: append (adds a wave variable) or merge on a key. Plan first, then apply. */
export const panelRequest = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('append'),
    first: name,
    second: name,
    waveVariable: z.string().min(1).max(64),
    waveValues: z.tuple([code, code]),
    waveLabels: z.tuple([z.string(), z.string()]).optional(),
  }),
  z.object({
    kind: z.literal('merge'),
    left: name,
    right: name,
    key: z.string().min(1).max(64),
    mergeKind: z.enum(['one-to-one', 'one-to-many']),
    rightSuffix: z.string().max(16).optional(),
  }),
]);

export type PanelPlan = { kind: 'append'; rows: number; conflicts: MetaConflict[] } | { kind: 'merge'; report: MergeReport };

export const panelSection = {
  'panel.plan': call<PanelPlan>()(panelRequest),
  'panel.apply': call<DatasetSummary>()(
    z.object({
      link: panelRequest,
      target: z
        .string()
        .min(1)
        .max(128)
        .regex(/^[\p{L}\p{N}_]+$/u),
    }),
  ),
};
