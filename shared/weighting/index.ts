/** Weighting: calibrate a wave to population targets (raking, poststratification, linear/GREG). */
export { runWeighting, marginSampleCounts, type WeightingResult, type RunOptions } from './run';
export { WeightingError } from './errors';
export { weightSpecSchema, weightMethods, weightVariableName, DEFAULT_WEIGHT_NAME, DEFAULT_EPSILON, DEFAULT_MAX_ITER } from './spec';
export type { WeightMethod, WeightSpec, WeightSpecInput } from './spec';
export { targetsSchema, parseTargetsJson, parseTargetsObject, toTargetSet, fromTargetSet, type Targets, type TargetSet } from './targets';
export { parseTargetsCsv, parseTargetsFile } from './targets-csv';
export { parseTargetNumber } from './target-number';
export type { WeightReport, WeightMarginReport, WeightCategoryReport } from './report';
export { checkTargets } from './check';
export { weightVariableMeta } from './variable';
