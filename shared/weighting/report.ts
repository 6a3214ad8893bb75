/**
 * The report of a weighting run, shown in the dialog and printed by `duiding weight --json` (a public
 * shape: docs/cli.md). The fields the issue names come first; the rest are additions.
 */
import type { Code } from '../model/dataset';
import type { DisclosureSummary } from '../model/results';
import type { Exclusions } from './classify';
import type { WeightMethod } from './spec';
import type { WeightSummary } from './summary';
import type { ScaledMargin } from './totals';

export interface WeightCategoryReport {
  /** The data code; for joint cells the codes joined by ",". */
  code: Code;
  label: string;
  /** Cases in the category (unweighted); null when the output rules suppress it. */
  sample: number | null;
  target: number;
  achieved: number;
  /** Addition: the base weights' total in the category, scaled to the population total ("before"); null with `sample`. */
  base: number | null;
}

/**
 * The weights' summary as reported: with known targets, min, max, cv, deff and effective n are functions
 * of the per-category sample counts, so they are null when the output rules suppress any of those.
 */
export type ReportedWeightSummary = Omit<WeightSummary, WithheldField> & { [K in WithheldField]: number | null };
type WithheldField = 'min' | 'max' | 'cv' | 'kishDeff' | 'effectiveN';

export interface WeightMarginReport {
  /** The variable, or the variables joined by "," for joint cells. */
  variable: string;
  categories: WeightCategoryReport[];
}

export interface WeightReport {
  method: WeightMethod;
  /** The new weight variable. */
  variable: string;
  converged: boolean;
  iterations: number;
  /** Cases that got a weight. */
  n: number;
  /** Σ of the new weights (the population total). */
  weighted: number;
  /** Cases that got system-missing (outside the filter, missing on a margin variable, no valid base weight). */
  excluded: number;
  summary: ReportedWeightSummary;
  margins: WeightMarginReport[];
  /** Addition: why cases were excluded. */
  excludedBy: Exclusions;
  /** Addition: the population total the weights sum to. */
  total: number;
  baseWeight: string | null;
  bounds: [number, number] | null;
  /** Addition: the maximum weight applied by trimming (absolute), or null. */
  trim: number | null;
  filter: string | null;
  maxIter: number;
  epsilon: number;
  /** Addition: the largest relative difference between a margin and its target when calibration ended. */
  difference: number;
  /** Addition: margins given as proportions of `total`. */
  proportions: string[];
  /** Addition: margins whose targets were scaled to the total (--scale-targets), with their own sum. */
  scaled: ScaledMargin[];
  /**
   * Addition: the output rules' verdict on the sample counts (each margin a frequency table with the
   * weighted cases as its total; shared/analysis/weight-rules.ts). Absent on a report not yet checked.
   */
  rules?: DisclosureSummary;
}
