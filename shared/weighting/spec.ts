/**
 * What a weighting run is asked to do: the CLI's flags, the dialog's choices, the API's request and the
 * recipe a project keeps for "Weging opnieuw" are all this one object (zod, so every boundary checks it).
 */
import { z } from 'zod';
import { targetsSchema } from './targets';

export const weightMethods = ['rake', 'poststrat', 'linear'] as const;
export type WeightMethod = (typeof weightMethods)[number];

/** A variable name as SPSS and the project accept it (the variable view's rule). */
export const weightVariableName = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\p{L}@#$][\p{L}\p{N}_.@#$]*$/u, 'a variable name starts with a letter and holds letters, digits and _ . @ # $');

export const DEFAULT_WEIGHT_NAME = 'weging';
export const DEFAULT_MAX_ITER = 1000;
export const DEFAULT_EPSILON = 1e-10;

export const weightSpecSchema = z
  .object({
    version: z.literal(1).default(1),
    method: z.enum(weightMethods),
    targets: targetsSchema,
    /** Name of the new weight variable. */
    name: weightVariableName.default(DEFAULT_WEIGHT_NAME),
    /** A design weight to start from; without it every case starts at total/n. */
    baseWeight: z.string().min(1).max(64).optional(),
    filter: z.string().max(4000).optional(),
    /** Bounds on the ratio new/base weight (rake and linear). */
    bounds: z.tuple([z.number(), z.number()]).optional(),
    /** Maximum weight, or with `relative` a multiple of the mean weight; the excess is redistributed. */
    trim: z.object({ max: z.number().finite().positive(), relative: z.boolean().default(false) }).optional(),
    maxIter: z.number().int().min(1).max(1_000_000).default(DEFAULT_MAX_ITER),
    epsilon: z.number().positive().max(0.01).default(DEFAULT_EPSILON),
    /** Scale margins whose targets do not sum to the total, instead of refusing them. */
    scaleTargets: z.boolean().default(false),
  })
  .strict();

export type WeightSpec = z.output<typeof weightSpecSchema>;
export type WeightSpecInput = z.input<typeof weightSpecSchema>;
