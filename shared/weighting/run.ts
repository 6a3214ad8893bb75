/**
 * One weighting run: targets → cells → calibration → weights, trimming and the report. Pure: the
 * caller decides whether to store the weights (a project variable, a .sav, or nothing for a preview).
 * A run that cannot finish (codes that do not match, margins with different totals, no convergence)
 * throws a WeightingError before any weight exists, so nothing half-made can be written.
 */
import { filterMask } from '../analysis/filter';
import { EngineError } from '../engine/errors';
import { weightArray } from '../engine/weights';
import { findVariable, type Code, type Dataset } from '../model/dataset';
import { rakingCalfun, linearCalfun } from './calfun';
import { calibrate } from './calibrate';
import type { CellProblem, CellSolution } from './cell-problem';
import { classify } from './classify';
import { WeightingError } from './errors';
import { poststrat } from './poststrat';
import { rake } from './rake';
import type { WeightMarginReport, WeightReport } from './report';
import { weightSpecSchema, type WeightSpec, type WeightSpecInput } from './spec';
import { summarizeWeights } from './summary';
import { toTargetSet, type TargetSet } from './targets';
import { settleTotals } from './totals';
import { trimWeights } from './trim';

export interface WeightingResult {
  /** One weight per case; NaN (system-missing) for cases that were not weighted. */
  weights: Float64Array;
  report: WeightReport;
}

export interface RunOptions {
  /** The targets as parsed from a file, keeping its line numbers for messages; default spec.targets. */
  targetSet?: TargetSet;
}

function checkSpec(spec: WeightSpec, ts: TargetSet): void {
  if (spec.bounds) {
    if (spec.method === 'poststrat') throw new WeightingError({ code: 'weight-bounds-method', method: spec.method });
    const [lo, hi] = spec.bounds;
    if (!(lo < 1 && hi > 1)) throw new WeightingError({ code: 'weight-bounds', lo, hi });
  }
  if (spec.method === 'poststrat' && ts.margins.length !== 1) throw new WeightingError({ code: 'weight-method-margins', method: spec.method });
}

function baseWeights(ds: Dataset, name: string | undefined): Float64Array | undefined {
  if (name === undefined) return undefined;
  if (findVariable(ds, name) < 0) throw new WeightingError({ code: 'weight-unknown-variable', variable: name });
  try {
    return weightArray(ds, { variable: name, type: 'sampling' });
  } catch (e) {
    if (e instanceof EngineError && e.code === 'string-weight') throw new WeightingError({ code: 'weight-text-base', variable: name });
    throw e;
  }
}

function solve(spec: WeightSpec, p: CellProblem): CellSolution {
  const it = { maxIter: spec.maxIter, epsilon: spec.epsilon };
  if (spec.method === 'poststrat') return poststrat(p);
  if (spec.method === 'rake') return spec.bounds ? calibrate(p, rakingCalfun, { ...it, bounds: spec.bounds }) : rake(p, it);
  return calibrate(p, linearCalfun, { ...it, bounds: spec.bounds ?? null });
}

