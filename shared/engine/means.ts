/**
 * Means (weighted) of a scale variable in total and by group, with SD, SE, confidence interval and the
 * weighted median (median.ts). Missing values follow SPSS: user- and system-missing y are left out, as
 * are cases whose group is missing (they still count in the design size for sampling weights).
 *
 *   unweighted:  SD² = Σ(y−ȳ)²/(n−1), SE = SD/√n, CI ȳ ± t_{n−1}·SE
 *   frequency w: W = Σw, SD² = Σw(y−ȳ)²/(W−1), SE = SD/√W, CI with t_{W−1} (SPSS EXAMINE/MEANS)
 *   sampling w:  linearisation as R `svymean` on svydesign(ids=~1, weights=~w) for a domain:
 *                SE² = N/(N−1)·Σw²(y−ȳ)²/W², N = all cases in the design; SD² = n/(n−1)·Σw(y−ȳ)²/W
 *                with n the group's cases (`svyvar` on the domain); CI ȳ ± z·SE (R `confint` on
 *                svymean uses the normal distribution).
 */
import type { Code, Dataset } from '../model/dataset';
import type { WeightInfo } from '../model/results';
import { categoryLookup } from './categorize';
import { normalQuantile, tQuantile } from './distributions';
import { EngineError } from './errors';
import { weightedPercentile } from './median';
import { variable } from './vars';
import { type WeightSpec, weightArray } from './weights';

export interface MeansOptions {
  variable: string;
  by?: string;
  weight?: WeightSpec;
  filter?: Uint8Array;
  /** Confidence level, default 0.95. */
  level?: number;
}

export interface GroupMean {
  /** null for Totaal. */
  code: Code | null;
  label: string;
  n: number;
  sumW: number;
  mean: number | null;
  sd: number | null;
  se: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  median: number | null;
}

export interface MeansResult {
  variable: string;
  by: string | null;
  weight: WeightInfo | null;
  level: number;
  ci: 't' | 'normal';
  groups: GroupMean[];
}

export function means(ds: Dataset, opts: MeansOptions): MeansResult {
  const yv = variable(ds, opts.variable);
  if (yv.col.kind === 'string' || yv.meta.type === 'string') throw new EngineError('string-variable', { code: 'engine-string-mean', name: yv.meta.name });
  const level = opts.level ?? 0.95;
  const type = opts.weight?.type ?? null;
  // The weight resolver already turns user-/system-missing into NaN; reuse it for y.
  const y = weightArray(ds, { variable: yv.meta.name, type: 'frequency' });
  const w = opts.weight ? weightArray(ds, opts.weight) : null;
  const by = opts.by ? variable(ds, opts.by) : null;
  const look = by ? categoryLookup(by.col, by.meta, { filter: opts.filter }) : null;
  const G = 1 + (look ? look.categories.length : 0);
  const members: number[][] = Array.from({ length: G }, () => []);
  let designN = 0;
  let weightExcluded = 0;
  for (let i = 0; i < y.length; i++) {
    if (opts.filter && opts.filter[i] === 0) continue;
    if (w && !(w[i] > 0)) {
      weightExcluded++;
      continue;
    }
    designN++;
    if (Number.isNaN(y[i])) continue;
    members[0].push(i);
    if (look) {
      const g = look.lut[look.data[i] + look.offset];
      if (g >= 0) members[g + 1].push(i);
    }
  }
  const groups = members.map((rows, g): GroupMean => {
    const cat = g === 0 || !look ? null : look.categories[g - 1];
    const ys = Float64Array.from(rows, (i) => y[i]);
    const ws = w ? Float64Array.from(rows, (i) => w[i]) : null;
    return {
      code: cat ? cat.code : null,
      label: cat ? cat.label : 'Totaal',
      ...groupStats(ys, ws, type, designN, level),
    };
  });
  const weight: WeightInfo | null = opts.weight
    ? { variable: variable(ds, opts.weight.variable).meta.name, type: opts.weight.type, excluded: weightExcluded }
    : null;
  return { variable: yv.meta.name, by: by ? by.meta.name : null, weight, level, ci: type === 'sampling' ? 'normal' : 't', groups };
}

function groupStats(
  ys: Float64Array,
  ws: Float64Array | null,
  type: 'frequency' | 'sampling' | null,
  designN: number,
  level: number,
): Omit<GroupMean, 'code' | 'label'> {
  const n = ys.length;
  let W = 0;
  let sy = 0;
  for (let k = 0; k < n; k++) {
    const wk = ws ? ws[k] : 1;
    W += wk;
    sy += wk * ys[k];
  }
  const empty = { n, sumW: W, mean: null, sd: null, se: null, ciLow: null, ciHigh: null, median: null };
  if (n === 0) return empty;
  const mean = sy / W;
  let ss = 0;
  let ss2 = 0;
  for (let k = 0; k < n; k++) {
    const wk = ws ? ws[k] : 1;
    const d = ys[k] - mean;
    ss += wk * d * d;
    ss2 += wk * wk * d * d;
  }
  let sd: number | null = null;
  let se: number | null = null;
  let q: number | null = null;
  const alpha = 1 - level;
  if (type === 'sampling') {
    if (designN > 1 && n > 1) {
      sd = Math.sqrt(((n / (n - 1)) * ss) / W);
      se = Math.sqrt((designN / (designN - 1)) * ss2) / W;
      q = normalQuantile(1 - alpha / 2);
    }
  } else if (W > 1) {
    sd = Math.sqrt(ss / (W - 1));
    se = sd / Math.sqrt(W);
    q = tQuantile(1 - alpha / 2, W - 1);
  }
  return {
    n,
    sumW: W,
    mean,
    sd,
    se,
    ciLow: se !== null && q !== null ? mean - q * se : null,
    ciHigh: se !== null && q !== null ? mean + q * se : null,
    median: weightedPercentile(ys, ws, 0.5),
  };
}
