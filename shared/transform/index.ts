export * from './expr/index';
export { type MetaConflict, type AppendOptions, appendDatasets, PanelError } from './panel';
export { type MergeOptions, type MergeReport, MergeError, mergeDatasets, planMerge } from './merge';
export { applyCompute, applyRecode, type ComputeRecipe, type RecodeFrom, type RecodeRecipe, type RecodeRule, RecipeError } from './recode';