export function runWeighting(ds: Dataset, specIn: WeightSpec | WeightSpecInput, opts: RunOptions = {}): WeightingResult {
  const spec = weightSpecSchema.parse(specIn);
  const given = opts.targetSet ?? toTargetSet(spec.targets);
  checkSpec(spec, given);
  const settled = settleTotals(given, spec.scaleTargets);
  const filter = filterMask(ds, spec.filter);
  const base = baseWeights(ds, spec.baseWeight);
  const cls = classify(ds, settled.targets, { filter, base });
  let n = 0;
  let baseTotal = 0;
  for (let c = 0; c < cls.ncells; c++) {
    n += cls.count[c];
    baseTotal += cls.baseSum[c];
  }
  if (n === 0 && !cls.mismatches.some((m) => m.notInTargets.length)) throw new WeightingError({ code: 'weight-no-cases' });
  if (cls.mismatches.length) throw new WeightingError({ code: 'weight-codes', mismatches: cls.mismatches });
  if (cls.zeroTargets.length) throw new WeightingError({ code: 'weight-zero-target', ...cls.zeroTargets[0] });

  // Base weights are scaled to the population total, so bounds are ratios to a weight of the right size.
  const scale = settled.total / baseTotal;
  const problem: CellProblem = {
    ncells: cls.ncells,
    base: cls.baseSum.map((b) => b * scale),
    margins: cls.margins.map((m, k) => ({ cat: cls.cellCategory[k], targets: Float64Array.from(m.categories.map((c) => c.target)) })),
  };
  const solution = solve(spec, problem);
  if (!solution.converged) {
    throw new WeightingError({
      code: 'weight-not-converged',
      method: spec.method,
      iterations: solution.iterations,
      difference: solution.difference,
      ...(spec.bounds ? { bounds: spec.bounds } : {}),
    });
  }

  const weights = new Float64Array(ds.rows).fill(NaN);
  const { cell } = cls;
  const factor = solution.g.map((g) => g * scale);
  if (base) {
    for (let i = 0; i < weights.length; i++) if (cell[i] >= 0) weights[i] = base[i] * factor[cell[i]];
  } else {
    for (let i = 0; i < weights.length; i++) if (cell[i] >= 0) weights[i] = factor[cell[i]];
  }

  let trimAt: number | null = null;
  let trimmed = 0;
  if (spec.trim) {
    const mean = settled.total / n;
    trimAt = spec.trim.relative ? spec.trim.max * mean : spec.trim.max;
    if (!(trimAt > mean)) throw new WeightingError({ code: 'weight-trim', max: trimAt, mean });
    trimmed = trimWeights(weights, trimAt).trimmed;
  }

  const { n: _n, sum, ...summary } = summarizeWeights(weights, trimmed);
  const report: WeightReport = {
    method: spec.method,
    variable: spec.name,
    converged: true,
    iterations: solution.iterations,
    n,
    weighted: sum,
    excluded: ds.rows - n,
    summary,
    margins: marginReports(cls, weights, problem.base),
    excludedBy: cls.excluded,
    total: settled.total,
    baseWeight: spec.baseWeight ? ds.variables[findVariable(ds, spec.baseWeight)].name : null,
    bounds: spec.bounds ?? null,
    trim: trimAt,
    filter: spec.filter?.trim() ? spec.filter : null,
    maxIter: spec.maxIter,
    epsilon: spec.epsilon,
    difference: solution.difference,
    proportions: settled.proportions,
    scaled: settled.scaled,
  };
  return { weights, report };
}

/**
 * Cases per margin category that a run of `spec` would weight among the rows of `mask` (undefined: all
 * rows) — the report's `sample` under another selection, for differencing (shared/analysis/weight-rules.ts).
 * Cases with a code the targets lack are left out, as a run would refuse them.
 */
export function marginSampleCounts(ds: Dataset, specIn: WeightSpec | WeightSpecInput, mask: Uint8Array | undefined, opts: RunOptions = {}): number[][] {
  const spec = weightSpecSchema.parse(specIn);
  const settled = settleTotals(opts.targetSet ?? toTargetSet(spec.targets), spec.scaleTargets);
  const cls = classify(ds, settled.targets, { filter: mask, base: baseWeights(ds, spec.baseWeight) });
  return cls.margins.map((m, k) => {
    const sample = new Array<number>(m.categories.length).fill(0);
    for (let c = 0; c < cls.ncells; c++) sample[cls.cellCategory[k][c]] += cls.count[c];
    return sample;
  });
}

/** Sample, base and achieved per category, the achieved totals summed from the final weights. */
function marginReports(cls: ReturnType<typeof classify>, weights: Float64Array, cellBase: Float64Array): WeightMarginReport[] {
  const achievedByCell = new Float64Array(cls.ncells);
  const { cell } = cls;
  for (let i = 0; i < weights.length; i++) if (cell[i] >= 0) achievedByCell[cell[i]] += weights[i];
  return cls.margins.map((m, k) => {
    const cat = cls.cellCategory[k];
    const sample = new Float64Array(m.categories.length);
    const base = new Float64Array(m.categories.length);
    const achieved = new Float64Array(m.categories.length);
    for (let c = 0; c < cls.ncells; c++) {
      sample[cat[c]] += cls.count[c];
      base[cat[c]] += cellBase[c];
      achieved[cat[c]] += achievedByCell[c];
    }
    return {
      variable: m.variable,
      categories: m.categories.map((c, j) => ({
        code: (c.codes.length === 1 ? c.codes[0] : c.code) as Code,
        label: c.label,
        sample: sample[j],
        target: c.target,
        achieved: achieved[j],
        base: base[j],
      })),
    };
  });
}
