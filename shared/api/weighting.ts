/**
 * Weighting: calibrate a dataset (or a wave within it, by filter) to population targets and keep the
 * weight as a new variable with its recipe ("Weging opnieuw" reruns a recipe on the next wave).
 */
import { z } from 'zod';
import { call } from './contract';
import type { VariableMeta } from '../model/dataset';
import type { WeightCodeMismatch } from '../i18n/messages';
import { targetsSchema, type Targets } from '../weighting/targets';
import { weightSpecSchema, weightVariableName, type WeightSpec } from '../weighting/spec';
import type { WeightMarginReport, WeightReport } from '../weighting/report';

const dataset = z.string().min(1).max(256);
/** The language of the new variable's label and of the chart. */
const lang = z.enum(['nl', 'en']).default('nl');
const code = z.union([z.number(), z.string().max(256)]);

export const weightMarginSchema = z.object({
  variable: z.string().min(1).max(1000),
  categories: z
    .array(
      z.object({
        code,
        label: z.string().max(4096),
        sample: z.number().nullable(),
        target: z.number(),
        achieved: z.number(),
        base: z.number().nullable(),
      }),
    )
    .min(1)
    .max(2000),
});

export interface WeightApplied {
  report: WeightReport;
  variable: VariableMeta;
}

export interface WeightRecipeInfo {
  id: number;
  /** The dataset the recipe was made on (it may since have been replaced by its next wave, or removed). */
  dataset: string;
  datasetExists: boolean;
  /** The weight variable it made. */
  variable: string;
  createdAt: string;
  /** null when the stored recipe cannot be read by this version. */
  spec: WeightSpec | null;
}

export interface WeightRerun {
  /** The recipe's specification with the new targets, name or filter applied. */
  spec: WeightSpec;
  /** Codes that no longer match between the targets and this dataset; when any, nothing was weighted. */
  mismatches: WeightCodeMismatch[];
  report: WeightReport | null;
  /** The stored variable, when `apply` was asked and nothing stood in the way. */
  variable: VariableMeta | null;
}

export const weightingSection = {
  /** The report of a run, without storing anything. */
  'weighting.preview': call<WeightReport>()(z.object({ dataset, spec: weightSpecSchema })),
  /** Runs and stores the weight (role weight) with its recipe and an audit entry, as one undoable step. */
  'weighting.apply': call<WeightApplied>()(z.object({ dataset, spec: weightSpecSchema, replace: z.boolean().default(false), lang })),
  /** The project's weight recipes, of one dataset or all. */
  'weighting.recipes': call<WeightRecipeInfo[]>()(z.object({ dataset: dataset.optional() })),
  /** Reruns a recipe on a dataset (the next wave), with the same or new targets; reports codes that no longer match. */
  'weighting.rerun': call<WeightRerun>()(
    z.object({
      recipe: z.number().int().positive(),
      dataset,
      targets: targetsSchema.optional(),
      name: weightVariableName.optional(),
      /** A new filter, e.g. the next wave in the same dataset (`golf = 2026`); "" weights every case. */
      filter: z.string().max(4000).optional(),
      apply: z.boolean().default(false),
      replace: z.boolean().default(false),
      lang,
    }),
  ),
  /** Reads a targets file (JSON, or the StatLine CSV form) chosen in the file chooser. */
  'weighting.readTargets': call<{ path: string; targets: Targets }>()(
    z.object({
      path: z
        .string()
        .min(1)
        .max(4096)
        .refine((s) => !s.includes('\0'), 'a path cannot contain NUL'),
    }),
  ),
  /** One margin before and after weighting as a chart (SVG) in the house style. */
  'weighting.chart': call<{ svg: string }>()(z.object({ margin: weightMarginSchema, lang })),
};

export type { WeightMarginReport };
